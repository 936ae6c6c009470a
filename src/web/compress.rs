//! Compressed responses, made in one piece and sent with `Content-Length`.
//!
//! actix-web's own `Compress` streams an encoder over the body: the page
//! goes out chunked in several small writes, and on a keep-alive connection
//! every other response waited ~43 ms for the client's delayed ACK; each
//! brotli stream also held a large window, so 64 browser-like clients took
//! the process to 172 MB. Here a body is compressed whole, with a small
//! window, and replaced by the result: one write, bounded memory. Pages the
//! page cache keeps are compressed once per render (`Coded`), static assets
//! once at start (`web::assets`); what is left for this middleware is the
//! uncached page, compressed at the fastest levels.

use std::io::Write;
use std::sync::OnceLock;

use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use actix_web::{Error, HttpResponse};

/// Smaller bodies are not worth the header and the work.
const MIN_SIZE: u64 = 1024;
/// Larger bodies (exports) go out as they are.
const MAX_SIZE: u64 = 2 * 1024 * 1024;
/// brotli's window: 2^20 = 1 MiB covers any page; the default 4 MiB window
/// is what made each stream expensive.
const BROTLI_WINDOW: i32 = 20;

/// A content coding the client accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coding {
    Identity,
    Gzip,
    Brotli,
}

/// How hard to compress: once for many requests, or for this one only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effort {
    /// Kept and sent many times (page cache, static assets).
    Kept,
    /// Sent once: the cheapest that still saves most of the bytes.
    Once,
}

impl Coding {
    /// The best coding `Accept-Encoding` allows: brotli, then gzip, else
    /// none. A coding with `q=0` is refused.
    pub fn negotiate(headers: &HeaderMap) -> Self {
        let mut br = false;
        let mut gzip = false;
        for value in headers.get_all(header::ACCEPT_ENCODING) {
            let Ok(value) = value.to_str() else { continue };
            for item in value.split(',') {
                let mut parts = item.split(';');
                let name = parts.next().unwrap_or("").trim();
                let refused = parts.any(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.trim().parse::<f32>().ok())
                        .is_some_and(|q| q <= 0.0)
                });
                if refused {
                    continue;
                }
                if name.eq_ignore_ascii_case("br") {
                    br = true;
                } else if name.eq_ignore_ascii_case("gzip") || name.eq_ignore_ascii_case("x-gzip") {
                    gzip = true;
                }
            }
        }
        if br {
            Self::Brotli
        } else if gzip {
            Self::Gzip
        } else {
            Self::Identity
        }
    }

    pub fn header(self) -> Option<HeaderValue> {
        match self {
            Self::Identity => None,
            Self::Gzip => Some(HeaderValue::from_static("gzip")),
            Self::Brotli => Some(HeaderValue::from_static("br")),
        }
    }

    /// `body` in this coding.
    pub fn encode(self, body: &[u8], effort: Effort) -> Vec<u8> {
        match self {
            Self::Identity => body.to_vec(),
            Self::Gzip => {
                let level = match effort {
                    Effort::Kept => 6,
                    Effort::Once => 1,
                };
                let mut out = flate2::write::GzEncoder::new(
                    Vec::with_capacity(body.len() / 4 + 64),
                    flate2::Compression::new(level),
                );
                // Writing into a Vec cannot fail.
                let _ = out.write_all(body);
                out.finish().unwrap_or_default()
            }
            Self::Brotli => {
                let params = brotli::enc::BrotliEncoderParams {
                    quality: match effort {
                        Effort::Kept => 6,
                        Effort::Once => 1,
                    },
                    lgwin: BROTLI_WINDOW,
                    size_hint: body.len(),
                    ..Default::default()
                };
                let mut out = Vec::with_capacity(body.len() / 4 + 64);
                let mut input = body;
                match brotli::BrotliCompress(&mut input, &mut out, &params) {
                    Ok(_) => out,
                    Err(_) => Vec::new(),
                }
            }
        }
    }
}

/// Whether a content type is text that compresses.
pub fn compressible(content_type: &str) -> bool {
    let t = content_type.split(';').next().unwrap_or("").trim();
    t.starts_with("text/")
        || matches!(
            t,
            "application/json"
                | "application/xml"
                | "application/atom+xml"
                | "application/javascript"
                | "image/svg+xml"
        )
}

/// A body kept in memory with its compressed forms, each made the first
/// time a client asks for it and then reused.
pub struct Coded {
    pub identity: Bytes,
    gzip: OnceLock<Bytes>,
    brotli: OnceLock<Bytes>,
}

impl Coded {
    pub fn new(identity: Bytes) -> Self {
        Self {
            identity,
            gzip: OnceLock::new(),
            brotli: OnceLock::new(),
        }
    }

    /// The body in `coding` (compressed once, at the `Kept` effort), or the
    /// identity body when compressing it would not make it smaller.
    pub fn get(&self, coding: Coding) -> (Coding, Bytes) {
        let cell = match coding {
            Coding::Identity => return (Coding::Identity, self.identity.clone()),
            Coding::Gzip => &self.gzip,
            Coding::Brotli => &self.brotli,
        };
        if (self.identity.len() as u64) < MIN_SIZE {
            return (Coding::Identity, self.identity.clone());
        }
        let body = cell.get_or_init(|| Bytes::from(coding.encode(&self.identity, Effort::Kept)));
        if body.is_empty() || body.len() >= self.identity.len() {
            (Coding::Identity, self.identity.clone())
        } else {
            (coding, body.clone())
        }
    }

    /// Bytes held, for the page cache's budget (compressed forms made so far
    /// included).
    pub fn size(&self) -> usize {
        self.identity.len()
            + self.gzip.get().map_or(0, Bytes::len)
            + self.brotli.get().map_or(0, Bytes::len)
    }
}

/// Marks a response as varying by `Accept-Encoding` and, when its body is
/// coded, says so and weakens its ETag (the bytes differ from the identity
/// representation the strong tag named).
pub fn set_coding(headers: &mut HeaderMap, coding: Coding) {
    headers.append(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    let Some(value) = coding.header() else {
        return;
    };
    headers.insert(header::CONTENT_ENCODING, value);
    weaken_etag(headers);
}

/// A 304 answers for whichever representation the client holds: it carries
/// the tag as the 200 in `coding` would have.
pub fn set_coding_of_304(headers: &mut HeaderMap, coding: Coding) {
    headers.append(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if coding != Coding::Identity {
        weaken_etag(headers);
    }
}

fn weaken_etag(headers: &mut HeaderMap) {
    if let Some(etag) = headers.get(header::ETAG).and_then(|v| v.to_str().ok())
        && !etag.starts_with("W/")
        && let Ok(weak) = HeaderValue::from_str(&format!("W/{etag}"))
    {
        headers.insert(header::ETAG, weak);
    }
}

/// Around the whole application: compresses a text response that nobody
/// compressed yet, in one piece.
pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let coding = Coding::negotiate(req.headers());
    let res = next.call(req).await?;
    let text = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(compressible);
    if !text || res.headers().contains_key(header::CONTENT_ENCODING) {
        return Ok(res.map_into_boxed_body());
    }
    let size = match res.response().body().size() {
        BodySize::Sized(n) => Some(n),
        _ => None,
    };
    let worth_it = size.is_some_and(|n| (MIN_SIZE..=MAX_SIZE).contains(&n));
    if coding == Coding::Identity || !worth_it {
        let mut res = res.map_into_boxed_body();
        if worth_it {
            set_coding(res.headers_mut(), Coding::Identity);
        }
        return Ok(res);
    }
    let (req, res) = res.into_parts();
    let (head, body) = res.into_parts();
    let body = actix_web::body::to_bytes(body).await.map_err(Into::into)?;
    let coded = coding.encode(&body, Effort::Once);
    let mut res = head.set_body(body);
    if !coded.is_empty() && coded.len() < res.body().len() {
        res = res.map_body(|_, _| Bytes::from(coded));
        set_coding(res.headers_mut(), coding);
    } else {
        set_coding(res.headers_mut(), Coding::Identity);
    }
    Ok(ServiceResponse::new(req, res.map_into_boxed_body()))
}

/// A response carrying `body` from a `Coded` in the client's coding.
pub fn respond(
    mut res: actix_web::HttpResponseBuilder,
    coded: &Coded,
    coding: Coding,
) -> HttpResponse {
    let (coding, body) = coded.get(coding);
    let mut res = res.body(body);
    set_coding(res.headers_mut(), coding);
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::HeaderName;
    use std::io::Read;

    fn accept(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            HeaderName::from_static("accept-encoding"),
            HeaderValue::from_str(v).unwrap_or(HeaderValue::from_static("")),
        );
        h
    }

    #[test]
    fn the_best_accepted_coding_is_chosen() {
        assert_eq!(
            Coding::negotiate(&accept("gzip, deflate, br, zstd")),
            Coding::Brotli
        );
        assert_eq!(Coding::negotiate(&accept("gzip")), Coding::Gzip);
        assert_eq!(
            Coding::negotiate(&accept("br;q=0, gzip;q=0.8")),
            Coding::Gzip
        );
        assert_eq!(Coding::negotiate(&accept("identity")), Coding::Identity);
        assert_eq!(Coding::negotiate(&HeaderMap::new()), Coding::Identity);
    }

    #[test]
    fn both_codings_give_back_the_body() {
        let body = "<p>Teknologi pengolahan air bersih 饮用水</p>\n".repeat(200);
        for effort in [Effort::Kept, Effort::Once] {
            let gz = Coding::Gzip.encode(body.as_bytes(), effort);
            let mut out = String::new();
            flate2::read::GzDecoder::new(&gz[..])
                .read_to_string(&mut out)
                .unwrap_or_default();
            assert_eq!(out, body);
            let br = Coding::Brotli.encode(body.as_bytes(), effort);
            let mut out = Vec::new();
            brotli::BrotliDecompress(&mut &br[..], &mut out).unwrap_or_default();
            assert_eq!(out, body.as_bytes());
            assert!(br.len() < body.len() / 10 && gz.len() < body.len() / 10);
        }
    }

    #[test]
    fn a_tiny_body_stays_as_it_is() {
        let coded = Coded::new(Bytes::from_static(b"ok"));
        assert_eq!(coded.get(Coding::Brotli).0, Coding::Identity);
    }
}
