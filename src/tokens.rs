//! Secrets handed out (session ids, CSRF tokens, application links) and
//! compared: the two helpers every part that issues or checks one uses.

use base64::Engine;
use rand::RngCore;

/// 256 random bits, URL-safe base64 without padding.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Equality in time independent of where the inputs differ, so that a
/// guessed token reveals nothing by how fast it is refused.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
