//! The static assets (`/static/...`): read once at start, their text files
//! compressed then, so a request costs a map look-up and one write. The
//! folder is small (a stylesheet, two scripts, a few images); what is not
//! text (the PNG) is left to actix-files, read from disk per request.
//!
//! The content hash of the whole folder is the assets' version, appended
//! to their URLs (`?v=`) so that browsers may keep them for a year.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use actix_web::http::header::{self, HeaderValue};
use actix_web::web::{Bytes, Data};
use actix_web::{HttpRequest, HttpResponse, Responder};

use super::compress::{Coded, Coding, compressible};
use crate::error::AppError;
use crate::web::AppState;

struct Asset {
    content_type: &'static str,
    etag: HeaderValue,
    body: Coded,
}

pub struct Assets {
    dir: PathBuf,
    /// Hash of every file, for versioned URLs.
    pub version: String,
    text: HashMap<String, Asset>,
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("txt") => "text/plain; charset=utf-8",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

impl Assets {
    /// Reads the folder; a missing folder gives no assets (and a 404 for
    /// each), not a failure to start.
    pub fn load(dir: &Path) -> Self {
        let mut files = Vec::new();
        walk(dir, dir, &mut files);
        files.sort();
        let mut h = DefaultHasher::new();
        let mut text = HashMap::new();
        for (rel, bytes) in files {
            rel.hash(&mut h);
            bytes.hash(&mut h);
            let content_type = content_type(Path::new(&rel));
            if !compressible(content_type) {
                continue;
            }
            let mut fh = DefaultHasher::new();
            bytes.hash(&mut fh);
            let Ok(etag) = HeaderValue::from_str(&format!("\"{:016x}\"", fh.finish())) else {
                continue;
            };
            let body = Coded::new(Bytes::from(bytes));
            // Made now rather than by the first visitor.
            body.get(Coding::Gzip);
            body.get(Coding::Brotli);
            text.insert(
                rel,
                Asset {
                    content_type,
                    etag,
                    body,
                },
            );
        }
        Self {
            dir: dir.to_owned(),
            version: format!("{:08x}", h.finish() & 0xffff_ffff),
            text,
        }
    }
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let p = entry.path();
        if p.is_dir() {
            walk(root, &p, out);
        } else if let (Ok(rel), Ok(bytes)) = (p.strip_prefix(root), std::fs::read(&p)) {
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push((rel, bytes));
        }
    }
}

/// GET /static/{path}
pub async fn serve(req: HttpRequest, state: Data<AppState>) -> Result<HttpResponse, AppError> {
    let path = req.match_info().get("path").unwrap_or("");
    let assets = &state.assets;
    let versioned = req.query_string().starts_with("v=");
    let cache = HeaderValue::from_static(if versioned {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=3600, must-revalidate"
    });
    if let Some(asset) = assets.text.get(path) {
        let coding = Coding::negotiate(req.headers());
        let mut res = if super::html::if_none_match(&req, asset.etag.to_str().unwrap_or("")) {
            let mut res = HttpResponse::NotModified().finish();
            res.headers_mut().insert(header::ETAG, asset.etag.clone());
            super::compress::set_coding_of_304(res.headers_mut(), coding);
            res
        } else {
            let mut res = HttpResponse::Ok();
            res.insert_header((header::CONTENT_TYPE, asset.content_type))
                .insert_header((header::ETAG, asset.etag.clone()));
            super::compress::respond(res, &asset.body, coding)
        };
        res.headers_mut().insert(header::CACHE_CONTROL, cache);
        return Ok(res);
    }
    // Anything else from disk, never outside the folder.
    if path
        .split('/')
        .any(|s| s.is_empty() || s == "." || s == ".." || s.contains('\\'))
    {
        return Err(AppError::NotFound);
    }
    let full = assets.dir.join(path);
    let file = actix_web::web::block(move || actix_files::NamedFile::open(full))
        .await
        .map_err(|_| AppError::NotFound)?
        .map_err(|_| AppError::NotFound)?
        .use_etag(true)
        .use_last_modified(true);
    let mut res = file.respond_to(&req).map_into_boxed_body();
    if res.status().is_success() {
        res.headers_mut().insert(header::CACHE_CONTROL, cache);
    }
    Ok(res)
}
