//! The technology catalogue: search with filters, technology pages, and
//! inquiries to providers.

pub mod cards;
pub mod inquiry;
pub mod store;

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::error::AppError;
use crate::needs;
use crate::ratelimit;
use crate::search::catalog_query::{self as query, CatalogQuery, Sort};
use crate::taxonomy::{self, ASEAN, FIELDS, IP_STATUSES, MODES};
use crate::web::client::client_key;
use crate::web::forms::FieldErrors;
use crate::web::{Ctx, Html, Page, Pager, Section, see_other};
pub use cards::{CardView, card_views};
use inquiry::InquiryForm;

pub struct FacetOption {
    pub code: String,
    pub label: String,
    pub count: i64,
    pub checked: bool,
    pub href: String,
}

pub struct FacetGroup {
    pub dim: &'static str,
    pub legend: String,
    pub options: Vec<FacetOption>,
}

pub struct Chip {
    pub label: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "catalog/list.html")]
pub struct ListPage {
    pub page: Page,
    pub q: CatalogQuery,
    pub cards: Vec<CardView>,
    pub total: i64,
    pub groups: Vec<FacetGroup>,
    pub trl_options: Vec<(i16, i64)>,
    pub chips: Vec<Chip>,
    pub clear_href: String,
    pub pager: Pager,
    /// Orders offered: the value sent (empty for the default of the page,
    /// relevance with words and newest without, so a query typed into the
    /// form is not held to the order of the page it was typed on), the
    /// order's name, whether it is the current one.
    pub sorts: Vec<(&'static str, &'static str, bool)>,
    pub suggestions: Vec<Chip>,
    /// No technology has every word: said above the partial matches.
    pub partial: Option<String>,
    /// The words were cut to the longest search there is: said so.
    pub shortened: Option<String>,
    /// A page past the end was asked for: said above the last page.
    pub past_end: Option<String>,
    /// How many filter values are chosen (the folded filters say it).
    pub active_filters: usize,
    /// The query with misspelt words corrected, as a link.
    pub did_you_mean: Option<Chip>,
    /// Page sizes offered, and whether each is the current one.
    pub sizes: Vec<(u32, bool)>,
}

fn list_href(ctx: &Ctx, q: &CatalogQuery) -> String {
    let qs = q.to_query();
    if qs.is_empty() {
        ctx.href("/technologies")
    } else {
        format!("{}?{qs}", ctx.href("/technologies"))
    }
}

/// One facet: `dim` is the query parameter, the vocabulary prefix and the
/// suffix of the legend's message id.
fn group(
    ctx: &Ctx,
    page: &Page,
    q: &CatalogQuery,
    dim: &'static str,
    counts: &[(&'static str, i64)],
    selected: &[&'static str],
) -> FacetGroup {
    FacetGroup {
        dim,
        legend: page.t(&format!("catalog-filter-{dim}")),
        options: counts
            .iter()
            .map(|(code, n)| FacetOption {
                code: (*code).to_owned(),
                label: page.code(dim, code),
                count: *n,
                checked: selected.contains(code),
                href: list_href(ctx, &q.toggled(dim, code)),
            })
            .collect(),
    }
}

/// GET /{lang}/technologies
pub async fn list(ctx: Ctx) -> Result<Html, AppError> {
    let q = CatalogQuery::parse(&ctx.query);
    let index = ctx.state.catalog.get(ctx.db(), &ctx.state.changes).await?;
    let result = store::search(ctx.db(), &index, &q, ctx.locale).await?;
    let media = crate::media::library_for(&ctx).await?;
    let cards = store::cards(
        ctx.db(),
        &index,
        &media,
        &result.ids,
        ctx.locale,
        !q.q.is_empty(),
    )
    .await?;
    // The title says what is shown: words, how many filters, which page.
    let title = crate::web::Translator { locale: ctx.locale }.tmixed(
        "catalog-page-title",
        &[
            ("searched", if q.q.is_empty() { "no" } else { "yes" }),
            ("words", &q.q),
        ],
        &[
            (
                "filters",
                i64::try_from(q.active_filters()).unwrap_or(i64::MAX),
            ),
            ("page", i64::from(result.page)),
        ],
    );
    let mut page = ctx.page(Section::Technologies, title);
    page.description = ctx.t("catalog-description");
    // Search results are not for indexing; the plain list and its pages are.
    page.noindex = !q.q.is_empty() || q.has_filters();
    if q.page > 1 {
        page.canonical_query = Some(format!("page={}", q.page));
    }

    let f = &result.facets;
    let groups = vec![
        group(&ctx, &page, &q, "field", &f.fields, &q.fields),
        group(&ctx, &page, &q, "country", &f.countries, &q.countries),
        group(&ctx, &page, &q, "mode", &f.modes, &q.modes),
        group(&ctx, &page, &q, "ip", &f.ip, &q.ip),
    ];

    let mut chips = Vec::new();
    if !q.q.is_empty() {
        chips.push(Chip {
            label: page.ts("catalog-chip-words", "words", &q.q),
            href: list_href(&ctx, &q.without_q()),
        });
    }
    for (dim, prefix, list) in [
        ("field", "field", &q.fields),
        ("country", "country", &q.countries),
        ("mode", "mode", &q.modes),
        ("ip", "ip", &q.ip),
    ] {
        for code in list.iter() {
            chips.push(Chip {
                label: page.code(prefix, code),
                href: list_href(&ctx, &q.toggled(dim, code)),
            });
        }
    }
    if q.trl_min.is_some() || q.trl_max.is_some() {
        let (a, b) = q.trl_bounds();
        chips.push(Chip {
            label: format!("{} {a}–{b}", page.t("catalog-trl-short")),
            href: list_href(&ctx, &q.without_trl()),
        });
    }

    let shown = q.with_page(result.page);
    let href_of_page =
        |n: u64| list_href(&ctx, &shown.with_page(u32::try_from(n).unwrap_or(u32::MAX)));
    let pager = Pager::new(
        u64::from(result.page),
        u64::try_from(result.total).unwrap_or(0),
        u64::from(q.per_page),
        href_of_page,
    )
    .numbered(href_of_page);

    let mut suggestions = Vec::new();
    if result.total == 0 {
        if q.has_filters() {
            suggestions.push(Chip {
                label: page.t("catalog-suggest-clear-filters"),
                href: list_href(&ctx, &q.cleared()),
            });
        }
        if !q.q.is_empty() {
            suggestions.push(Chip {
                label: page.t("catalog-suggest-clear-words"),
                href: list_href(&ctx, &q.without_q()),
            });
            suggestions.push(Chip {
                label: page.t("catalog-suggest-site-search"),
                href: format!(
                    "{}?{}",
                    ctx.href("/search"),
                    form_urlencoded::Serializer::new(String::new())
                        .append_pair("q", &q.q)
                        .finish()
                ),
            });
        }
    }
    let current_sort = q.sort();
    let default_sort = if q.q.is_empty() {
        Sort::Newest
    } else {
        Sort::Relevance
    };
    let mut sorts = Vec::new();
    for sort in [Sort::Relevance, Sort::Newest, Sort::Title] {
        if sort == Sort::Relevance && q.q.is_empty() {
            continue;
        }
        let value = if sort == default_sort {
            ""
        } else {
            sort.as_str()
        };
        sorts.push((value, sort.as_str(), sort == current_sort));
    }
    let past_end = (q.page > result.page).then(|| {
        page.targs(
            "catalog-page-past-end",
            &[
                ("asked", &q.page.to_string()),
                ("page", &result.page.to_string()),
            ],
        )
    });
    let partial = result
        .partial
        .then(|| page.ts("catalog-partial", "words", &q.q));
    let did_you_mean = result.suggestion.map(|words| Chip {
        href: list_href(&ctx, &q.with_words(words.clone())),
        label: words,
    });

    Html::render(&ListPage {
        cards: card_views(cards, &q.q, ctx.locale),
        total: result.total,
        groups,
        trl_options: f.trl.clone(),
        chips,
        clear_href: list_href(&ctx, &q.cleared().without_q()),
        pager,
        sorts,
        suggestions,
        partial,
        shortened: q
            .shortened
            .then(|| page.tn("search-shortened", query::MAX_QUERY_CHARS as i64)),
        past_end,
        active_filters: q.active_filters(),
        did_you_mean,
        sizes: {
            let mut sizes: Vec<u32> = vec![10, query::DEFAULT_PER_PAGE, query::MAX_PER_PAGE];
            if !sizes.contains(&q.per_page) {
                sizes.push(q.per_page);
                sizes.sort_unstable();
            }
            sizes.into_iter().map(|n| (n, n == q.per_page)).collect()
        },
        q: shown,
        page,
    })
}

#[derive(Template)]
#[template(path = "catalog/detail.html")]
pub struct DetailPage {
    pub page: Page,
    pub d: store::Detail,
    pub description_html: String,
    pub scenarios_html: String,
    pub countries: Vec<&'static str>,
    pub modes: Vec<&'static str>,
    pub related: Vec<CardView>,
    pub needs: Vec<needs::NeedCard>,
    pub form: InquiryForm,
    pub errors: FieldErrors,
    pub inquiry_countries: Vec<&'static str>,
}

impl DetailPage {
    /// The contact's phone number as a `tel:` link (digits and `+` only).
    pub fn phone_href(&self) -> String {
        let digits: String = self
            .d
            .tech
            .contact_phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        format!("tel:{digits}")
    }
}

async fn detail_page(
    ctx: &Ctx,
    slug: &str,
    form: InquiryForm,
    errors: FieldErrors,
) -> Result<(DetailPage, i32), AppError> {
    let index = ctx.state.catalog.get(ctx.db(), &ctx.state.changes).await?;
    let media = crate::media::library_for(ctx).await?;
    let d = store::detail(ctx.db(), &index, &media, slug, ctx.locale)
        .await?
        .ok_or(AppError::NotFound)?;
    page_of(ctx, &index, &media, d, form, errors).await
}

/// The page of any technology, public or not (the back office's preview).
pub async fn preview_page(ctx: &Ctx, id: i32) -> Result<DetailPage, AppError> {
    let index = ctx.state.catalog.get(ctx.db(), &ctx.state.changes).await?;
    let media = crate::media::library_for(ctx).await?;
    let d = store::detail_any(ctx.db(), &index, &media, id, ctx.locale)
        .await?
        .ok_or(AppError::NotFound)?;
    let (page, _) = page_of(
        ctx,
        &index,
        &media,
        d,
        InquiryForm::default(),
        FieldErrors::default(),
    )
    .await?;
    Ok(page)
}

/// The page of a loaded technology.
async fn page_of(
    ctx: &Ctx,
    index: &crate::search::catalog_index::CatalogIndex,
    media: &crate::media::Library,
    d: store::Detail,
    form: InquiryForm,
    errors: FieldErrors,
) -> Result<(DetailPage, i32), AppError> {
    let related = store::related(ctx.db(), index, media, &d.tech, ctx.locale).await?;
    let needs = needs::for_technology(ctx, &d.tech, &d.titles).await?;
    let page = ctx
        .page(Section::Technologies, d.text.title.clone())
        .with_description(d.text.summary.clone())
        .with_content(d.shown, d.outdated);
    let mut page = page;
    page.og_type = "article";
    page.og_image = d.images.first().map(|i| page.abs(&i.src(1200)));
    let countries = taxonomy::unmask(ASEAN, d.tech.countries);
    let data = serde_json::json!({
        "@type": "Product",
        "name": d.text.title,
        "description": d.text.summary,
        "url": page.canonical(),
        "image": d.images.iter().map(|i| page.abs(&i.src(1200))).collect::<Vec<_>>(),
        "category": page.code("field", &d.tech.field),
        "brand": { "@type": "Organization", "name": d.text.provider },
        "countryOfOrigin": { "@type": "Country", "name": page.code("country", "CN") },
        "areaServed": countries
            .iter()
            .map(|c| serde_json::json!({ "@type": "Country", "name": page.code("country", c) }))
            .collect::<Vec<_>>(),
        "additionalProperty": [{
            "@type": "PropertyValue",
            "name": page.t("trl-short"),
            "value": d.tech.trl,
        }],
    });
    page.add_json_ld(data);
    let id = d.tech.id;
    Ok((
        DetailPage {
            description_html: crate::markdown::render(&d.text.description),
            scenarios_html: crate::markdown::render(&d.text.scenarios),
            countries,
            modes: taxonomy::unmask(MODES, d.tech.coop_modes),
            related: card_views(related, "", ctx.locale),
            needs,
            form,
            errors,
            inquiry_countries: crate::taxonomy::countries(),
            page,
            d,
        },
        id,
    ))
}

/// GET /{lang}/technologies/{slug}
pub async fn detail(ctx: Ctx, path: web::Path<(String, String)>) -> Result<Html, AppError> {
    let (_, slug) = path.into_inner();
    let (page, _) =
        detail_page(&ctx, &slug, InquiryForm::default(), FieldErrors::default()).await?;
    Html::render(&page)
}

/// POST /{lang}/technologies/{slug}/inquiry
pub async fn inquire(
    ctx: Ctx,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    form: crate::web::forms::Form<InquiryForm>,
) -> Result<HttpResponse, AppError> {
    let (_, slug) = path.into_inner();
    let form = form.into_inner();
    let sent = format!(
        "{}/inquiry/sent",
        ctx.href(&format!("/technologies/{slug}"))
    );
    let (page, tech_id) = detail_page(&ctx, &slug, form.clone(), FieldErrors::default()).await?;
    if form.is_spam() {
        // Look like success so the bot learns nothing; store nothing.
        return Ok(see_other(&sent));
    }
    match form.validate() {
        Err(errors) => {
            let page = DetailPage { errors, ..page };
            Ok(Html::render(&page)?.unprocessable().into_response(&req))
        }
        Ok(input) => {
            let key = client_key(&req, &ctx.state);
            ratelimit::INQUIRY.take(ctx.db(), &key).await?;
            // The inquiry and its deal are one write: neither exists alone.
            let txn = sea_orm::TransactionTrait::begin(ctx.db()).await?;
            let id = inquiry::store(&txn, tech_id, input, ctx.locale, key).await?;
            crate::deals::inquiry_received(
                &txn,
                &ctx.state.config.secret_key,
                &ctx.state.base_url,
                id,
                &page.d.tech,
            )
            .await?;
            txn.commit().await?;
            Ok(see_other(&sent))
        }
    }
}

#[derive(Template)]
#[template(path = "catalog/inquiry_sent.html")]
pub struct SentPage {
    pub page: Page,
    pub slug: String,
    pub title: String,
}

/// GET /{lang}/technologies/{slug}/inquiry/sent
pub async fn inquiry_sent(ctx: Ctx, path: web::Path<(String, String)>) -> Result<Html, AppError> {
    let (_, slug) = path.into_inner();
    let index = ctx.state.catalog.get(ctx.db(), &ctx.state.changes).await?;
    let media = crate::media::library_for(&ctx).await?;
    let d = store::detail(ctx.db(), &index, &media, &slug, ctx.locale)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut page = ctx.page(Section::Technologies, ctx.t("inquiry-sent-title"));
    page.noindex = true;
    Html::render(&SentPage {
        page,
        title: d.text.title,
        slug,
    })
}

/// Vocabularies the templates iterate over.
pub fn fields() -> &'static [&'static str] {
    FIELDS
}

pub fn ip_statuses() -> &'static [&'static str] {
    IP_STATUSES
}
