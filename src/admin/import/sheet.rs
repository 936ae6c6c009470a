//! Reading an uploaded spreadsheet (CSV or XLSX, told apart by content, not
//! by name) into a header row and rows of text, refusing what is not a
//! plain table: not a spreadsheet, empty, too many rows, formulas, merged
//! cells. Nothing here knows what the columns mean.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

/// Largest file accepted. A thousand technologies in three languages with
/// long descriptions take about 3 MB as CSV; ten leaves room and still
/// bounds what one request holds in memory.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// Most data rows in one import: one transaction holds them all, and the
/// editor reads the dry run's problems on one page.
pub const MAX_ROWS: usize = 5_000;

/// Why a whole file is refused: a message id and, for some, what it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub message: &'static str,
    pub arg: String,
}

impl Refusal {
    pub fn new(message: &'static str) -> Self {
        Self {
            message,
            arg: String::new(),
        }
    }

    pub fn with(message: &'static str, arg: impl Into<String>) -> Self {
        Self {
            message,
            arg: arg.into(),
        }
    }
}

/// A table: the header cells, then each non-blank row with its row number
/// as a spreadsheet program shows it (the header is row 1).
#[derive(Debug, Default)]
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

impl Sheet {
    /// The cell of `row` under header `i`, trimmed ("" past the row's end).
    pub fn cell(row: &[String], i: usize) -> &str {
        row.get(i).map_or("", |s| s.trim())
    }
}

/// Reads a spreadsheet from its bytes.
pub fn read(bytes: &[u8]) -> Result<Sheet, Refusal> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Refusal::new("import-empty"));
    }
    // An XLSX file is a ZIP archive; anything else must be UTF-8 text.
    let sheet = if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes)?
    } else {
        read_csv(bytes)?
    };
    if sheet.headers.iter().all(String::is_empty) {
        return Err(Refusal::new("import-empty"));
    }
    if sheet.rows.len() > MAX_ROWS {
        return Err(Refusal::with("import-too-many-rows", MAX_ROWS.to_string()));
    }
    Ok(sheet)
}

/// Whether bytes are text a person would have typed: UTF-8 with no control
/// characters but tab and line breaks (a PNG or an executable renamed
/// `.csv` fails at once).
fn is_text(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok_and(|s| {
        !s.chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    })
}

fn read_csv(bytes: &[u8]) -> Result<Sheet, Refusal> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if !is_text(bytes) {
        return Err(Refusal::new("import-not-spreadsheet"));
    }
    // Spreadsheet programs in some locales write `;` between cells: the
    // header line says which one this file uses.
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or(bytes);
    let delimiter = if first.iter().filter(|b| **b == b';').count()
        > first.iter().filter(|b| **b == b',').count()
    {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut sheet = Sheet::default();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|_| Refusal::new("import-not-spreadsheet"))?;
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if i == 0 {
            sheet.headers = cells.iter().map(|c| c.trim().to_owned()).collect();
        } else if cells.iter().any(|c| !c.trim().is_empty()) {
            sheet.rows.push((i + 1, cells));
        }
        if sheet.rows.len() > MAX_ROWS {
            break;
        }
    }
    Ok(sheet)
}

/// A1-style name of a cell (`C7`), for refusals that point at one.
fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        let r = (c - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(r).unwrap_or(0)));
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row + 1)
}

/// Most bytes an XLSX file may unpack to. Its XML compresses about tenfold;
/// a file that says it unpacks to far more than its limit allows is a
/// decompression bomb, refused before anything of it is unpacked.
const MAX_UNPACKED: u128 = 20 * MAX_BYTES as u128;

/// Whether a ZIP archive says it unpacks to at most `max` bytes (false for
/// one that is not an archive, or does not say).
fn unpacks_within(bytes: &[u8], max: u128) -> bool {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return false;
    };
    // The central directory gives each file's size, also when the file's
    // own header left it to a data descriptor (as spreadsheet writers do).
    let mut total = 0u128;
    for i in 0..archive.len() {
        match archive.by_index_raw(i) {
            Ok(f) => total += u128::from(f.size()),
            Err(_) => return false,
        }
    }
    total <= max
}

fn read_xlsx(bytes: &[u8]) -> Result<Sheet, Refusal> {
    let not_one = |_| Refusal::new("import-not-spreadsheet");
    if !unpacks_within(bytes, MAX_UNPACKED) {
        return Err(Refusal::new("import-not-spreadsheet"));
    }
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(not_one)?;
    // The first sheet is the table; others (the template's list of allowed
    // values) are notes for the person filling it in.
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| Refusal::new("import-empty"))?;
    // A formula's value is whatever the program that saved the file last
    // computed, if it did: refuse rather than import a stale number.
    let formulas = book.worksheet_formula(&name).map_err(not_one)?;
    if let Some((row, col, _)) = formulas.used_cells().find(|(_, _, f)| !f.is_empty()) {
        let (r0, c0) = formulas.start().unwrap_or((0, 0));
        return Err(Refusal::with(
            "import-formulas",
            cell_name(r0 + row as u32, c0 + col as u32),
        ));
    }
    // A merged cell holds its value in its first cell only: the rows it
    // spans would silently lose it.
    let merged = book.merge_cells_by_sheet_name(&name).map_err(not_one)?;
    if let Some(d) = merged.first() {
        return Err(Refusal::with(
            "import-merged",
            cell_name(d.start.0, d.start.1),
        ));
    }
    let range = book.worksheet_range(&name).map_err(not_one)?;
    let (r0, _) = range.start().unwrap_or((0, 0));
    let width = range.end().map_or(0, |(_, c)| c as usize + 1);
    let mut sheet = Sheet::default();
    for (i, row) in range.rows().enumerate() {
        // Rows above the first used one are blank: count from the sheet's
        // real first row, as the program shows it.
        let line = r0 as usize + i + 1;
        let mut cells: Vec<String> = row.iter().map(text_of).collect();
        cells.resize(width.max(cells.len()), String::new());
        if line == 1 || (sheet.headers.is_empty() && i == 0) {
            sheet.headers = cells.iter().map(|c| c.trim().to_owned()).collect();
        } else if cells.iter().any(|c| !c.trim().is_empty()) {
            sheet.rows.push((line, cells));
        }
        if sheet.rows.len() > MAX_ROWS {
            break;
        }
    }
    Ok(sheet)
}

/// A cell as the text a person sees: whole numbers without `.0`.
fn text_of(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(n) => n.to_string(),
        Data::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::Error(e) => format!("#{e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_by_content() {
        let s = read("title.en,trl\n\"Rice, hybrid\",5\n,\n".as_bytes()).unwrap();
        assert_eq!(s.headers, vec!["title.en", "trl"]);
        assert_eq!(
            s.rows,
            vec![(2, vec!["Rice, hybrid".to_owned(), "5".to_owned()])]
        );
        let s = read("\u{feff}title.en;trl\nRice;5\n".as_bytes()).unwrap();
        assert_eq!(s.headers, vec!["title.en", "trl"]);
        assert_eq!(
            read(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err().message,
            "import-not-spreadsheet"
        );
        assert_eq!(read(b"  \n").unwrap_err().message, "import-empty");
        assert_eq!(
            read(b"PK\x03\x04garbage").unwrap_err().message,
            "import-not-spreadsheet"
        );
        // An archive that says it unpacks to 2 MB.
        let mut archive = zip::ZipWriter::new(Cursor::new(Vec::new()));
        archive
            .start_file(
                "xl/worksheets/sheet1.xml",
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
        std::io::Write::write_all(&mut archive, &vec![b'a'; 2 * 1024 * 1024]).unwrap();
        let archive = archive.finish().unwrap().into_inner();
        assert!(archive.len() < 100 * 1024);
        assert!(!unpacks_within(&archive, 1024 * 1024));
        assert!(unpacks_within(&archive, 3 * 1024 * 1024));
        assert!(!unpacks_within(b"PK\x03\x04 no archive", u128::MAX));
        assert_eq!(cell_name(6, 2), "C7");
        assert_eq!(cell_name(0, 27), "AB1");
    }
}
