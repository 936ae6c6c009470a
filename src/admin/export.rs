//! Exports of the back office's lists: a table (a header row of column
//! names in the editor's language and rows of strings) written as CSV or
//! XLSX and sent as an attachment. Every cell that a spreadsheet could take
//! for a formula is neutralised here, once, for both formats.
//!
//! CSV can also be streamed (`stream_csv`): rows fetched a page at a time
//! and written to the response as they come, so that no row limit is
//! needed. XLSX is built whole in memory, under `MAX_ROWS`: a workbook is a
//! zip whose parts are only complete at the end, and rust_xlsxwriter's
//! constant-memory mode (feature `constant_memory`, which adds `tempfile`)
//! would still assemble the zip before the first byte could be sent.

use actix_web::HttpResponse;
use actix_web::http::header;

use crate::error::AppError;

/// The most rows one in-memory export holds: far above any list the
/// centre keeps, low enough that a runaway export cannot exhaust memory.
pub const MAX_ROWS: u64 = 100_000;

/// Rows a streamed export fetches, and writes, at a time.
pub const PAGE_ROWS: u64 = 200;

/// The two formats a list exports to (`/admin/…/export.csv`, `.xlsx`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    /// The format named by the route's `{format}`; anything else is a 404.
    pub fn parse(s: &str) -> Result<Self, AppError> {
        match s {
            "csv" => Ok(Self::Csv),
            "xlsx" => Ok(Self::Xlsx),
            _ => Err(AppError::NotFound),
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Self::Csv => "text/csv; charset=utf-8",
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// The links a list page shows: its export in each format, with the
/// page's own filters.
pub struct Links {
    pub csv: String,
    pub xlsx: String,
}

impl Links {
    /// `base` is the list's path; `pairs` its filters as the page has them
    /// (empty ones are left out, as is the page number: an export is every
    /// matching row).
    pub fn new<'a>(base: &str, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in pairs {
            if !v.is_empty() {
                s.append_pair(k, v);
            }
        }
        let q = s.finish();
        let href = |ext: &str| {
            if q.is_empty() {
                format!("{base}/export.{ext}")
            } else {
                format!("{base}/export.{ext}?{q}")
            }
        };
        Self {
            csv: href("csv"),
            xlsx: href("xlsx"),
        }
    }
}

/// One exported list: a file name stem, the header row and the rows.
pub struct Table {
    /// Names the file (`technologies-2026-12-06.csv`) and the sheet.
    pub name: &'static str,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(name: &'static str, header: Vec<String>) -> Self {
        Self {
            name,
            header,
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// The table as CSV: UTF-8 with a byte-order mark, without which Excel
    /// reads Chinese and Indonesian accents as Latin-1.
    pub fn csv(&self) -> Result<Vec<u8>, AppError> {
        let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
        for row in std::iter::once(&self.header).chain(&self.rows) {
            let cells: Vec<_> = row.iter().map(|c| neutralise(c)).collect();
            w.write_record(cells.iter().map(|c| c.as_bytes()))?;
        }
        Ok(w.into_inner()?)
    }

    /// The table as an XLSX workbook of one sheet. Every cell is written
    /// as a string, never as a formula or a number, and neutralised as in
    /// CSV so that the sheet saved again as CSV is as safe.
    pub fn xlsx(&self) -> Result<Vec<u8>, AppError> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name(self.name).map_err(xlsx_error)?;
        let bold = rust_xlsxwriter::Format::new().set_bold();
        for (r, row) in std::iter::once(&self.header).chain(&self.rows).enumerate() {
            let r = u32::try_from(r).map_err(|e| AppError::Internal(e.to_string()))?;
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).map_err(|e| AppError::Internal(e.to_string()))?;
                let text = neutralise(cell);
                if r == 0 {
                    sheet
                        .write_string_with_format(r, c, text.as_ref(), &bold)
                        .map_err(xlsx_error)?;
                } else {
                    sheet
                        .write_string(r, c, text.as_ref())
                        .map_err(xlsx_error)?;
                }
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
        book.save_to_buffer().map_err(xlsx_error)
    }

    /// The attachment response in `format`, dated today (UTC), never cached.
    pub fn respond(&self, format: Format) -> Result<HttpResponse, AppError> {
        let body = match format {
            Format::Csv => self.csv()?,
            Format::Xlsx => self.xlsx()?,
        };
        Ok(attachment(self.name, format).body(body))
    }
}

/// The headers of an export: its type, its file name dated today (UTC),
/// never cached.
fn attachment(name: &str, format: Format) -> actix_web::HttpResponseBuilder {
    let mut r = HttpResponse::Ok();
    r.content_type(format.content_type())
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"{}-{}.{}\"",
                name,
                crate::db::now().format("%Y-%m-%d"),
                format.extension()
            ),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"));
    r
}

/// Rows as CSV lines, neutralised as in `Table::csv`.
fn csv_lines<'a>(rows: impl IntoIterator<Item = &'a Vec<String>>) -> Result<Vec<u8>, AppError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        let cells: Vec<_> = row.iter().map(|c| neutralise(c)).collect();
        w.write_record(cells.iter().map(|c| c.as_bytes()))?;
    }
    Ok(w.into_inner()?)
}

/// A CSV export streamed: the byte-order mark and the header first, then
/// each page of rows as `pages` yields it (fetching the next only once the
/// last is written). A failure after the first bytes can only cut the file
/// short (the status is sent): it is logged, and the download ends
/// unfinished rather than looking complete.
pub fn stream_csv<S>(name: &'static str, header: Vec<String>, pages: S) -> HttpResponse
where
    S: futures_util::Stream<Item = Result<Vec<Vec<String>>, AppError>> + 'static,
{
    use futures_util::StreamExt;
    let head = csv_lines([&header]).map(|mut line| {
        let mut out = b"\xEF\xBB\xBF".to_vec();
        out.append(&mut line);
        actix_web::web::Bytes::from(out)
    });
    let body = futures_util::stream::once(async move { head }).chain(pages.map(move |page| {
        page.and_then(|rows| csv_lines(&rows))
            .map(actix_web::web::Bytes::from)
            .inspect_err(|e| tracing::error!(error = %e, export = name, "export cut short"))
    }));
    attachment(name, Format::Csv).streaming(body)
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> AppError {
    AppError::Internal(e.to_string())
}

/// The characters that make a spreadsheet read a cell as a formula (OWASP's
/// CSV-injection list), with their full-width forms, which some spreadsheet
/// programs fold into the ASCII ones.
const FORMULA_START: &[char] = &['=', '+', '-', '@', '＝', '＋', '－', '＠'];

/// A cell as it may safely be exported: one that starts with a tab or a
/// carriage return, or whose first non-blank character opens a formula, is
/// prefixed with an apostrophe, which spreadsheets show as text. Following
/// OWASP, this includes negative numbers written as text (`-5` becomes
/// `'-5`): every exported cell is text anyway, and a rule with exceptions
/// for "numbers" is the kind attackers find a way around (`-5+cmd|…`).
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['\t', '\r'])
        || cell
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| FORMULA_START.contains(&c));
    if risky {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// What the audit log keeps of an export: how many rows, the format, and
/// the filters asked for (so that "who exported what" can be answered).
pub fn summary(rows: usize, format: Format, req: &actix_web::HttpRequest) -> String {
    format!("{rows} ({}) ?{}", format.extension(), req.query_string())
}

/// A time as a spreadsheet sorts it (ISO 8601, UTC), or empty.
pub fn iso(d: Option<chrono::DateTime<chrono::Utc>>) -> String {
    d.map(crate::web::iso).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn formula_openers_are_neutralised() {
        for (cell, out) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1", "'+1"),
            (" +1", "' +1"),
            ("\u{3000}=1+1", "'\u{3000}=1+1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("＝SUM(A1)", "'＝SUM(A1)"),
            ("＋1", "'＋1"),
            ("－1", "'－1"),
            ("＠x", "'＠x"),
            ("\tcmd", "'\tcmd"),
            ("\r=1", "'\r=1"),
            ("\n=1", "'\n=1"),
            ("-5", "'-5"),
        ] {
            assert_eq!(neutralise(cell), out, "{cell:?}");
        }
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for cell in [
            "",
            "Hybrid rice",
            "杂交水稻",
            "5",
            "a=b",
            "x-1",
            "'quoted",
            " ",
            "e-mail@example.org",
        ] {
            assert_eq!(neutralise(cell), cell, "{cell:?}");
        }
    }
}
