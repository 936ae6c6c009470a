//! Rendered public pages kept in memory until something public changes.
//! Under load the same catalogue or home page is asked for many times a
//! second; rendering it once per change and handing out the same bytes
//! otherwise is what lets one instance keep up with a static file server.
//! Each page is kept with its compressed forms, made the first time a
//! client asks for one (`compress::Coded`), so a hit costs a look-up and
//! one write whatever the client accepts.
//!
//! Freshness is the data version's (`changes`): a page is kept for the
//! generation it was rendered in, so a write to anything public ends it at
//! once on the instance that wrote, within 0.1 s elsewhere on PostgreSQL,
//! and scheduled content appears at its minute. `PAGE_CACHE_MS` bounds how
//! long a page is kept when nothing changes. Requests for a page being
//! rendered with no copy to hand out wait for that render instead of all
//! rendering it. Only what is the same for everyone is kept: a 200 from a
//! GET with an ETag, no cookie set, and not marked `no-store` or `private`
//! (forms carrying a per-visitor token are).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::Data;
use actix_web::{Error, HttpRequest, HttpResponse};

use super::compress::{self, Coded, Coding};
use crate::web::AppState;

/// At most this many pages, and this many bytes of them (compressed forms
/// included), are kept: the memory budget of an instance is 64 MB in all.
const MAX_ENTRIES: usize = 1024;
const MAX_BYTES: usize = 16 * 1024 * 1024;
/// Larger pages are not worth keeping.
const MAX_PAGE: usize = 512 * 1024;
/// How long a request waits for another one rendering the same page.
const JOIN_WAIT: Duration = Duration::from_secs(2);

struct Entry {
    at: Instant,
    generation: u64,
    page: Arc<Kept>,
}

/// A kept page: what a hit sends.
struct Kept {
    content_type: HeaderValue,
    etag: HeaderValue,
    body: Coded,
}

#[derive(Default)]
pub struct PageCache {
    entries: Mutex<HashMap<String, Entry>>,
    /// Pages being rendered with no copy to hand out meanwhile: whoever
    /// else asks waits on the renderer's lock for a moment instead of
    /// rendering the same page too.
    rendering: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

impl PageCache {
    /// The page kept for `key` in this generation, younger than `max_age`.
    fn get(&self, key: &str, generation: u64, max_age: Duration) -> Option<Arc<Kept>> {
        let map = self.entries.lock().ok()?;
        let e = map.get(key)?;
        (e.generation == generation && e.at.elapsed() < max_age).then(|| e.page.clone())
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

    fn put(&self, key: String, entry: Entry, max_age: Duration) {
        let Ok(mut map) = self.entries.lock() else {
            return;
        };
        let size = |map: &HashMap<String, Entry>| -> usize {
            map.values().map(|e| e.page.body.size()).sum()
        };
        let incoming = entry.page.body.size();
        if map.len() >= MAX_ENTRIES || size(&map) + incoming > MAX_BYTES {
            map.retain(|_, e| e.generation == entry.generation && e.at.elapsed() < max_age);
            if map.len() >= MAX_ENTRIES || size(&map) + incoming > MAX_BYTES {
                map.clear();
            }
        }
        map.insert(key, entry);
    }
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

fn if_none_match(req: &HttpRequest, etag: &HeaderValue) -> bool {
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

/// Says whether a page came from memory (`hit`) or was rendered for this
/// request and kept (`miss`): for operators, and for the cluster checks
/// that an instance keeps serving from memory between writes.
const X_CACHE: header::HeaderName = header::HeaderName::from_static("x-cache");

/// A kept page in the client's coding, or 304 when it has it already.
fn answer(req: HttpRequest, page: &Kept, hit: bool) -> ServiceResponse<BoxBody> {
    crate::metrics::page_cache(hit);
    let coding = Coding::negotiate(req.headers());
    let mut res = if if_none_match(&req, &page.etag) {
        let mut res = HttpResponse::NotModified().finish();
        res.headers_mut().insert(header::ETAG, page.etag.clone());
        compress::set_coding_of_304(res.headers_mut(), coding);
        res
    } else {
        let mut res = HttpResponse::Ok();
        res.insert_header((header::CONTENT_TYPE, page.content_type.clone()))
            .insert_header((header::ETAG, page.etag.clone()));
        compress::respond(res, &page.body, coding)
    };
    let h = res.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(
        X_CACHE,
        HeaderValue::from_static(if hit { "hit" } else { "miss" }),
    );
    ServiceResponse::new(req, res)
}

/// The middleware, around the public pages.
pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let Some(state) = req.app_data::<Data<AppState>>().cloned() else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let max_age = state.config.page_cache;
    if *req.method() != Method::GET || max_age.is_zero() {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let generation = match state.changes.current(&state.db).await {
        Ok(g) => g,
        // The database cannot be reached: 503 at once. (Handing the request
        // on made the page wait for the database a second time, doubling
        // every answer during an outage.)
        Err(e) if crate::db::is_unavailable(&e) => {
            let res = actix_web::ResponseError::error_response(&crate::error::AppError::from(e));
            return Ok(ServiceResponse::new(req.into_parts().0, res).map_into_boxed_body());
        }
        // Any other failure: the page says so itself.
        Err(_) => return Ok(next.call(req).await?.map_into_boxed_body()),
    };
    let key = req
        .uri()
        .path_and_query()
        .map_or_else(String::new, |p| p.as_str().to_owned());
    let cache = state.page_cache.clone();
    if let Some(page) = cache.get(&key, generation, max_age) {
        return Ok(answer(req.into_parts().0, &page, true));
    }
    let rendering = match cache.join(&key) {
        Ok(guard) => guard,
        Err(lock) => {
            // Another request renders this page: wait for it a moment,
            // then serve what it kept, or render.
            let _ = actix_web::rt::time::timeout(JOIN_WAIT, lock.lock()).await;
            if let Some(page) = cache.get(&key, state.changes.known(), max_age) {
                return Ok(answer(req.into_parts().0, &page, true));
            }
            return Ok(next.call(req).await?.map_into_boxed_body());
        }
    };
    let result = render(req, next, &state, key, generation, max_age).await;
    drop(rendering);
    result
}

async fn render(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
    state: &AppState,
    key: String,
    generation: u64,
    max_age: Duration,
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
    let (Some(content_type), Some(etag)) = (
        res.headers().get(header::CONTENT_TYPE).cloned(),
        res.headers().get(header::ETAG).cloned(),
    ) else {
        return Ok(res.map_into_boxed_body());
    };
    if !small {
        return Ok(res.map_into_boxed_body());
    }
    let (req, res) = res.into_parts();
    let body = actix_web::body::to_bytes(res.into_body())
        .await
        .map_err(Into::into)?;
    let page = Arc::new(Kept {
        content_type,
        etag,
        body: Coded::new(body),
    });
    state.page_cache.put(
        key,
        Entry {
            at: Instant::now(),
            generation,
            page: page.clone(),
        },
        max_age,
    );
    Ok(answer(req, &page, false))
}

/// Around the whole application: after a write handled here (a back-office
/// save, a form sent), the data version is read, so that what it changed
/// shows on this instance's next request.
pub async fn after_writes(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let write = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let state = write
        .then(|| req.app_data::<Data<AppState>>().cloned())
        .flatten();
    let res = next.call(req).await;
    if let Some(state) = state
        && let Err(e) = state.changes.after_write(&state.db).await
    {
        // Whatever was written, nothing kept is trusted.
        tracing::warn!(error = %e, "data version unreadable after a write");
        state.changes.bump();
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::web::Bytes;

    fn entry(generation: u64) -> Entry {
        Entry {
            at: Instant::now(),
            generation,
            page: Arc::new(Kept {
                content_type: HeaderValue::from_static("text/html"),
                etag: HeaderValue::from_static("\"1\""),
                body: Coded::new(Bytes::from_static(b"page")),
            }),
        }
    }

    #[test]
    fn a_page_is_kept_for_its_generation_and_its_age() {
        let age = Duration::from_millis(200);
        let cache = PageCache::default();
        cache.put("/en".into(), entry(1), age);
        assert!(cache.get("/en", 1, age).is_some(), "kept");
        assert!(cache.get("/en", 2, age).is_none(), "a write ends it");
        std::thread::sleep(Duration::from_millis(240));
        assert!(cache.get("/en", 1, age).is_none(), "too old");
    }

    #[test]
    fn requests_for_a_page_being_rendered_wait_for_that_render() {
        let age = Duration::from_secs(60);
        let cache = Arc::new(PageCache::default());
        let Ok(rendering) = cache.join("/en") else {
            panic!("the first renders");
        };
        let lock = cache.join("/en").err().expect("the second waits");
        assert!(lock.try_lock().is_err(), "held while rendering");
        assert!(cache.join("/id").is_ok(), "another page is not held up");
        cache.put("/en".into(), entry(1), age);
        drop(rendering);
        assert!(lock.try_lock().is_ok(), "let go once done");
        assert!(cache.get("/en", 1, age).is_some(), "and the page is there");
        assert!(cache.join("/en").is_ok(), "nobody is rendering it now");
    }

    #[test]
    fn a_failing_render_drops_the_copy() {
        let age = Duration::from_secs(60);
        let cache = PageCache::default();
        cache.put("/en".into(), entry(1), age);
        cache.forget("/en");
        assert!(cache.get("/en", 1, age).is_none());
    }
}
