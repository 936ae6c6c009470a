//! `seed-synthetic N`: plausible technologies in three languages, generated
//! from word lists, for load tests and benchmarks (100,000 in well under a
//! minute: multi-row inserts in one transaction).

use chrono::Duration;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, Set};

use crate::db::now;
use crate::entities::{search_doc, technology, technology_translation};
use crate::search::analyzer::index_text;
use crate::taxonomy::{ASEAN, FIELDS, IP_STATUSES, MODES, PROVINCES};
use crate::translation::FirstRevision;

/// (English, Chinese, Indonesian) words to combine into titles.
const SUBJECTS: &[(&str, &str, &str)] = &[
    ("rice", "水稻", "padi"),
    ("cassava", "木薯", "singkong"),
    ("sugarcane", "甘蔗", "tebu"),
    ("solar", "光伏", "surya"),
    ("wind", "风电", "angin"),
    ("biogas", "沼气", "biogas"),
    ("water", "水处理", "air"),
    ("mangrove", "红树林", "mangrove"),
    ("aquaculture", "水产养殖", "budidaya ikan"),
    ("battery", "电池", "baterai"),
    ("bamboo", "竹材", "bambu"),
    ("telemedicine", "远程医疗", "telemedis"),
    ("cold chain", "冷链", "rantai dingin"),
    ("port logistics", "港口物流", "logistik pelabuhan"),
    ("rubber", "橡胶", "karet"),
    ("fruit", "水果", "buah"),
];

const KINDS: &[(&str, &str, &str)] = &[
    ("processing line", "加工生产线", "lini pengolahan"),
    ("monitoring system", "监测系统", "sistem pemantauan"),
    ("treatment plant", "处理装置", "instalasi pengolahan"),
    ("breeding technology", "育种技术", "teknologi pemuliaan"),
    ("smart platform", "智慧平台", "platform cerdas"),
    ("compact equipment", "小型装备", "peralatan ringkas"),
];

const BATCH: usize = 500;

fn analysed(parts: &[&str]) -> String {
    let mut out = String::new();
    for p in parts {
        index_text(p, &mut out);
    }
    out
}

pub async fn load(db: &DatabaseConnection, n: u32) -> Result<(), DbErr> {
    load_with_prefix(db, n, &format!("synthetic-{}", now().timestamp())).await
}

/// As `load`, with slugs `<prefix>-<serial>` (benchmarks need stable ones).
pub async fn load_with_prefix(db: &DatabaseConnection, n: u32, prefix: &str) -> Result<(), DbErr> {
    let mut rng = StdRng::seed_from_u64(20221025);
    let t = now();
    let mut done: u32 = 0;
    while done < n {
        let size =
            usize::try_from((n - done).min(u32::try_from(BATCH).unwrap_or(500))).unwrap_or(BATCH);
        let txn = crate::db::begin_write(db).await?;
        let mut techs = Vec::with_capacity(size);
        let mut specs = Vec::with_capacity(size);
        for i in 0..size {
            let serial = done as usize + i;
            let s = SUBJECTS[rng.random_range(0..SUBJECTS.len())];
            let k = KINDS[rng.random_range(0..KINDS.len())];
            let field = FIELDS[rng.random_range(0..FIELDS.len())];
            let countries = rng.random_range(1..(1 << ASEAN.len()));
            let modes = rng.random_range(1..(1 << MODES.len()));
            let days = rng.random_range(1..900);
            let trl: i16 = rng.random_range(1..=9);
            let ip = IP_STATUSES[rng.random_range(0..IP_STATUSES.len())];
            techs.push(technology::ActiveModel {
                slug: Set(format!("{prefix}-{serial}")),
                field: Set(field.to_owned()),
                trl: Set(trl),
                ip_status: Set(ip.to_owned()),
                coop_modes: Set(modes),
                countries: Set(countries),
                province: Set(PROVINCES[rng.random_range(0..PROVINCES.len())].to_owned()),
                featured: Set(false),
                contact_name: Set("Synthetic Contact".to_owned()),
                contact_email: Set("contact@synthetic.example.org".to_owned()),
                contact_phone: Set(String::new()),
                website: Set(String::new()),
                status: Set("published".to_owned()),
                publish_at: Set(Some(t - Duration::days(days))),
                expires_at: Set(None),
                source_lang: Set("en".to_owned()),
                created_at: Set(t - Duration::days(days)),
                updated_at: Set(t),
                ..Default::default()
            });
            specs.push((serial, s, k));
        }
        technology::Entity::insert_many(techs).exec(&txn).await?;
        // Ids of what was just inserted, by slug.
        let first = format!("{prefix}-{done}");
        let ids = ids_from(&txn, &first, size).await?;
        let mut trs = Vec::with_capacity(size * 3);
        let mut docs = Vec::with_capacity(size);
        for (id, (serial, s, k)) in ids.into_iter().zip(specs) {
            let en = (
                format!("{} {} no. {serial}", capital(s.0), k.0),
                format!(
                    "A field-proven {} {} for ASEAN partners, with training and after-sales service.",
                    s.0, k.0
                ),
                format!(
                    "The {} {} has been deployed in Guangxi and neighbouring provinces. It lowers costs, saves energy and is easy to maintain locally.",
                    s.0, k.0
                ),
            );
            let zh = (
                format!("{}{} {serial}号", s.1, k.1),
                format!("面向东盟伙伴的成熟{}{}，提供培训和售后服务。", s.1, k.1),
                format!(
                    "该{}{}已在广西及周边省份推广应用，成本低、节能、便于本地维护。",
                    s.1, k.1
                ),
            );
            let id_ = (
                format!("{} {} no. {serial}", capital(k.2), s.2),
                format!(
                    "{} {} yang teruji untuk mitra ASEAN, dengan pelatihan dan layanan purnajual.",
                    capital(k.2),
                    s.2
                ),
                format!(
                    "{} {} ini telah diterapkan di Guangxi dan provinsi sekitarnya, hemat biaya dan energi.",
                    capital(k.2),
                    s.2
                ),
            );
            for (lang, (title, summary, body)) in [("en", &en), ("zh-CN", &zh), ("id", &id_)] {
                trs.push(
                    technology_translation::ActiveModel {
                        technology_id: Set(id),
                        lang: Set(lang.to_owned()),
                        title: Set(title.clone()),
                        summary: Set(summary.clone()),
                        description: Set(body.clone()),
                        scenarios: Set(String::new()),
                        provider: Set("Guangxi Synthetic Institute".to_owned()),
                        ..Default::default()
                    }
                    .first_revision(t),
                );
            }
            docs.push(search_doc::ActiveModel {
                id: Set(crate::search::index::doc_id(
                    crate::search::index::TECHNOLOGY,
                    id,
                )),
                kind: Set("technology".to_owned()),
                entity_id: Set(id),
                title_terms: Set(analysed(&[&en.0, &zh.0, &id_.0])),
                summary_terms: Set(analysed(&[&en.1, &zh.1, &id_.1])),
                body_terms: Set(analysed(&[&en.2, &zh.2, &id_.2])),
                updated_at: Set(t),
            });
        }
        technology_translation::Entity::insert_many(trs)
            .exec(&txn)
            .await?;
        search_doc::Entity::insert_many(docs).exec(&txn).await?;
        txn.commit().await?;
        done += u32::try_from(size).unwrap_or(0);
    }
    Ok(())
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

async fn ids_from(
    db: &impl ConnectionTrait,
    first_slug: &str,
    n: usize,
) -> Result<Vec<i32>, DbErr> {
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
    let first: Option<i32> = technology::Entity::find()
        .select_only()
        .column(technology::Column::Id)
        .filter(technology::Column::Slug.eq(first_slug))
        .into_tuple()
        .one(db)
        .await?;
    let Some(first) = first else {
        return Err(DbErr::Custom("synthetic batch not found".into()));
    };
    technology::Entity::find()
        .select_only()
        .column(technology::Column::Id)
        .filter(technology::Column::Id.gte(first))
        .order_by_asc(technology::Column::Id)
        .limit(u64::try_from(n).unwrap_or(0))
        .into_tuple()
        .all(db)
        .await
}
