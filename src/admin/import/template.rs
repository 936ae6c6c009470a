//! The spreadsheet an editor downloads to fill in: every column, one example
//! row that imports as it is, and (in the XLSX) a second sheet of the
//! allowed values with their names in the three languages.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::kinds::Importable;
use super::rows::{columns, shared_fields};
use crate::admin::form::Input;
use crate::i18n::Locale;
use crate::web::Translator;

/// The example row, in the order of `columns()`.
fn example<K: Importable>() -> Vec<String> {
    columns::<K>()
        .iter()
        .map(|c| {
            K::EXAMPLE
                .iter()
                .find(|(k, _)| k == c)
                .map_or_else(String::new, |(_, v)| (*v).to_owned())
        })
        .collect()
}

/// The allowed values: (column, code, name in each language).
fn allowed<K: Importable>() -> Vec<(String, String, Vec<String>)> {
    let names = |prefix: &str, code: &str| -> Vec<String> {
        Locale::all()
            .map(|locale| Translator { locale }.code(prefix, code))
            .collect()
    };
    let mut out = Vec::new();
    for code in K::STATUSES {
        out.push((
            "status".to_owned(),
            (*code).to_owned(),
            names("admin-status", code),
        ));
    }
    for l in Locale::all() {
        for column in ["source_lang", "contact_lang"] {
            if column != "source_lang" && !shared_fields::<K>().iter().any(|f| f.name == column) {
                continue;
            }
            out.push((
                column.to_owned(),
                l.tag().to_owned(),
                Locale::all().map(|_| l.native_name().to_owned()).collect(),
            ));
        }
    }
    for f in shared_fields::<K>() {
        match f.input {
            Input::Select(codes, prefix) | Input::Checks(codes, prefix) => {
                for code in codes {
                    out.push((f.name.to_owned(), (*code).to_owned(), names(prefix, code)));
                }
            }
            Input::Number(min, max) => {
                out.push((f.name.to_owned(), format!("{min}-{max}"), vec![]));
            }
            Input::Check => {
                for (code, id) in [("yes", "admin-import-yes"), ("no", "admin-import-no")] {
                    out.push((
                        f.name.to_owned(),
                        code.to_owned(),
                        Locale::all()
                            .map(|locale| Translator { locale }.t(id))
                            .collect(),
                    ));
                }
            }
            _ => {}
        }
    }
    out
}

/// The template as XLSX: the table, then the allowed values.
pub fn xlsx<K: Importable>(tr: &Translator) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name(K::NAME)?;
    for (c, (name, value)) in columns::<K>().iter().zip(example::<K>()).enumerate() {
        let c = u16::try_from(c).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, c, name, &bold)?;
        sheet.write_string(1, c, value)?;
        sheet.set_column_width(c, 18)?;
    }
    let values = book.add_worksheet();
    values.set_name(tr.t("admin-import-values-sheet"))?;
    let mut header = vec![
        tr.t("admin-import-col-column"),
        tr.t("admin-import-col-code"),
    ];
    header.extend(Locale::all().map(|l| l.tag().to_owned()));
    for (c, h) in header.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(u16::MAX);
        values.write_string_with_format(0, c, h, &bold)?;
        values.set_column_width(c, 24)?;
    }
    for (r, (column, code, names)) in allowed::<K>().into_iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        values.write_string(r, 0, column)?;
        values.write_string(r, 1, code)?;
        for (c, n) in names.iter().enumerate() {
            values.write_string(r, u16::try_from(c + 2).unwrap_or(u16::MAX), n)?;
        }
    }
    book.save_to_buffer()
}

/// The template as CSV (UTF-8 with a byte-order mark, so that spreadsheet
/// programs read Chinese correctly): the columns and the example row.
pub fn csv<K: Importable>() -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(b"\xef\xbb\xbf".to_vec());
    w.write_record(columns::<K>())?;
    w.write_record(example::<K>())?;
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}
