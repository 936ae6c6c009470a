//! Signed, expiring tokens for links sent by e-mail to people without an
//! account: `{id}.{nonce}.{expires}.{mac}`, the MAC an HMAC-SHA256 under
//! the app's secret key over a purpose and the rest. A token is checked for
//! its MAC before anything else, so a tampered one tells nothing about
//! the record it names; single use is the feature's business (it keeps the
//! nonce in a row it can claim).

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Why a token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    /// Not made by us, or changed since.
    Tampered,
    /// Made by us, but past its time.
    Expired,
}

/// What a valid token carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claims {
    pub id: i32,
    pub nonce: String,
    pub expires: i64,
}

fn mac(secret: &[u8], purpose: &str, id: i32, nonce: &str, expires: i64) -> Option<Hmac<Sha256>> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).ok()?;
    mac.update(format!("{purpose}:{id}:{nonce}:{expires}").as_bytes());
    Some(mac)
}

/// A token for record `id` with a random `nonce`, valid until `expires`
/// (a Unix time), for one `purpose` only.
pub fn sign(secret: &[u8], purpose: &str, id: i32, nonce: &str, expires: i64) -> String {
    let code = mac(secret, purpose, id, nonce, expires)
        .map(|m| hex::encode(m.finalize().into_bytes()))
        .unwrap_or_default();
    format!("{id}.{nonce}.{expires}.{code}")
}

/// Checks a token made by [`sign`] for `purpose`, at Unix time `now`.
pub fn verify(secret: &[u8], purpose: &str, token: &str, now: i64) -> Result<Claims, Invalid> {
    if token.len() > 200 {
        return Err(Invalid::Tampered);
    }
    let mut parts = token.split('.');
    let (Some(id), Some(nonce), Some(expires), Some(given), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Err(Invalid::Tampered);
    };
    let id: i32 = id.parse().map_err(|_| Invalid::Tampered)?;
    let expires: i64 = expires.parse().map_err(|_| Invalid::Tampered)?;
    if !nonce
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(Invalid::Tampered);
    }
    // `verify_slice` compares in constant time.
    let given = hex::decode(given).map_err(|_| Invalid::Tampered)?;
    mac(secret, purpose, id, nonce, expires)
        .ok_or(Invalid::Tampered)?
        .verify_slice(&given)
        .map_err(|_| Invalid::Tampered)?;
    if expires < now {
        return Err(Invalid::Expired);
    }
    Ok(Claims {
        id,
        nonce: nonce.to_owned(),
        expires,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"a-secret-key-for-the-unit-tests-0123456789";

    #[test]
    fn a_token_verifies_until_it_expires_and_not_once_changed() {
        let t = sign(KEY, "reply", 7, "abc_DEF-1", 1_000);
        let c = verify(KEY, "reply", &t, 999).unwrap();
        assert_eq!((c.id, c.nonce.as_str(), c.expires), (7, "abc_DEF-1", 1_000));
        assert_eq!(verify(KEY, "reply", &t, 1_001), Err(Invalid::Expired));
        assert_eq!(verify(KEY, "alert", &t, 999), Err(Invalid::Tampered));
        let other_id = t.replacen("7.", "8.", 1);
        assert_eq!(verify(KEY, "reply", &other_id, 999), Err(Invalid::Tampered));
        let later = t.replace(".1000.", ".9000.");
        assert_eq!(verify(KEY, "reply", &later, 999), Err(Invalid::Tampered));
        assert_eq!(
            verify(b"another-key-another-key-another-key", "reply", &t, 999),
            Err(Invalid::Tampered)
        );
        assert_eq!(verify(KEY, "reply", "garbage", 0), Err(Invalid::Tampered));
        assert_eq!(
            verify(KEY, "reply", &format!("{t}.x"), 0),
            Err(Invalid::Tampered)
        );
    }
}
