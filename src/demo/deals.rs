//! Demo deals: a few inquiries from clearly fictional organisations, in
//! every stage from new to signed or closed, with their exchanges dated in
//! the past, so that the board, the report and the counted figures have
//! something to show on a first start. One technology is listed "contact
//! through the centre". Loaded with the demo content by the command line
//! (first start, `seed-demo`), not by the tests' demo database, whose
//! deals each test makes itself.

use chrono::{Duration, NaiveDate};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, Set,
};

use crate::db::now;
use crate::deals::Stage;
use crate::deals::store::{self, Event, MoveSet, Who};
use crate::entities::{deal, inquiry, technology};

struct Demo {
    tech: &'static str,
    name: &'static str,
    organisation: &'static str,
    country: &'static str,
    email: &'static str,
    lang: &'static str,
    message: &'static str,
    days_ago: i64,
    /// The stages it went through after "new", each a number of days
    /// after it was received.
    path: &'static [(Stage, i64)],
}

const CENTRE: Who<'static> = Who {
    editor_id: None,
    label: "demo@centre.example.org",
};

const DEALS: &[Demo] = &[
    Demo {
        tech: "hybrid-rice-varieties-and-high-yield-cultivation-for-tropical-paddy-fields",
        name: "Dewi Lestari",
        organisation: "Koperasi Tani Sawah Contoh (demo)",
        country: "ID",
        email: "dewi@sawah-contoh.example.id",
        lang: "id",
        message: "Kami ingin menguji varietas padi ini di 50 hektar sawah di Jawa Tengah. Apakah benih dan pelatihan bisa disediakan?",
        days_ago: 150,
        path: &[
            (Stage::Forwarded, 1),
            (Stage::Answered, 9),
            (Stage::Talks, 30),
            (Stage::Signed, 95),
        ],
    },
    Demo {
        tech: "distributed-rooftop-solar-pv-with-battery-storage-for-off-grid-villages",
        name: "Somchai Wongsa",
        organisation: "Example Village Energy Co-op (demo)",
        country: "TH",
        email: "somchai@energy-coop.example.th",
        lang: "en",
        message: "We power twelve villages with diesel generators and would like to buy solar and battery kits for them. Can you quote for 300 households?",
        days_ago: 120,
        path: &[
            (Stage::Forwarded, 2),
            (Stage::Answered, 12),
            (Stage::Talks, 40),
            (Stage::Signed, 80),
        ],
    },
    Demo {
        tech: "virus-free-sugarcane-seedlings-and-mechanised-harvesting-system",
        name: "Nguyen Van Minh",
        organisation: "Sample Sugar Growers Union (demo)",
        country: "VN",
        email: "minh@sugar-sample.example.vn",
        lang: "en",
        message: "Our members would like to visit a demonstration field of the virus-free seedlings before deciding. Is a visit to Guangxi possible?",
        days_ago: 60,
        path: &[
            (Stage::Forwarded, 1),
            (Stage::Answered, 6),
            (Stage::Talks, 20),
        ],
    },
    Demo {
        tech: "high-starch-cassava-varieties-with-mechanised-planting-and-harvesting",
        name: "Sokha Chan",
        organisation: "Demo Cassava Processing Ltd (demo)",
        country: "KH",
        email: "sokha@cassava-demo.example.kh",
        lang: "en",
        message: "What yield per hectare do these cassava varieties give on sandy soils with little irrigation?",
        days_ago: 25,
        path: &[(Stage::Forwarded, 1), (Stage::Answered, 5)],
    },
    Demo {
        tech: "fusarium-wilt-tr4-resistant-banana-plantlets-and-soil-biocontrol",
        name: "Maria Santos",
        organisation: "Example Banana Estates (demo)",
        country: "PH",
        email: "maria@banana-example.example.ph",
        lang: "en",
        message: "Tropical race 4 has reached two of our farms. We need resistant plantlets for about 80 hectares this year.",
        days_ago: 35,
        path: &[(Stage::Forwarded, 2)],
    },
    Demo {
        tech: "prefabricated-biogas-digesters-for-households-and-livestock-farms",
        name: "Aung Kyaw",
        organisation: "Sample Livestock Cooperative (demo)",
        country: "MM",
        email: "aung@livestock-sample.example.mm",
        lang: "en",
        message: "Please send the price of a biogas digester for a farm with 200 pigs, delivered to Yangon.",
        days_ago: 3,
        path: &[],
    },
    Demo {
        tech: "containerised-micro-hydropower-units-with-grid-forming-controllers",
        name: "Bounmy Phommachanh",
        organisation: "Demo Hydro Village Fund (demo)",
        country: "LA",
        email: "bounmy@hydro-demo.example.la",
        lang: "en",
        message: "Is a containerised unit suitable for a stream with 4 metres of head and a dry season of five months?",
        days_ago: 90,
        path: &[(Stage::Forwarded, 1), (Stage::Closed, 45)],
    },
];

/// Loads the demo deals into a database that has the demo technologies and
/// no deal yet; `false` when there was nothing to do.
pub async fn load(db: &impl ConnectionTrait) -> Result<bool, DbErr> {
    if deal::Entity::find().count(db).await? > 0 {
        return Ok(false);
    }
    let t = now();
    let mut loaded = false;
    for d in DEALS {
        let Some(tech) = technology::Entity::find()
            .filter(technology::Column::Slug.eq(d.tech))
            .one(db)
            .await?
        else {
            continue;
        };
        let received = t - Duration::days(d.days_ago);
        let inq = inquiry::ActiveModel {
            technology_id: Set(tech.id),
            name: Set(d.name.to_owned()),
            organisation: Set(d.organisation.to_owned()),
            country: Set(d.country.to_owned()),
            email: Set(d.email.to_owned()),
            message: Set(d.message.to_owned()),
            lang: Set(d.lang.to_owned()),
            status: Set("new".to_owned()),
            ip_hash: Set(None),
            created_at: Set(received),
            updated_at: Set(received),
            ..Default::default()
        }
        .insert(db)
        .await?;
        let mut current = store::open_for_inquiry(db, &inq, &tech).await?;
        for (stage, after) in d.path {
            let at = received + Duration::days(*after);
            let set = match stage {
                Stage::Forwarded => MoveSet {
                    forwarded: true,
                    ..MoveSet::default()
                },
                Stage::Answered => MoveSet {
                    answer: Some("interested"),
                    ..MoveSet::default()
                },
                Stage::Signed => MoveSet {
                    signed: Some((
                        at.date_naive(),
                        if d.country == "TH" {
                            "equipment"
                        } else {
                            "licence"
                        },
                        None,
                        None,
                    )),
                    ..MoveSet::default()
                },
                Stage::Closed => MoveSet {
                    closed_reason: Some("not_pursued"),
                    ..MoveSet::default()
                },
                _ => MoveSet::default(),
            };
            store::claim_move(db, &current, *stage, CENTRE, at, set).await?;
            let (kind, detail, on_date, note): (&'static str, &str, Option<NaiveDate>, &str) =
                match stage {
                    Stage::Forwarded => ("forwarded", tech.contact_email.as_str(), None, ""),
                    Stage::Answered => (
                        "answered",
                        "interested",
                        None,
                        "We are interested and can send a technician for a site visit.",
                    ),
                    Stage::Talks => (
                        "meeting",
                        "visit",
                        Some(at.date_naive()),
                        "Site visit with the provider's engineers.",
                    ),
                    Stage::Signed => (
                        "signed",
                        if d.country == "TH" {
                            "equipment"
                        } else {
                            "licence"
                        },
                        Some(at.date_naive()),
                        "",
                    ),
                    Stage::Closed => ("closed", "not_pursued", None, ""),
                    Stage::New => ("received", "", None, ""),
                };
            let mut e = Event::new(kind, CENTRE);
            e.stage = Some(*stage);
            e.detail = detail;
            e.on_date = on_date;
            e.note = note;
            store::add_event(db, current.id, at, e).await?;
            current = store::by_id(db, current.id)
                .await?
                .ok_or_else(|| DbErr::RecordNotFound(current.id.to_string()))?;
        }
        // The overdue demo deal was reminded and marked long ago: the
        // periodic job finds nothing to send to its fictional address.
        if current.stage == Stage::Forwarded.as_str() {
            let mut a: deal::ActiveModel = current.into();
            a.reminded_at = Set(Some(received + Duration::days(16)));
            a.overdue_at = Set(Some(received + Duration::days(30)));
            a.update(db).await?;
        }
        loaded = true;
    }
    // "Contact through the centre": this provider takes inquiries only
    // through the centre.
    if let Some(t) = technology::Entity::find()
        .filter(
            technology::Column::Slug
                .eq("prefabricated-biogas-digesters-for-households-and-livestock-farms"),
        )
        .one(db)
        .await?
    {
        let mut a: technology::ActiveModel = t.into();
        a.via_centre = Set(true);
        a.update(db).await?;
    }
    Ok(loaded)
}
