//! `/{lang}/news/feed.xml`: the latest news as Atom (RFC 4287). Entry ids
//! are tag URIs built from the record id, so they survive edits and slug
//! changes.

use actix_web::{HttpRequest, HttpResponse};
use atom_syndication::{Content, Entry, Feed, Link, Person, Text};
use chrono::{DateTime, FixedOffset, Utc};

use crate::error::AppError;
use crate::translation;
use crate::web::{Ctx, not_modified_or};

const ENTRIES: u64 = 30;

fn fixed(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.fixed_offset()
}

fn link(href: String, rel: &str, mime: &str) -> Link {
    let mut l = Link::default();
    l.set_href(href);
    l.set_rel(rel);
    l.set_mime_type(Some(mime.to_owned()));
    l
}

/// GET /{lang}/news/feed.xml
pub async fn news_feed(ctx: Ctx, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let db = ctx.db();
    let base = ctx.state.base_url.clone();
    let host = super::host_of(&base).to_owned();
    let items = crate::news::store::latest_whole(db, ENTRIES).await?;
    let mut entries = Vec::new();
    let mut newest: Option<DateTime<Utc>> = None;
    for (n, texts) in &items {
        let Some(p) = translation::pick(texts, ctx.locale, &n.source_lang) else {
            continue;
        };
        let updated = n.updated_at.max(p.text.updated_at);
        newest = Some(newest.map_or(updated, |x| x.max(updated)));
        let url = format!("{base}/{}/news/{}", ctx.locale.tag(), n.slug);
        let mut e = Entry::default();
        e.set_id(format!("tag:{host},2022:news-{}", n.id));
        // A text shown in its fallback language says which one it is.
        let lang = (p.locale != ctx.locale).then(|| p.locale.tag().to_owned());
        let mut title = Text::plain(p.text.title.clone());
        title.lang.clone_from(&lang);
        e.set_title(title);
        e.set_updated(fixed(updated));
        e.set_published(n.publish_at.map(fixed));
        e.set_links(vec![link(url.clone(), "alternate", "text/html")]);
        let mut summary = Text::plain(p.text.summary.clone());
        summary.lang.clone_from(&lang);
        e.set_summary(Some(summary));
        let mut content = Content::default();
        content.set_content_type(Some("html".to_owned()));
        content.set_value(Some(crate::markdown::render(&p.text.body)));
        // Links and images in the body (`/media/…`) resolve against the
        // article's address in any feed reader.
        content.set_base(Some(url));
        content.set_lang(lang);
        e.set_content(Some(content));
        entries.push(e);
    }
    let self_url = format!("{base}/{}/news/feed.xml", ctx.locale.tag());
    let mut author = Person::default();
    author.set_name(ctx.t("site-name"));
    let mut feed = Feed::default();
    feed.set_id(self_url.clone());
    feed.set_title(Text::plain(format!(
        "{} · {}",
        ctx.t("news-title"),
        ctx.t("site-name")
    )));
    feed.set_subtitle(Some(Text::plain(ctx.t("news-description"))));
    feed.set_updated(fixed(newest.unwrap_or_else(|| {
        DateTime::<Utc>::from_timestamp(0, 0).unwrap_or_default()
    })));
    feed.set_authors(vec![author]);
    feed.set_links(vec![
        link(self_url, "self", "application/atom+xml"),
        link(
            format!("{base}/{}/news", ctx.locale.tag()),
            "alternate",
            "text/html",
        ),
    ]);
    feed.set_lang(Some(ctx.locale.tag().to_owned()));
    feed.set_entries(entries);
    Ok(not_modified_or(
        &req,
        "application/atom+xml; charset=utf-8",
        feed.to_string().into_bytes(),
    ))
}
