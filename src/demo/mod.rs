//! Demo content written for this portal from the founding article, in
//! three languages, loaded into an empty database on first start (and by
//! `techbridge seed-demo`). Dates are relative to the day of loading, so
//! upcoming events stay upcoming.

pub mod deals;
pub mod pictures;
pub mod synthetic;

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, DbErr,
    EntityTrait, PaginatorTrait, QueryFilter, Set,
};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::db::now;
use crate::entities::*;
use crate::i18n::Locale;
use crate::taxonomy::{self, ASEAN, MODES};
use crate::translation::FirstRevision;

const TECHNOLOGIES: &str = include_str!("technologies.toml");
const CONTENT: &str = include_str!("content.toml");

/// The texts of a record in each language present, configured order.
fn texts<T: DeserializeOwned>(rest: &toml::Table) -> Result<Vec<(Locale, T)>, DbErr> {
    let mut out = Vec::new();
    for l in Locale::all() {
        if let Some(v) = rest.get(l.tag()) {
            let t: T = v
                .clone()
                .try_into()
                .map_err(|e| DbErr::Custom(format!("demo content, {}: {e}", l.tag())))?;
            out.push((l, t));
        }
    }
    if out.is_empty() {
        return Err(DbErr::Custom("demo record without any text".into()));
    }
    Ok(out)
}

/// English when present, else the first language: what the others were
/// translated from.
fn source<T>(texts: &[(Locale, T)]) -> &'static str {
    texts
        .iter()
        .map(|(l, _)| l.tag())
        .find(|t| *t == "en")
        .or_else(|| texts.first().map(|(l, _)| l.tag()))
        .unwrap_or("en")
}

#[derive(Deserialize)]
struct TechFile {
    technology: Vec<DemoTech>,
}

#[derive(Deserialize)]
struct DemoTech {
    slug: String,
    field: String,
    trl: i16,
    ip_status: String,
    modes: Vec<String>,
    countries: Vec<String>,
    province: String,
    #[serde(default)]
    featured: bool,
    contact_name: String,
    contact_email: String,
    #[serde(default)]
    contact_phone: String,
    #[serde(default)]
    website: String,
    published_days_ago: i64,
    expires_in_days: Option<i64>,
    /// Key of a picture in `content.toml` shown on its page and card.
    picture: Option<String>,
    #[serde(flatten)]
    rest: toml::Table,
}

#[derive(Deserialize)]
struct TechText {
    title: String,
    summary: String,
    description: String,
    scenarios: String,
    provider: String,
}

#[derive(Deserialize)]
struct ContentFile {
    picture: Vec<DemoPicture>,
    settings: toml::Table,
    about: toml::Table,
    event: Vec<DemoEvent>,
    news: Vec<DemoNews>,
    fellow: Vec<DemoFellow>,
    need: Vec<DemoNeed>,
    call: DemoCall,
    host_post: Vec<DemoPost>,
    network_member: Vec<DemoMember>,
}

/// A drawn illustration (`pictures::SCENES`) and its alt text per language.
#[derive(Deserialize)]
struct DemoPicture {
    key: String,
    #[serde(flatten)]
    rest: toml::Table,
}

#[derive(Deserialize)]
struct AltText {
    alt: String,
}

#[derive(Deserialize)]
struct PageText {
    title: String,
    body: String,
}

#[derive(Deserialize)]
struct DemoEvent {
    slug: String,
    kind: String,
    starts: Option<String>,
    ends: Option<String>,
    starts_in_days: Option<i64>,
    start_time: Option<String>,
    ends_in_days: Option<i64>,
    end_time: Option<String>,
    timezone: String,
    country: String,
    #[serde(default)]
    registration_url: String,
    picture: Option<String>,
    #[serde(flatten)]
    rest: toml::Table,
}

#[derive(Deserialize)]
struct EventText {
    title: String,
    summary: String,
    body: String,
    venue: String,
    city: String,
}

#[derive(Deserialize)]
struct DemoNews {
    slug: String,
    published: Option<String>,
    published_days_ago: Option<i64>,
    event: Option<String>,
    picture: Option<String>,
    #[serde(flatten)]
    rest: toml::Table,
}

#[derive(Deserialize)]
struct NewsText {
    title: String,
    summary: String,
    body: String,
}

#[derive(Deserialize)]
struct DemoFellow {
    slug: String,
    name: String,
    #[serde(default)]
    name_zh: String,
    country: String,
    cohort_year: i32,
    field: String,
    #[serde(flatten)]
    rest: toml::Table,
}

#[derive(Deserialize)]
struct FellowText {
    home_institution: String,
    host_institution: String,
    research: String,
    bio: String,
}

#[derive(Deserialize)]
struct DemoNeed {
    slug: String,
    field: String,
    country: String,
    organisation: String,
    contact_name: String,
    contact_email: String,
    status: String,
    posted_days_ago: i64,
    expires_in_days: i64,
    #[serde(flatten)]
    rest: toml::Table,
}

#[derive(Deserialize)]
struct NeedText {
    title: String,
    description: String,
}

#[derive(Deserialize)]
struct DemoCall {
    cohort_year: i32,
    opens_in_days: i64,
    closes_in_days: i64,
    decisions_in_days: Option<i64>,
    #[serde(flatten)]
    rest: toml::Table,
}

#[derive(Deserialize)]
struct CallText {
    title: String,
    description: String,
}

#[derive(Deserialize)]
struct DemoPost {
    field: String,
    supervisor: String,
    duration_months: i16,
    #[serde(flatten)]
    rest: toml::Table,
}

#[derive(Deserialize)]
struct PostText {
    institution: String,
    lab: String,
    description: String,
}

#[derive(Deserialize)]
struct DemoMember {
    country: String,
    kind: String,
    #[serde(default)]
    website: String,
    #[serde(flatten)]
    rest: toml::Table,
}

#[derive(Deserialize)]
struct MemberText {
    name: String,
}

fn bad(what: &str) -> DbErr {
    DbErr::Custom(format!("demo content: {what}"))
}

/// Loads the demo content when the database has no content yet. Returns
/// whether it did. Several instances starting at once on PostgreSQL take
/// turns under an advisory lock, so the content is loaded once.
pub async fn load_if_empty(db: &DatabaseConnection) -> Result<bool, DbErr> {
    let txn = crate::db::begin_write(db).await?;
    if txn.get_database_backend() == DbBackend::Postgres {
        txn.execute_unprepared("SELECT pg_advisory_xact_lock(7262019)")
            .await?;
    }
    // The privacy notice is seeded by a migration, so it says nothing about
    // whether the centre's own content is in.
    let has_content = page::Entity::find()
        .filter(page::Column::Key.ne("privacy"))
        .count(&txn)
        .await?
        > 0
        || technology::Entity::find().count(&txn).await? > 0;
    if has_content {
        txn.commit().await?;
        return Ok(false);
    }
    load(&txn).await?;
    txn.commit().await?;
    Ok(true)
}

/// Parses the embedded files (also checked by a unit test).
fn parse() -> Result<(TechFile, ContentFile), DbErr> {
    let techs: TechFile = toml::from_str(TECHNOLOGIES).map_err(|e| bad(&e.to_string()))?;
    let content: ContentFile = toml::from_str(CONTENT).map_err(|e| bad(&e.to_string()))?;
    Ok((techs, content))
}

async fn load(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    let (techs, content) = parse()?;
    let t = now();
    let pictures = load_pictures(db, &content.picture, t).await?;
    for tech in techs.technology {
        load_technology(db, tech, &pictures, t).await?;
    }
    for (k, v) in &content.settings {
        let value = match v {
            toml::Value::String(s) => s.clone(),
            toml::Value::Integer(n) => n.to_string(),
            toml::Value::Float(n) => n.to_string(),
            toml::Value::Boolean(b) => b.to_string(),
            _ => return Err(bad(&format!("setting {k} must be a scalar"))),
        };
        crate::settings::set(db, k, &value).await?;
    }
    // Every public page says it shows demo content until an administrator
    // removes the notice (Settings).
    crate::settings::set(db, crate::settings::DEMO_NOTICE, "on").await?;
    let about: Vec<(Locale, PageText)> = texts(&content.about)?;
    let p = page::ActiveModel {
        key: Set("about".into()),
        source_lang: Set(source(&about).into()),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for (l, x) in about {
        page_translation::ActiveModel {
            page_id: Set(p.id),
            lang: Set(l.tag().into()),
            title: Set(x.title),
            body: Set(x.body),
            ..Default::default()
        }
        .first_revision(t)
        .insert(db)
        .await?;
    }
    let mut event_ids = Vec::new();
    for e in content.event {
        let slug = e.slug.clone();
        let id = load_event(db, e, &pictures, t).await?;
        event_ids.push((slug, id));
    }
    for n in content.news {
        let event_id = n.event.as_ref().and_then(|s| {
            event_ids
                .iter()
                .find(|(slug, _)| slug == s)
                .map(|(_, id)| *id)
        });
        load_news(db, n, event_id, &pictures, t).await?;
    }
    for f in content.fellow {
        load_fellow(db, f, t).await?;
    }
    for n in content.need {
        load_need(db, n, t).await?;
    }
    load_call(db, content.call, content.host_post, t).await?;
    for (i, m) in content.network_member.into_iter().enumerate() {
        let x: Vec<(Locale, MemberText)> = texts(&m.rest)?;
        let saved = network_member::ActiveModel {
            country: Set(m.country),
            kind: Set(m.kind),
            website: Set(m.website),
            position: Set(i32::try_from(i).unwrap_or(0)),
            source_lang: Set(source(&x).into()),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await?;
        for (l, x) in x {
            network_member_translation::ActiveModel {
                member_id: Set(saved.id),
                lang: Set(l.tag().into()),
                name: Set(x.name),
                description: Set(String::new()),
                ..Default::default()
            }
            .first_revision(t)
            .insert(db)
            .await?;
        }
    }
    Ok(())
}

/// The named picture's media id.
fn picture(pictures: &HashMap<String, i32>, key: Option<&String>) -> Result<Option<i32>, DbErr> {
    key.map(|k| {
        pictures
            .get(k)
            .copied()
            .ok_or_else(|| bad(&format!("no picture {k}")))
    })
    .transpose()
}

/// Draws the pictures and stores them as an editor's upload would be:
/// the original, its variants, the alt text in each language.
async fn load_pictures(
    db: &impl ConnectionTrait,
    list: &[DemoPicture],
    t: DateTime<Utc>,
) -> Result<HashMap<String, i32>, DbErr> {
    use sha2::{Digest, Sha256};
    let drawn = pictures::all();
    let mut ids = HashMap::new();
    for d in list {
        let p = drawn
            .iter()
            .find(|p| p.key == d.key)
            .ok_or_else(|| bad(&format!("picture {}: no such scene", d.key)))?;
        let alts: Vec<(Locale, AltText)> = texts(&d.rest)?;
        let sha = hex::encode(Sha256::digest(&p.jpeg));
        let saved = media::ActiveModel {
            key: Set(sha[..32].to_owned()),
            mime: Set("image/jpeg".to_owned()),
            width: Set(i32::try_from(p.width).unwrap_or(0)),
            height: Set(i32::try_from(p.height).unwrap_or(0)),
            size: Set(i32::try_from(p.jpeg.len()).unwrap_or(0)),
            sha256: Set(sha),
            bytes: Set(p.jpeg.clone()),
            filename: Set(format!("{}.jpg", d.key)),
            source_lang: Set(source(&alts).into()),
            created_by: Set(None),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await?;
        for (w, h, data) in &p.variants {
            media_variant::ActiveModel {
                media_id: Set(saved.id),
                width: Set(i32::try_from(*w).unwrap_or(0)),
                height: Set(i32::try_from(*h).unwrap_or(0)),
                mime: Set("image/jpeg".to_owned()),
                bytes: Set(data.clone()),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
        for (l, a) in alts {
            media_translation::ActiveModel {
                media_id: Set(saved.id),
                lang: Set(l.tag().into()),
                alt: Set(a.alt),
                ..Default::default()
            }
            .first_revision(t)
            .insert(db)
            .await?;
        }
        ids.insert(d.key.clone(), saved.id);
    }
    Ok(ids)
}

async fn load_technology(
    db: &impl ConnectionTrait,
    d: DemoTech,
    pictures: &HashMap<String, i32>,
    t: DateTime<Utc>,
) -> Result<(), DbErr> {
    let x: Vec<(Locale, TechText)> = texts(&d.rest)?;
    let image = picture(pictures, d.picture.as_ref())?;
    let saved = technology::ActiveModel {
        slug: Set(d.slug),
        field: Set(d.field),
        trl: Set(d.trl),
        ip_status: Set(d.ip_status),
        coop_modes: Set(taxonomy::mask(MODES, d.modes.iter().map(String::as_str))),
        countries: Set(taxonomy::mask(
            ASEAN,
            d.countries.iter().map(String::as_str),
        )),
        province: Set(d.province),
        featured: Set(d.featured),
        contact_name: Set(d.contact_name),
        contact_email: Set(d.contact_email),
        contact_phone: Set(d.contact_phone),
        website: Set(d.website),
        status: Set("published".into()),
        publish_at: Set(Some(t - Duration::days(d.published_days_ago))),
        expires_at: Set(d.expires_in_days.map(|n| t + Duration::days(n))),
        source_lang: Set(source(&x).into()),
        created_at: Set(t - Duration::days(d.published_days_ago)),
        updated_at: Set(t),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for (l, x) in x {
        technology_translation::ActiveModel {
            technology_id: Set(saved.id),
            lang: Set(l.tag().into()),
            title: Set(x.title),
            summary: Set(x.summary),
            description: Set(x.description),
            scenarios: Set(x.scenarios),
            provider: Set(x.provider),
            ..Default::default()
        }
        .first_revision(t)
        .insert(db)
        .await?;
    }
    if let Some(media_id) = image {
        technology_image::ActiveModel {
            technology_id: Set(saved.id),
            media_id: Set(media_id),
            position: Set(0),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    crate::catalog::store::reindex(db, saved.id).await
}

fn local_time(tz: Tz, s: &str) -> Result<DateTime<Utc>, DbErr> {
    let naive = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M")
        .map_err(|e| bad(&format!("{s}: {e}")))?;
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|d| d.with_timezone(&Utc))
        .ok_or_else(|| bad(s))
}

fn relative_time(
    tz: Tz,
    base: DateTime<Utc>,
    days: i64,
    time: Option<&str>,
) -> Result<DateTime<Utc>, DbErr> {
    let day = (base + Duration::days(days))
        .with_timezone(&tz)
        .date_naive();
    local_time(
        tz,
        &format!("{}T{}", day.format("%Y-%m-%d"), time.unwrap_or("09:00")),
    )
}

async fn load_event(
    db: &impl ConnectionTrait,
    d: DemoEvent,
    pictures: &HashMap<String, i32>,
    t: DateTime<Utc>,
) -> Result<i32, DbErr> {
    let cover = picture(pictures, d.picture.as_ref())?;
    let tz: Tz = d.timezone.parse().map_err(|_| bad(&d.timezone))?;
    let starts = match (&d.starts, d.starts_in_days) {
        (Some(s), _) => local_time(tz, s)?,
        (None, Some(n)) => relative_time(tz, t, n, d.start_time.as_deref())?,
        _ => return Err(bad(&format!("{}: no start", d.slug))),
    };
    let ends = match (&d.ends, d.ends_in_days) {
        (Some(s), _) => local_time(tz, s)?,
        (None, Some(n)) => relative_time(tz, t, n, d.end_time.as_deref())?,
        _ => starts + Duration::hours(8),
    };
    let x: Vec<(Locale, EventText)> = texts(&d.rest)?;
    let saved = event::ActiveModel {
        slug: Set(d.slug),
        kind: Set(d.kind),
        starts_at: Set(starts),
        ends_at: Set(ends),
        timezone: Set(d.timezone),
        country: Set(d.country),
        registration_url: Set(d.registration_url),
        registration_closes_at: Set(None),
        cover_id: Set(cover),
        status: Set("published".into()),
        publish_at: Set(Some(
            (starts - Duration::days(60)).min(t - Duration::days(1)),
        )),
        expires_at: Set(None),
        source_lang: Set(source(&x).into()),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for (l, x) in x {
        event_translation::ActiveModel {
            event_id: Set(saved.id),
            lang: Set(l.tag().into()),
            title: Set(x.title),
            summary: Set(x.summary),
            body: Set(x.body),
            venue: Set(x.venue),
            city: Set(x.city),
            ..Default::default()
        }
        .first_revision(t)
        .insert(db)
        .await?;
    }
    Ok(saved.id)
}

async fn load_news(
    db: &impl ConnectionTrait,
    d: DemoNews,
    event_id: Option<i32>,
    pictures: &HashMap<String, i32>,
    t: DateTime<Utc>,
) -> Result<(), DbErr> {
    let cover = picture(pictures, d.picture.as_ref())?;
    let published = match (&d.published, d.published_days_ago) {
        (Some(s), _) => DateTime::parse_from_rfc3339(s)
            .map_err(|e| bad(&format!("{s}: {e}")))?
            .with_timezone(&Utc),
        (None, Some(n)) => t - Duration::days(n),
        _ => t,
    };
    let x: Vec<(Locale, NewsText)> = texts(&d.rest)?;
    let saved = news::ActiveModel {
        slug: Set(d.slug),
        event_id: Set(event_id),
        cover_id: Set(cover),
        status: Set("published".into()),
        publish_at: Set(Some(published)),
        expires_at: Set(None),
        source_lang: Set(source(&x).into()),
        created_at: Set(published),
        updated_at: Set(published),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for (l, x) in x {
        news_translation::ActiveModel {
            news_id: Set(saved.id),
            lang: Set(l.tag().into()),
            title: Set(x.title),
            summary: Set(x.summary),
            body: Set(x.body),
            ..Default::default()
        }
        .first_revision(published)
        .insert(db)
        .await?;
    }
    Ok(())
}

async fn load_fellow(
    db: &impl ConnectionTrait,
    d: DemoFellow,
    t: DateTime<Utc>,
) -> Result<(), DbErr> {
    let x: Vec<(Locale, FellowText)> = texts(&d.rest)?;
    let saved = fellow::ActiveModel {
        slug: Set(d.slug),
        name: Set(d.name),
        name_zh: Set(d.name_zh),
        country: Set(d.country),
        cohort_year: Set(d.cohort_year),
        field: Set(d.field),
        photo_id: Set(None),
        status: Set("published".into()),
        publish_at: Set(Some(t - Duration::days(1))),
        expires_at: Set(None),
        source_lang: Set(source(&x).into()),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for (l, x) in x {
        fellow_translation::ActiveModel {
            fellow_id: Set(saved.id),
            lang: Set(l.tag().into()),
            home_institution: Set(x.home_institution),
            host_institution: Set(x.host_institution),
            research: Set(x.research),
            bio: Set(x.bio),
            ..Default::default()
        }
        .first_revision(t)
        .insert(db)
        .await?;
    }
    Ok(())
}

async fn load_need(db: &impl ConnectionTrait, d: DemoNeed, t: DateTime<Utc>) -> Result<(), DbErr> {
    let x: Vec<(Locale, NeedText)> = texts(&d.rest)?;
    let posted = t - Duration::days(d.posted_days_ago);
    let published = d.status == "published";
    let saved = need::ActiveModel {
        slug: Set(d.slug),
        field: Set(d.field),
        country: Set(d.country),
        organisation: Set(d.organisation),
        contact_name: Set(d.contact_name),
        contact_email: Set(d.contact_email),
        ip_hash: Set(None),
        status: Set(d.status),
        publish_at: Set(published.then_some(posted)),
        expires_at: Set(Some(t + Duration::days(d.expires_in_days))),
        source_lang: Set(source(&x).into()),
        created_at: Set(posted),
        updated_at: Set(posted),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for (l, x) in x {
        need_translation::ActiveModel {
            need_id: Set(saved.id),
            lang: Set(l.tag().into()),
            title: Set(x.title),
            description: Set(x.description),
            ..Default::default()
        }
        .first_revision(posted)
        .insert(db)
        .await?;
    }
    Ok(())
}

async fn load_call(
    db: &impl ConnectionTrait,
    c: DemoCall,
    posts: Vec<DemoPost>,
    t: DateTime<Utc>,
) -> Result<(), DbErr> {
    let x: Vec<(Locale, CallText)> = texts(&c.rest)?;
    let tz = chrono_tz::Asia::Shanghai;
    let saved = programme_call::ActiveModel {
        cohort_year: Set(c.cohort_year),
        opens_at: Set(relative_time(tz, t, c.opens_in_days, Some("00:00"))?),
        closes_at: Set(relative_time(tz, t, c.closes_in_days, Some("23:59"))?),
        decisions_at: Set(match c.decisions_in_days {
            Some(n) => Some(relative_time(tz, t, n, Some("12:00"))?),
            None => None,
        }),
        status: Set("published".into()),
        source_lang: Set(source(&x).into()),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for (l, x) in x {
        call_translation::ActiveModel {
            call_id: Set(saved.id),
            lang: Set(l.tag().into()),
            title: Set(x.title),
            description: Set(x.description),
            ..Default::default()
        }
        .first_revision(t)
        .insert(db)
        .await?;
    }
    for (i, p) in posts.into_iter().enumerate() {
        let x: Vec<(Locale, PostText)> = texts(&p.rest)?;
        let post = host_post::ActiveModel {
            call_id: Set(saved.id),
            field: Set(p.field),
            supervisor: Set(p.supervisor),
            duration_months: Set(p.duration_months),
            position: Set(i32::try_from(i).unwrap_or(0)),
            source_lang: Set(source(&x).into()),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await?;
        for (l, x) in x {
            host_post_translation::ActiveModel {
                host_post_id: Set(post.id),
                lang: Set(l.tag().into()),
                institution: Set(x.institution),
                lab: Set(x.lab),
                description: Set(x.description),
                ..Default::default()
            }
            .first_revision(t)
            .insert(db)
            .await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_files_parse_and_use_known_codes() {
        let (techs, content) = parse().unwrap_or_else(|e| panic!("{e}"));
        assert!(techs.technology.len() >= 30);
        for t in &techs.technology {
            assert!(taxonomy::is_code(taxonomy::FIELDS, &t.field), "{}", t.field);
            assert!(taxonomy::is_code(taxonomy::IP_STATUSES, &t.ip_status));
            assert!(
                taxonomy::is_code(taxonomy::PROVINCES, &t.province),
                "{}",
                t.province
            );
            assert!(t.modes.iter().all(|m| taxonomy::is_code(MODES, m)));
            assert!(t.countries.iter().all(|c| taxonomy::is_code(ASEAN, c)));
            assert!(crate::slugs::is_valid(&t.slug));
            texts::<TechText>(&t.rest).unwrap_or_else(|e| panic!("{}: {e}", t.slug));
        }
        assert_eq!(content.event.len(), 6);
        assert_eq!(content.news.len(), 8);
        assert_eq!(content.fellow.len(), 12);
        for e in &content.event {
            assert!(taxonomy::is_code(taxonomy::EVENT_KINDS, &e.kind));
            assert!(e.timezone.parse::<Tz>().is_ok());
        }
    }
}
