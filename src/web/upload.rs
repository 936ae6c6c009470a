//! Reading multipart uploads without trusting them: a body may have only so
//! many parts and so many bytes of text all together (checked as each part
//! arrives, before anything of it is kept), each file is cut off as soon as
//! it passes its limit (nothing more of it is kept), and names are cleaned
//! before they are shown or offered back.

use actix_multipart::{Field, Multipart};
use futures_util::StreamExt;

use crate::error::AppError;

/// How much of a body is read and thrown away after a file was refused, so
/// the browser gets the answer instead of a reset connection; a body larger
/// than this is cut off.
pub const DRAIN_CAP: usize = 16 * 1024 * 1024;

pub enum Read {
    Whole(Vec<u8>),
    /// The field passed the limit; what was read is dropped.
    TooLarge,
}

/// Reads one field up to `limit` bytes.
pub async fn read_limited(field: &mut Field, limit: usize) -> Result<Read, AppError> {
    let mut buf = Vec::new();
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(|_| AppError::BadRequest("error-bad-request-text"))?;
        if buf.len() + chunk.len() > limit {
            return Ok(Read::TooLarge);
        }
        buf.extend_from_slice(&chunk);
    }
    // Kept for a while (an upload waits its turn to be decoded): hold what
    // was sent, not the room the buffer grew to.
    buf.shrink_to_fit();
    Ok(Read::Whole(buf))
}

/// Reads and discards the rest of a field; `Err` once `budget` is spent.
pub async fn discard(field: &mut Field, budget: &mut usize) -> Result<(), AppError> {
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(|_| AppError::BadRequest("error-bad-request-text"))?;
        *budget = budget
            .checked_sub(chunk.len())
            .ok_or(AppError::PayloadTooLarge)?;
    }
    Ok(())
}

/// A multipart body read part by part under fixed bounds: how many parts it
/// may have and how many bytes its text fields may hold together. Past
/// either the request is refused (413) at once: a body of 16,000 text
/// fields is turned away at the first one too many, not after it was
/// buffered.
pub struct Parts {
    payload: Multipart,
    parts_left: usize,
    text_left: usize,
    /// What may still be read and thrown away (refused files, unknown or
    /// repeated fields), so the sender gets an answer rather than a reset.
    drain_left: usize,
}

impl Parts {
    pub fn new(payload: Multipart, max_parts: usize, max_text: usize) -> Self {
        Self {
            payload,
            parts_left: max_parts,
            text_left: max_text,
            drain_left: DRAIN_CAP,
        }
    }

    /// The next part, if any.
    pub async fn next(&mut self) -> Result<Option<Field>, AppError> {
        let Some(item) = self.payload.next().await else {
            return Ok(None);
        };
        self.parts_left = self
            .parts_left
            .checked_sub(1)
            .ok_or(AppError::PayloadTooLarge)?;
        item.map(Some)
            .map_err(|_| AppError::BadRequest("error-bad-request-text"))
    }

    /// A text field of at most `max` bytes, counted against the body's
    /// text allowance; control characters dropped as in every form.
    pub async fn text(&mut self, field: &mut Field, max: usize) -> Result<String, AppError> {
        match read_limited(field, max.min(self.text_left)).await? {
            Read::Whole(bytes) => {
                self.text_left -= bytes.len();
                Ok(super::forms::clean(&String::from_utf8_lossy(&bytes)).into_owned())
            }
            Read::TooLarge => Err(AppError::PayloadTooLarge),
        }
    }

    /// Reads and discards the rest of a part.
    pub async fn discard(&mut self, field: &mut Field) -> Result<(), AppError> {
        discard(field, &mut self.drain_left).await
    }
}

/// Most characters of a file name kept with an upload. Names made from a
/// document's title can be far longer; the list of documents and the
/// download's name need a bound, and a name is still recognisable at this
/// length.
pub const FILENAME_MAX: usize = 120;

/// Longest ending kept as an extension when a name is shortened.
const EXTENSION_MAX: usize = 10;

/// A file name safe to show and to offer as a download name: no directory
/// part, no control or shell characters, no leading dot, at most
/// `FILENAME_MAX` characters. A longer name is shortened where it shows: the
/// end of its stem becomes "…" and its extension stays, so the name still
/// says what the file is and opens with the right program.
pub fn clean_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ' '))
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.');
    if cleaned.is_empty() {
        "file".to_owned()
    } else {
        shorten_filename(cleaned)
    }
}

/// `name` within `FILENAME_MAX` characters (cut between characters, never
/// inside one), its extension kept.
fn shorten_filename(name: &str) -> String {
    if name.chars().count() <= FILENAME_MAX {
        return name.to_owned();
    }
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty() && !ext.is_empty() && ext.chars().count() <= EXTENSION_MAX =>
        {
            (stem, Some(ext))
        }
        _ => (name, None),
    };
    let room = FILENAME_MAX - 1 - extension.map_or(0, |e| e.chars().count() + 1);
    let mut short: String = stem.chars().take(room).collect();
    short.truncate(short.trim_end().len());
    short.push('…');
    if let Some(ext) = extension {
        short.push('.');
        short.push_str(ext);
    }
    short
}

/// Whether bytes are a PDF by their content: the `%PDF-1.x` or `%PDF-2.x`
/// magic at the very start (an executable with the marker further in is
/// not one) and an `%%EOF` marker near the end.
pub fn is_pdf(bytes: &[u8]) -> bool {
    let magic = bytes.len() >= 8
        && bytes.starts_with(b"%PDF-")
        && matches!(bytes[5], b'1' | b'2')
        && bytes[6] == b'.'
        && bytes[7].is_ascii_digit();
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    magic && tail.windows(5).any(|w| w == b"%%EOF")
}

/// Refuses at once a body that announces more than `max` bytes: nothing of
/// it is read, so a 40 MB upload costs the server one header.
pub fn refuse_declared_over(req: &actix_web::HttpRequest, max: usize) -> Result<(), AppError> {
    let declared = req
        .headers()
        .get(actix_web::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    match declared {
        Some(n) if n > max as u64 => Err(AppError::PayloadTooLarge),
        _ => Ok(()),
    }
}

/// The largest application body worth reading: two documents at their
/// limit, plus what is drained of an oversized one so that its sender gets
/// the form back with the error at the file field.
pub fn application_body_max(max_file: usize) -> usize {
    2 * max_file + DRAIN_CAP
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filenames_are_cleaned() {
        assert_eq!(clean_filename("../../etc/passwd"), "passwd");
        assert_eq!(clean_filename("..\\..\\win.ini"), "win.ini");
        assert_eq!(clean_filename("CV <script>.pdf"), "CV script.pdf");
        assert_eq!(clean_filename(".htaccess"), "htaccess");
        assert_eq!(clean_filename("/"), "file");
    }

    #[test]
    fn a_long_file_name_is_shortened_visibly_keeping_its_extension() {
        let exact = format!("{}.pdf", "a".repeat(FILENAME_MAX - 4));
        assert_eq!(clean_filename(&exact), exact);
        let long = format!("{}.pdf", "研究计划".repeat(50));
        let short = clean_filename(&long);
        assert_eq!(short.chars().count(), FILENAME_MAX);
        assert!(short.ends_with("….pdf"), "{short}");
        assert!(short.starts_with("研究计划研究计划"));
        // No extension worth the name: the end is cut, marked all the same.
        let short = clean_filename(&"word ".repeat(40));
        assert_eq!(short.chars().count(), FILENAME_MAX);
        assert!(short.ends_with('…') && !short.contains(" …"), "{short}");
    }

    #[test]
    fn pdf_by_content() {
        assert!(is_pdf(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"));
        assert!(!is_pdf(b"just text renamed to .pdf"));
        assert!(!is_pdf(b"\x7fELF\x02\x01%%EOF"));
        assert!(!is_pdf(b""));
        let mut exe = b"MZ\x90\x00".to_vec();
        exe.resize(100, 0);
        exe.extend_from_slice(b"%PDF-1.7\n%%EOF\n");
        assert!(!is_pdf(&exe), "the marker must be at the start");
        assert!(!is_pdf(b"%PDF-x\n%%EOF"));
    }
}
