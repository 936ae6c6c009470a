//! The spreadsheet an editor downloads to fill in: every column, one example
//! row that imports as it is, and (in the XLSX) a second sheet of the
//! allowed values with their names in the three languages.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::technologies::{REF, columns, shared_fields};
use crate::admin::form::Input;
use crate::admin::kinds::Kind;
use crate::admin::kinds::technologies::Technologies;
use crate::i18n::Locale;
use crate::web::Translator;

/// The example row, by column; the columns not named stay empty. It is
/// sample content (like the demo's), in each language as a provider would
/// write it, not interface text.
const EXAMPLE: &[(&str, &str)] = &[
    (REF, "GXAAS-2026-001"),
    ("source_lang", "en"),
    ("status", "draft"),
    ("field", "agriculture"),
    ("trl", "7"),
    ("ip_status", "patent_granted"),
    ("modes", "licensing; technical_service"),
    ("countries", "ID; VN"),
    ("province", "guangxi"),
    ("contact_name", "Li Wei"),
    ("contact_email", "liwei@gxaas.example.cn"),
    ("contact_phone", "+86 771 000 0000"),
    ("contact_lang", "zh-CN"),
    ("via_centre", "yes"),
    ("website", "https://www.gxaas.example.cn"),
    ("featured", "no"),
    ("title.zh-CN", "热带稻田杂交水稻高产栽培技术"),
    ("title.en", "Hybrid rice for tropical paddy fields"),
    ("title.id", "Padi hibrida untuk sawah tropis"),
    (
        "summary.zh-CN",
        "适合东南亚双季稻区的高产杂交水稻品种及配套栽培技术。",
    ),
    (
        "summary.en",
        "High-yield hybrid rice varieties with a cultivation package for double-cropping areas of South-East Asia.",
    ),
    (
        "summary.id",
        "Varietas padi hibrida berproduksi tinggi dengan paket budidaya untuk sawah dua kali tanam di Asia Tenggara.",
    ),
    (
        "description.zh-CN",
        "品种经广西、越南多点试验，亩产提高15%以上。",
    ),
    (
        "description.en",
        "Tested in Guangxi and Viet Nam, the varieties raise yields by more than 15%.",
    ),
    (
        "description.id",
        "Diuji di Guangxi dan Vietnam, varietas ini meningkatkan hasil lebih dari 15%.",
    ),
    ("provider.zh-CN", "广西农业科学院"),
    ("provider.en", "Guangxi Academy of Agricultural Sciences"),
    ("provider.id", "Akademi Ilmu Pertanian Guangxi"),
];

/// The example row, in the order of `columns()`.
fn example() -> Vec<String> {
    columns()
        .iter()
        .map(|c| {
            EXAMPLE
                .iter()
                .find(|(k, _)| k == c)
                .map_or_else(String::new, |(_, v)| (*v).to_owned())
        })
        .collect()
}

/// The allowed values: (column, code, name in each language).
fn allowed() -> Vec<(String, String, Vec<String>)> {
    let names = |prefix: &str, code: &str| -> Vec<String> {
        Locale::all()
            .map(|locale| Translator { locale }.code(prefix, code))
            .collect()
    };
    let mut out = Vec::new();
    for code in Technologies::STATUSES {
        out.push((
            "status".to_owned(),
            (*code).to_owned(),
            names("admin-status", code),
        ));
    }
    for l in Locale::all() {
        for column in ["source_lang", "contact_lang"] {
            out.push((
                column.to_owned(),
                l.tag().to_owned(),
                Locale::all().map(|_| l.native_name().to_owned()).collect(),
            ));
        }
    }
    for f in shared_fields() {
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
pub fn xlsx(tr: &Translator) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name("technologies")?;
    for (c, (name, value)) in columns().iter().zip(example()).enumerate() {
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
    for (r, (column, code, names)) in allowed().into_iter().enumerate() {
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
pub fn csv() -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(b"\xef\xbb\xbf".to_vec());
    w.write_record(columns())?;
    w.write_record(example())?;
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}
