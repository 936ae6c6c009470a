//! A short-lived memory of rendered public pages. Under load the same
//! catalogue or home page is asked for many times a second; rendering it
//! once per `PAGE_CACHE_MS` and handing out the same bytes otherwise is
//! what lets one instance keep up with a static file server.
//!
//! Freshness: any write handled by this instance (every non-GET request)
//! empties it at once; writes through other instances, and scheduled items
//! reaching their time, show within a lifetime and the time one render
//! takes (0.5 s and a few milliseconds by default): a page past its time
//! is served while one request renders the next, so that they do not all
//! render at once and wait on the database together. Only
//! what is the same for everyone is kept: a 200 from a GET with an ETag,
//! no cookie set, and not marked `no-store` or `private` (forms carrying a
//! per-visitor token are).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::{Bytes, Data};
use actix_web::{Error, HttpResponse};

use crate::AppState;

/// At most this many pages, and this many bytes of them, are kept: the
/// memory budget of an instance is 64 MB in all.
const MAX_ENTRIES: usize = 512;
const MAX_BYTES: usize = 12 * 1024 * 1024;
/// Larger pages are not worth keeping.
const MAX_PAGE: usize = 512 * 1024;
/// A page past its time is served while its next copy renders, but never
/// when older than this many lifetimes (2 s by default): then the
/// database is too slow or down, and visitors get what it answers now.
const MAX_STALE: u32 = 4;

struct Entry {
    at: Instant,
    generation: u64,
    /// Since when one request has been rendering a fresh copy: the others
    /// are given this one meanwhile instead of all rendering at once.
    refreshing: Option<Instant>,
    content_type: HeaderValue,
    etag: HeaderValue,
    body: Bytes,
}

#[derive(Default)]
pub struct PageCache {
    entries: Mutex<HashMap<String, Entry>>,
    /// Pages being rendered with no copy to hand out meanwhile (none yet,
    /// or a write made it stale): whoever else asks waits on the renderer's
    /// lock for a moment instead of rendering the same page too.
    rendering: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    /// Raised by every write; entries of an older generation are stale.
    generation: AtomicU64,
}

impl PageCache {
    /// Forgets everything (a write happened).
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// The page to serve, or `None` when the caller is to render it. Past
    /// its time a page is still served while the first request to find it
    /// old renders the next one; should that render take a whole lifetime,
    /// the next request tries too. Never after a write here, nor past
    /// `MAX_STALE` lifetimes: then it is a miss, and the first to ask
    /// renders while the others wait for it (`join`).
    #[cfg(test)]
    fn get(&self, key: &str, ttl: Duration) -> Option<(HeaderValue, HeaderValue, Bytes)> {
        match self.lookup(key, ttl) {
            Lookup::Hit(content_type, etag, body) => Some((content_type, etag, body)),
            Lookup::Refresh | Lookup::Miss => None,
        }
    }

    fn lookup(&self, key: &str, ttl: Duration) -> Lookup {
        let generation = self.generation.load(Ordering::SeqCst);
        let Ok(mut map) = self.entries.lock() else {
            return Lookup::Miss;
        };
        let Some(e) = map.get_mut(key) else {
            return Lookup::Miss;
        };
        if e.generation != generation {
            return Lookup::Miss;
        }
        let age = e.at.elapsed();
        let serve = if age < ttl {
            true
        } else if age < ttl * MAX_STALE {
            match e.refreshing {
                Some(since) if since.elapsed() < ttl => true,
                _ => {
                    e.refreshing = Some(Instant::now());
                    false
                }
            }
        } else {
            return Lookup::Miss;
        };
        if serve {
            Lookup::Hit(e.content_type.clone(), e.etag.clone(), e.body.clone())
        } else {
            Lookup::Refresh
        }
    }

    /// For a page nobody can be given a copy of: either this request is to
    /// render it (the guard tells the others when it is done), or another
    /// is rendering it already (its lock, to wait on).
    fn join(self: &Arc<Self>, key: &str) -> Result<Rendering, Arc<tokio::sync::Mutex<()>>> {
        let Ok(mut map) = self.rendering.lock() else {
            return Err(Arc::default());
        };
        if let Some(lock) = map.get(key) {
            return Err(lock.clone());
        }
        let lock = Arc::new(tokio::sync::Mutex::new(()));
        let held = lock.clone().try_lock_owned().ok();
        map.insert(key.to_owned(), lock.clone());
        Ok(Rendering {
            cache: self.clone(),
            key: key.to_owned(),
            lock,
            _held: held,
        })
    }

    fn forget(&self, key: &str) {
        if let Ok(mut map) = self.entries.lock() {
            map.remove(key);
        }
    }

    fn put(&self, key: String, entry: Entry, ttl: Duration) {
        let Ok(mut map) = self.entries.lock() else {
            return;
        };
        let generation = self.generation.load(Ordering::SeqCst);
        let bytes: usize = map.values().map(|e| e.body.len()).sum();
        if map.len() >= MAX_ENTRIES || bytes + entry.body.len() > MAX_BYTES {
            map.retain(|_, e| e.generation == generation && e.at.elapsed() < ttl);
            let bytes: usize = map.values().map(|e| e.body.len()).sum();
            if map.len() >= MAX_ENTRIES || bytes + entry.body.len() > MAX_BYTES {
                map.clear();
            }
        }
        map.insert(key, entry);
    }
}

enum Lookup {
    Hit(HeaderValue, HeaderValue, Bytes),
    /// Past its time: this request renders the next copy.
    Refresh,
    Miss,
}

/// One request rendering a page the others wait for; dropped when it is
/// done (kept or not), which lets them go.
struct Rendering {
    cache: Arc<PageCache>,
    key: String,
    lock: Arc<tokio::sync::Mutex<()>>,
    _held: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl Drop for Rendering {
    fn drop(&mut self) {
        if let Ok(mut map) = self.cache.rendering.lock()
            && map
                .get(&self.key)
                .is_some_and(|l| Arc::ptr_eq(l, &self.lock))
        {
            map.remove(&self.key);
        }
        // `_held` is released after this: the waiters then find the page.
    }
}

fn if_none_match(req: &ServiceRequest, etag: &HeaderValue) -> bool {
    let Ok(etag) = etag.to_str() else {
        return false;
    };
    req.headers()
        .get_all(header::IF_NONE_MATCH)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == etag || t == "*")
}

fn shareable(res: &ServiceResponse<impl MessageBody>) -> bool {
    let h = res.headers();
    res.status() == StatusCode::OK
        && h.contains_key(header::ETAG)
        && !h.contains_key(header::SET_COOKIE)
        && !h
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("no-store") || v.contains("private"))
}

/// The middleware, around the public pages.
pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let Some(state) = req.app_data::<Data<AppState>>().cloned() else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let ttl = state.config.page_cache;
    if *req.method() != Method::GET || ttl.is_zero() {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let key = req
        .uri()
        .path_and_query()
        .map_or_else(String::new, |p| p.as_str().to_owned());
    let cache = state.page_cache.clone();
    let mut lookup = cache.lookup(&key, ttl);
    let mut rendering = None;
    if matches!(lookup, Lookup::Miss) {
        match cache.join(&key) {
            Ok(guard) => rendering = Some(guard),
            Err(lock) => {
                // Another request renders this page: wait for it a moment
                // (a lifetime at most), then serve what it kept, or render.
                let _ = actix_web::rt::time::timeout(ttl, lock.lock()).await;
                lookup = cache.lookup(&key, ttl);
            }
        }
    }
    if let Lookup::Hit(content_type, etag, body) = lookup {
        let mut res = if if_none_match(&req, &etag) {
            HttpResponse::NotModified().finish()
        } else {
            HttpResponse::Ok()
                .insert_header((header::CONTENT_TYPE, content_type))
                .body(body)
        };
        let headers = res.headers_mut();
        headers.insert(header::ETAG, etag);
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        return Ok(req.into_response(res));
    }
    let generation = state.page_cache.generation.load(Ordering::SeqCst);
    let result = render(req, next, &state, key, generation, ttl).await;
    drop(rendering);
    result
}

async fn render(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
    state: &AppState,
    key: String,
    generation: u64,
    ttl: Duration,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let res = next.call(req).await?;
    if !shareable(&res) {
        // The page fails now (an outage's 503): nobody is to be given the
        // old copy meanwhile.
        if res.status().is_server_error() {
            state.page_cache.forget(&key);
        }
        return Ok(res.map_into_boxed_body());
    }
    let small = matches!(res.response().body().size(), actix_web::body::BodySize::Sized(n) if n <= MAX_PAGE as u64);
    if !small {
        return Ok(res.map_into_boxed_body());
    }
    let (req, res) = res.into_parts();
    let (head, body) = res.into_parts();
    let body = actix_web::body::to_bytes(body).await.map_err(Into::into)?;
    if let (Some(content_type), Some(etag)) = (
        head.headers().get(header::CONTENT_TYPE).cloned(),
        head.headers().get(header::ETAG).cloned(),
    ) {
        state.page_cache.put(
            key,
            Entry {
                at: Instant::now(),
                generation,
                refreshing: None,
                content_type,
                etag,
                body: body.clone(),
            },
            ttl,
        );
    }
    Ok(ServiceResponse::new(req, head.set_body(body)).map_into_boxed_body())
}

/// Around the whole application: any write handled here (a back-office
/// save, a form sent) empties the page cache once it is done.
pub async fn invalidate_on_write(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let write = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let state = write
        .then(|| req.app_data::<Data<AppState>>().cloned())
        .flatten();
    let res = next.call(req).await;
    if let Some(state) = state {
        state.page_cache.invalidate();
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(cache: &PageCache) -> Entry {
        Entry {
            at: Instant::now(),
            generation: cache.generation.load(Ordering::SeqCst),
            refreshing: None,
            content_type: HeaderValue::from_static("text/html"),
            etag: HeaderValue::from_static("\"1\""),
            body: Bytes::from_static(b"page"),
        }
    }

    #[test]
    fn one_request_renders_a_page_past_its_time_while_the_rest_get_the_old_copy() {
        let ttl = Duration::from_millis(200);
        let cache = PageCache::default();
        cache.put("/en".into(), entry(&cache), ttl);
        assert!(cache.get("/en", ttl).is_some(), "fresh");
        std::thread::sleep(Duration::from_millis(240));
        assert!(
            cache.get("/en", ttl).is_none(),
            "the first to find it old renders"
        );
        assert!(
            cache.get("/en", ttl).is_some(),
            "the others are served meanwhile"
        );
        // That render takes a whole lifetime: the next request tries too.
        std::thread::sleep(Duration::from_millis(220));
        assert!(cache.get("/en", ttl).is_none());
        assert!(cache.get("/en", ttl).is_some());
        // Past MAX_STALE lifetimes nobody gets the old copy.
        std::thread::sleep(Duration::from_millis(400));
        assert!(cache.get("/en", ttl).is_none());
        assert!(cache.get("/en", ttl).is_none());
    }

    #[test]
    fn requests_for_a_page_being_rendered_wait_for_that_render() {
        let ttl = Duration::from_secs(60);
        let cache = Arc::new(PageCache::default());
        let Ok(rendering) = cache.join("/en") else {
            panic!("the first renders");
        };
        let lock = cache.join("/en").err().expect("the second waits");
        assert!(lock.try_lock().is_err(), "held while rendering");
        assert!(cache.join("/id").is_ok(), "another page is not held up");
        cache.put("/en".into(), entry(&cache), ttl);
        drop(rendering);
        assert!(lock.try_lock().is_ok(), "let go once done");
        assert!(cache.get("/en", ttl).is_some(), "and the page is there");
        assert!(cache.join("/en").is_ok(), "nobody is rendering it now");
    }

    #[test]
    fn a_write_or_a_failing_render_drops_the_copy() {
        let ttl = Duration::from_secs(60);
        let cache = PageCache::default();
        cache.put("/en".into(), entry(&cache), ttl);
        cache.forget("/en");
        assert!(cache.get("/en", ttl).is_none());
        cache.put("/en".into(), entry(&cache), ttl);
        cache.invalidate();
        assert!(cache.get("/en", ttl).is_none());
        assert!(cache.get("/en", ttl).is_none());
    }
}
