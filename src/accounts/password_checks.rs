//! Password hashing and checking under a fixed bound. Each argon2id run
//! needs 19 MiB and a core for tens of milliseconds; run unbounded, 100
//! parallel sign-ins took the process to 1.76 GB and every other page
//! waited for a core. Here at most `slots` runs happen at once, each in a
//! memory block allocated once and reused (so the allocator never spreads
//! 19 MiB buffers over the arenas of many blocking threads, where they
//! stay); whoever finds every slot taken waits a moment, then is told to
//! come back (503 with Retry-After).

use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::AppError;

/// How long a request waits for a free slot before it is answered 503.
pub const WAIT: Duration = Duration::from_secs(2);
/// What such an answer asks the client to wait before trying again.
pub const RETRY_AFTER_SECS: u64 = 5;

pub struct PasswordChecks {
    slots: Arc<Semaphore>,
    wait: Duration,
    /// One memory block per slot, made on first use and kept.
    memory: Arc<Mutex<Vec<Vec<Block>>>>,
}

impl Default for PasswordChecks {
    /// One slot per two cores (at least one): the other cores keep serving
    /// pages while sign-ins queue.
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        Self::new((cores / 2).max(1))
    }
}

impl PasswordChecks {
    pub fn new(slots: usize) -> Self {
        Self {
            slots: Arc::new(Semaphore::new(slots.max(1))),
            wait: WAIT,
            memory: Arc::default(),
        }
    }

    /// The same with another wait for a free slot (tests use none).
    pub fn with_wait(mut self, wait: Duration) -> Self {
        self.wait = wait;
        self
    }

    /// A turn at checking a password: waits a moment for one, then gives
    /// up with `AppError::Busy`. A sign-in takes its turn before it does
    /// anything else (counting the attempt included), so that a burst of
    /// sign-ins waits here, holding no database connection, rather than
    /// queueing for the database's write lock.
    pub async fn slot(&self) -> Result<Slot, AppError> {
        let permit = tokio::time::timeout(self.wait, self.slots.clone().acquire_owned())
            .await
            .map_err(|_| AppError::Busy {
                retry_after_secs: RETRY_AFTER_SECS,
            })??;
        Ok(Slot {
            permit,
            memory: self.memory.clone(),
        })
    }

    /// Makes the dummy hash (in a slot, like any check), so that the first
    /// sign-in with an unknown email is not slower than the others. Its
    /// memory is given back: an instance nobody signs in to keeps none.
    pub async fn prepare(&self) -> Result<(), AppError> {
        let permit = self.slot().await?.permit;
        actix_web::web::block(move || {
            dummy_hash(&mut Vec::new());
            drop(permit);
        })
        .await
        .map_err(AppError::from)
    }

    /// Whether `password` matches the stored `hash` (see `Slot::verify`).
    pub async fn verify(&self, hash: Option<String>, password: String) -> Result<bool, AppError> {
        self.slot().await?.verify(hash, password).await
    }

    /// A new argon2id hash of `password` (PHC string).
    pub async fn hash(&self, password: String) -> Result<String, AppError> {
        self.slot()
            .await?
            .run(move |memory| hash_with(&password, memory))
            .await?
            .ok_or_else(|| AppError::Internal("cannot hash a password".to_owned()))
    }
}

/// One turn at password checking, and the memory it runs in.
pub struct Slot {
    permit: OwnedSemaphorePermit,
    memory: Arc<Mutex<Vec<Vec<Block>>>>,
}

impl Slot {
    /// Whether `password` matches the stored `hash`; `None` as the hash
    /// checks against a dummy one, so an unknown account costs the same.
    pub async fn verify(self, hash: Option<String>, password: String) -> Result<bool, AppError> {
        self.run(move |memory| match hash {
            Some(hash) => verify_with(&hash, &password, memory),
            None => {
                let dummy = dummy_hash(memory);
                verify_with(dummy, &password, memory);
                false
            }
        })
        .await
    }

    async fn run<T: Send + 'static>(
        self,
        work: impl FnOnce(&mut Vec<Block>) -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let Slot { permit, memory } = self;
        actix_web::web::block(move || {
            let mut mine = memory
                .lock()
                .map(|mut p| p.pop())
                .ok()
                .flatten()
                .unwrap_or_default();
            let out = work(&mut mine);
            if let Ok(mut p) = memory.lock() {
                p.push(mine);
            }
            drop(permit);
            out
        })
        .await
        .map_err(AppError::from)
    }
}

/// A real hash of a random password nobody has, checked against when the
/// email is unknown so that both failures cost the same time. Made on first
/// use, in a slot's memory.
fn dummy_hash(memory: &mut Vec<Block>) -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let mut secret = [0u8; 24];
        rand::RngCore::fill_bytes(&mut rand::rng(), &mut secret);
        hash_with(&hex::encode(secret), memory).unwrap_or_default()
    })
}

/// The parameters new hashes get (OWASP: 19 MiB, 2 passes, 1 lane).
pub(super) fn params() -> Params {
    Params::new(19 * 1024, 2, 1, None).unwrap_or_default()
}

/// `memory` grown to at least `blocks` (it is kept for the next run).
fn blocks(memory: &mut Vec<Block>, blocks: usize) -> &mut [Block] {
    if memory.len() < blocks {
        memory.resize(blocks, Block::default());
    }
    &mut memory[..blocks]
}

/// Checks a password against a PHC string, in the given memory.
pub fn verify_with(hash: &str, password: &str, memory: &mut Vec<Block>) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
        return false;
    };
    let Ok(algorithm) = Algorithm::try_from(parsed.algorithm) else {
        return false;
    };
    let version = match parsed.version.map(Version::try_from) {
        None => Version::default(),
        Some(Ok(v)) => v,
        Some(Err(_)) => return false,
    };
    let Ok(params) = Params::try_from(&parsed) else {
        return false;
    };
    let mut salt_buf = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_buf) else {
        return false;
    };
    let count = params.block_count();
    let argon = Argon2::new(algorithm, version, params);
    let mut out = vec![0u8; expected.len()];
    if argon
        .hash_password_into_with_memory(password.as_bytes(), salt, &mut out, blocks(memory, count))
        .is_err()
    {
        return false;
    }
    // `Output` compares in constant time.
    Output::new(&out).is_ok_and(|o| o == expected)
}

/// Hashes a password into a PHC string, in the given memory.
pub fn hash_with(password: &str, memory: &mut Vec<Block>) -> Option<String> {
    let params = params();
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    let mut salt_buf = [0u8; 64];
    let salt_bytes = salt.decode_b64(&mut salt_buf).ok()?;
    let count = params.block_count();
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    argon
        .hash_password_into_with_memory(
            password.as_bytes(),
            salt_bytes,
            &mut out,
            blocks(memory, count),
        )
        .ok()?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).ok()?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out).ok()?),
    };
    Some(phc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reused_memory_gives_the_same_answers_as_the_library() {
        let mut memory = Vec::new();
        let ours = hash_with("violet-harbour-kettle-42", &mut memory).unwrap_or_default();
        assert!(
            ours.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{ours}"
        );
        // The library's own check accepts our hash, and ours accepts its.
        assert!(super::super::verify_password(
            &ours,
            "violet-harbour-kettle-42"
        ));
        let theirs = super::super::hash_password("amber-lantern-meadow-17").unwrap_or_default();
        assert!(verify_with(&theirs, "amber-lantern-meadow-17", &mut memory));
        assert!(!verify_with(
            &theirs,
            "amber-lantern-meadow-18",
            &mut memory
        ));
        assert!(verify_with(&ours, "violet-harbour-kettle-42", &mut memory));
        assert!(!verify_with(&ours, "", &mut memory));
        assert!(!verify_with("not a hash", "x", &mut memory));
        // A smaller cost than ours is checked in the same memory.
        let small = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(1024, 1, 1, None).unwrap_or_default(),
        );
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        let small_hash = argon2::PasswordHasher::hash_password(&small, b"pw-0123456789", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default();
        assert!(verify_with(&small_hash, "pw-0123456789", &mut memory));
        let dummy = dummy_hash(&mut memory);
        assert!(dummy.starts_with("$argon2id$"));
        assert!(!verify_with(dummy, "anything at all", &mut memory));
        assert_eq!(memory.len(), 19 * 1024, "the memory is kept, not shrunk");
    }
}
