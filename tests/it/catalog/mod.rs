//! The catalogue: cross-language search, Chinese bigrams, filters, facets,
//! hostile input, inquiries and needs. One file per concern; the
//! catalogues they build are here.

mod detail;
mod inquiries;
mod judged;
mod listing;
mod needs;
mod relevance;
mod search;

use sea_orm::DatabaseConnection;

use crate::support::*;

/// The rice package, as the demo has it: titled in the three languages,
/// offered to five ASEAN countries, described at length, its contact
/// complete.
fn rice() -> TechnologyBuilder {
    TechnologyBuilder::new(RICE)
        .title(
            "en",
            "Hybrid Rice Varieties and High-Yield Cultivation Package for Tropical Paddy Fields",
        )
        .title("zh-CN", "热带稻区杂交水稻品种及高产栽培技术")
        .title(
            "id",
            "Varietas Padi Hibrida dan Paket Budidaya Hasil Tinggi untuk Sawah Tropis",
        )
        .description(
            "en",
            "Hybrid rice combinations selected over twelve seasons in southern Guangxi, with a \
             cultivation protocol for two- and three-crop tropical paddy systems. The partner \
             receives training in hybrid seed production (row ratios, gibberellin timing, \
             isolation).",
        )
        .description(
            "id",
            "Kombinasi padi hibrida hasil seleksi dua belas musim tanam di Guangxi selatan, \
             dengan protokol budidaya untuk pola tanam dua dan tiga kali setahun di sawah tropis.",
        )
        .field("agriculture")
        .trl(9)
        .modes(&["licensing", "technical_service"])
        .countries(&["ID", "VN", "PH", "MM", "LA"])
        .contact(
            "Dr. Huang Zhiqiang",
            "huangzq@gxrice.example.cn",
            "+86 771 555 0142",
        )
        .website("https://www.gxrice.example.cn")
}

/// Ten technologies across fields, countries, readiness levels,
/// cooperation modes and IP statuses, for the filters and their counts.
async fn varied_catalogue(db: &DatabaseConnection) {
    rice().insert(db).await;
    type Tech<'a> = (&'a str, &'a str, &'a [&'a str], i16, &'a [&'a str], &'a str);
    let others: &[Tech<'_>] = &[
        (
            "cassava-starch-processing",
            "agriculture",
            &["TH", "VN"],
            8,
            &["licensing"],
            "patent_granted",
        ),
        (
            "drip-irrigation-kits",
            "agriculture",
            &["ID"],
            7,
            &["equipment_supply"],
            "know_how",
        ),
        (
            "solar-photovoltaic-mini-grids",
            "new_energy",
            &["PH", "ID"],
            8,
            &["licensing", "joint_venture"],
            "patent_granted",
        ),
        (
            "household-biogas-digesters",
            "new_energy",
            &["KH", "LA"],
            9,
            &["technical_service"],
            "open",
        ),
        (
            "offshore-aquaculture-cages",
            "marine",
            &["ID", "MY"],
            6,
            &["joint_rnd"],
            "patent_pending",
        ),
        (
            "seaweed-processing-line",
            "marine",
            &["PH"],
            8,
            &["licensing"],
            "patent_granted",
        ),
        (
            "rural-water-treatment-units",
            "environment_water",
            &["BN", "SG"],
            7,
            &["equipment_supply"],
            "patent_granted",
        ),
        (
            "telemedicine-carts",
            "health_biomedicine",
            &["SG"],
            9,
            &["licensing"],
            "patent_granted",
        ),
        (
            "smart-port-logistics",
            "smart_city_transport",
            &["BN"],
            5,
            &["joint_rnd"],
            "know_how",
        ),
    ];
    for (slug, field, countries, trl, modes, ip) in others {
        TechnologyBuilder::new(slug)
            .field(field)
            .countries(countries)
            .trl(*trl)
            .modes(modes)
            .ip_status(ip)
            .insert(db)
            .await;
    }
}

/// `n` technologies whose English titles are not in the order they were
/// stored, each published on a different day.
async fn many(db: &DatabaseConnection, n: usize) {
    const WORDS: &[&str] = &[
        "Mango", "Cassava", "Rubber", "Bamboo", "Solar", "Wind", "Biogas", "Water", "Mangrove",
        "Battery",
    ];
    for i in 0..n {
        let title = format!("{} technology {i:02}", WORDS[(i * 7) % WORDS.len()]);
        TechnologyBuilder::new(&format!("technology-{i:02}"))
            .title("en", &title)
            .published_days_ago(i64::try_from((i * 3) % 100 + 1).unwrap())
            .insert(db)
            .await;
    }
}
