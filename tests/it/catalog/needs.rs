//! Technology needs: posted by visitors for approval, listed with the
//! technologies that answer them.

use super::*;
use crate::support::*;

#[actix_web::test]
async fn a_posted_need_waits_for_approval() {
    let t = TestApp::empty().await;
    let app = t.service().await;
    let form = [
        (
            "title",
            "Solar cold storage for fishing villages in Palawan",
        ),
        (
            "description",
            "We need small solar-powered cold rooms of 5 to 10 tonnes for fishing cooperatives without grid power.",
        ),
        ("field", "new_energy"),
        ("country", "PH"),
        ("organisation", "Palawan Fisherfolk Federation"),
        ("contact_name", "Maria Santos"),
        ("contact_email", "maria@pff.example.org"),
        ("consent", "yes"),
        ("website", ""),
    ];
    let r = post_form(&app, "/en/needs/new", &form).await;
    assert_eq!(r.status, 303);
    assert_eq!(r.location(), Some("/en/needs/submitted"));
    assert!(
        !get(&app, "/en/needs")
            .await
            .body
            .contains("Palawan Fisherfolk")
    );
    assert!(
        !get(&app, "/en/search?q=Palawan")
            .await
            .body
            .contains("Palawan Fisherfolk")
    );
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let n = techbridge::entities::need::Entity::find()
        .filter(
            techbridge::entities::need::Column::Organisation.eq("Palawan Fisherfolk Federation"),
        )
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(n.status, "pending");
    assert_eq!(
        get(&app, &format!("/en/needs/{}", n.slug)).await.status,
        404
    );
    // Missing fields come back at the field, typed text kept.
    let r = post_form(
        &app,
        "/en/needs/new",
        &[("title", "Drip irrigation"), ("field", "agriculture")],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(!r.text("#description-error").is_empty());
    assert_eq!(
        r.attr("#title", "value").as_deref(),
        Some("Drip irrigation")
    );
    assert!(
        r.attr("#field option[value=agriculture]", "selected")
            .is_some()
    );
}

#[actix_web::test]
async fn published_needs_list_their_matching_technologies() {
    let t = TestApp::empty().await;
    let db = t.conn();
    NeedBuilder::new("high-yield-rice-varieties-for-irrigated-paddy-fields-in-karawang")
        .title(
            "en",
            "High-yield rice varieties for irrigated paddy fields in Karawang",
        )
        .insert(db)
        .await;
    // Its field and country: a match; and words of its title besides: the
    // best match, though stored after the other.
    TechnologyBuilder::new("drip-irrigation-kits")
        .insert(db)
        .await;
    rice().insert(db).await;
    // Neither its field nor its country.
    TechnologyBuilder::new("telemedicine-carts")
        .field("health_biomedicine")
        .countries(&["SG"])
        .insert(db)
        .await;
    let app = t.service().await;
    let r = get(
        &app,
        "/en/needs/high-yield-rice-varieties-for-irrigated-paddy-fields-in-karawang",
    )
    .await;
    assert_eq!(r.status, 200);
    let techs = r.attrs(".tech-card h3 a", "href");
    assert_eq!(
        techs.first(),
        Some(&format!("/en/technologies/{RICE}")),
        "{techs:?}"
    );
    let r = get(&app, "/id/needs?country=ID").await;
    assert!(r.body.contains("karawang"));
}
