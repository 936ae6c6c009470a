//! Who is asking: the client address (behind a trusted proxy, from
//! X-Forwarded-For) and a keyed hash of it, which is what gets stored.

use actix_web::HttpRequest;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::web::AppState;

pub fn client_ip(req: &HttpRequest, state: &AppState) -> String {
    if state.config.trust_proxy
        && let Some(ip) = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    {
        return ip.to_owned();
    }
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The client address hashed with the secret key: enough to count requests
/// per address without keeping the address itself.
pub fn client_key(req: &HttpRequest, state: &AppState) -> String {
    keyed_hash(&state.config.secret_key, &client_ip(req, state))
}

pub fn keyed_hash(secret: &[u8], value: &str) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
        return String::new();
    };
    mac.update(value.as_bytes());
    hex::encode(&mac.finalize().into_bytes()[..16])
}
