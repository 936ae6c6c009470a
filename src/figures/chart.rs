//! The report's chart, drawn on the server as SVG: one group of three
//! horizontal bars (received, answered, signed) per row of a table, each
//! bar labelled with its number, and a legend. No script and no inline
//! style (the CSP allows neither): colours are presentation attributes.
//! The table next to it carries the same numbers for screen readers; the
//! SVG itself is one image with a title and a description.

use std::fmt::Write;

use super::report::Row;
use crate::web::Translator;

/// The series, their message ids and colours (each at least 3:1 against
/// white, and told apart by position and legend too, not by colour alone).
pub const SERIES: [(&str, &str); 3] = [
    ("report-received", "#2b6cb0"),
    ("report-answered", "#2f855a"),
    ("report-signed", "#b7410e"),
];

const WIDTH: i64 = 640;
const LABEL_W: i64 = 170;
const BAR_H: i64 = 11;
const GAP: i64 = 12;
const TOP: i64 = 34;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The SVG of one table; `id` makes its title and description unique on
/// the page.
pub fn bars(id: &str, title: &str, description: &str, rows: &[Row], tr: &Translator) -> String {
    let group = BAR_H * 3 + GAP;
    let rows_n = i64::try_from(rows.len()).unwrap_or(0).max(1);
    let height = TOP + rows_n * group + 8;
    let max = rows
        .iter()
        .flat_map(|r| [r.received, r.answered, r.signed])
        .max()
        .unwrap_or(0)
        .max(1);
    // Room on the right for the largest number.
    let span = WIDTH - LABEL_W - 48;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="sans-serif" font-size="12">"#
    );
    let _ = write!(
        s,
        r#"<title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        esc(title),
        esc(description)
    );
    // Legend.
    let mut x = LABEL_W;
    for (label, colour) in SERIES {
        let text = tr.t(label);
        let _ = write!(
            s,
            r##"<rect x="{x}" y="8" width="12" height="12" fill="{colour}"/><text x="{}" y="18" fill="#1a202c">{}</text>"##,
            x + 16,
            esc(&text)
        );
        x += 26 + i64::try_from(text.chars().count()).unwrap_or(8) * 8;
    }
    // Axis line.
    let _ = write!(
        s,
        r##"<line x1="{LABEL_W}" y1="{}" x2="{LABEL_W}" y2="{}" stroke="#4a5568"/>"##,
        TOP - 4,
        height - 6
    );
    for (i, r) in rows.iter().enumerate() {
        let y0 = TOP + i64::try_from(i).unwrap_or(0) * group;
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" text-anchor="end" fill="#1a202c">{}</text>"##,
            LABEL_W - 8,
            y0 + BAR_H * 2 - 2,
            esc(&r.label)
        );
        for (j, (value, (_, colour))) in [r.received, r.answered, r.signed]
            .into_iter()
            .zip(SERIES)
            .enumerate()
        {
            let y = y0 + i64::try_from(j).unwrap_or(0) * BAR_H;
            let w = value * span / max;
            let _ = write!(
                s,
                r##"<rect x="{LABEL_W}" y="{y}" width="{w}" height="{}" fill="{colour}"/><text x="{}" y="{}" fill="#1a202c" font-size="10">{}</text>"##,
                BAR_H - 1,
                LABEL_W + w + 4,
                y + BAR_H - 2,
                esc(&tr.num(value))
            );
        }
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn labels_are_escaped_and_bars_scale_to_the_largest() {
        let tr = Translator {
            locale: Locale::default(),
        };
        let rows = vec![
            Row {
                key: "a".into(),
                label: "<b>&".into(),
                received: 10,
                answered: 5,
                signed: 0,
            },
            Row {
                key: "b".into(),
                label: "B".into(),
                received: 2,
                answered: 1,
                signed: 1,
            },
        ];
        let svg = bars("c", "T", "D", &rows, &tr);
        assert!(svg.contains("&lt;b&gt;&amp;"));
        assert!(!svg.contains("<b>"));
        assert_eq!(svg.matches("<rect").count(), 3 + 6);
        assert!(svg.contains(&format!(r#"width="{}""#, WIDTH - LABEL_W - 48)));
        assert!(svg.contains(r#"width="0""#));
    }
}
