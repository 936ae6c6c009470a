//! What may be imported, and what differs between them: the columns come
//! from each kind's edit form (`Kind::shared`/`translated`), so the only
//! things said here are the fields a file may not give, the template's
//! example row, and where the provider's reference is kept.

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, sea_query::Expr,
};

use crate::admin::kinds::Kind;
use crate::admin::kinds::needs::Needs;
use crate::admin::kinds::technologies::Technologies;
use crate::entities::{need, technology};

/// The column of the provider's own reference, for every kind.
pub const REF: &str = "provider_ref";

/// A kind of record a spreadsheet may hold.
#[expect(
    async_fn_in_trait,
    reason = "used only by the import on actix workers and the command line, which need no Send bound"
)]
pub trait Importable: Kind {
    /// Shared fields a file may not give: made by the import (the slug,
    /// from the English title) or chosen in the back office (images).
    const SKIP: &'static [&'static str];
    /// The template's example row, by column; the columns not named stay
    /// empty. Sample content, in each language as a provider would write
    /// it, not interface text.
    const EXAMPLE: &'static [(&'static str, &'static str)];

    /// Ids of the stored records by provider reference.
    async fn references(db: &impl ConnectionTrait) -> Result<HashMap<String, i32>, DbErr>;

    /// Keeps a row's reference on the record it was written to (after
    /// `Kind::save`, which may not know the column).
    async fn keep_ref(db: &impl ConnectionTrait, id: i32, reference: &str) -> Result<(), DbErr>;
}

fn by_ref(rows: Vec<(i32, Option<String>)>) -> HashMap<String, i32> {
    rows.into_iter()
        .filter_map(|(id, r)| r.map(|r| (r, id)))
        .collect()
}

impl Importable for Technologies {
    const SKIP: &'static [&'static str] = &["slug", "images"];
    const EXAMPLE: &'static [(&'static str, &'static str)] = &[
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

    async fn references(db: &impl ConnectionTrait) -> Result<HashMap<String, i32>, DbErr> {
        Ok(by_ref(
            technology::Entity::find()
                .select_only()
                .column(technology::Column::Id)
                .column(technology::Column::ProviderRef)
                .filter(technology::Column::ProviderRef.is_not_null())
                .into_tuple()
                .all(db)
                .await?,
        ))
    }

    async fn keep_ref(_db: &impl ConnectionTrait, _id: i32, _reference: &str) -> Result<(), DbErr> {
        // `Technologies::save` writes `provider_ref` itself (the edit form
        // shows it); a second statement per row would only cost time.
        Ok(())
    }
}

impl Importable for Needs {
    const SKIP: &'static [&'static str] = &["slug"];
    const EXAMPLE: &'static [(&'static str, &'static str)] = &[
        (REF, "KADIN-2026-014"),
        ("source_lang", "id"),
        ("status", "published"),
        ("field", "agriculture"),
        ("country", "ID"),
        ("organisation", "Koperasi Tani Makmur Jaya"),
        ("contact_name", "Siti Rahma"),
        ("contact_email", "siti.rahma@tanimakmur.example.id"),
        ("title.zh-CN", "小型稻谷烘干设备"),
        ("title.en", "Small-scale paddy drying equipment"),
        ("title.id", "Peralatan pengering gabah skala kecil"),
        (
            "description.zh-CN",
            "我们的合作社需要适合雨季使用、日处理量约5吨的稻谷烘干技术。",
        ),
        (
            "description.en",
            "Our cooperative needs a paddy dryer for the rainy season that handles about 5 tonnes a day.",
        ),
        (
            "description.id",
            "Koperasi kami membutuhkan pengering gabah untuk musim hujan dengan kapasitas sekitar 5 ton per hari.",
        ),
    ];

    async fn references(db: &impl ConnectionTrait) -> Result<HashMap<String, i32>, DbErr> {
        Ok(by_ref(
            need::Entity::find()
                .select_only()
                .column(need::Column::Id)
                .column(need::Column::ProviderRef)
                .filter(need::Column::ProviderRef.is_not_null())
                .into_tuple()
                .all(db)
                .await?,
        ))
    }

    async fn keep_ref(db: &impl ConnectionTrait, id: i32, reference: &str) -> Result<(), DbErr> {
        let reference = Some(reference.trim().to_owned()).filter(|r| !r.is_empty());
        need::Entity::update_many()
            .col_expr(need::Column::ProviderRef, Expr::value(reference))
            .filter(need::Column::Id.eq(id))
            .exec(db)
            .await?;
        Ok(())
    }
}

/// Which kind a file holds, as the back office and the command line name
/// it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum What {
    #[default]
    Technologies,
    Needs,
}

impl What {
    pub const ALL: [Self; 2] = [Self::Technologies, Self::Needs];

    pub fn name(self) -> &'static str {
        match self {
            Self::Technologies => Technologies::NAME,
            Self::Needs => Needs::NAME,
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.name() == s)
    }

    /// The back-office name of the list it fills.
    pub fn title(self) -> &'static str {
        match self {
            Self::Technologies => Technologies::TITLE,
            Self::Needs => Needs::TITLE,
        }
    }
}
