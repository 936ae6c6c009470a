//! Visitors' inquiries in the back office: the inbox and recorded replies.

use sea_orm::EntityTrait;

use crate::support::*;

#[actix_web::test]
async fn inquiries_reach_the_inbox_and_replies_are_recorded() {
    let t = TestApp::empty().await.with_accounts().await;
    let rice = TechnologyBuilder::new("hybrid-rice-for-tropical-paddies")
        .insert(t.conn())
        .await;
    let app = t.service().await;
    let r = post_form(
        &app,
        &format!("/id/technologies/{}/inquiry", rice.slug),
        &[
            ("name", "Budi Santoso"),
            ("organisation", "PT Tani Jaya"),
            ("country", "ID"),
            ("email", "budi@tanijaya.example.com"),
            (
                "message",
                "Berapa biaya lisensi untuk 100 hektar sawah padi?",
            ),
            ("consent", "yes"),
            ("website", ""),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    let mut b = login(&app, EDITOR).await;
    let inbox = b.get(&app, "/admin/inquiries?status=new").await;
    assert!(inbox.body.contains("Budi Santoso"));
    let href = inbox
        .attr("table a[href^='/admin/inquiries/']", "href")
        .unwrap();
    let detail = b.get(&app, &href).await;
    assert!(detail.text(".message").contains("100 hektar"));
    assert_eq!(detail.attr(".message", "lang").as_deref(), Some("id"));
    let r = b
        .post_csrf(
            &app,
            &href,
            &[
                ("status", "new"),
                ("reply", "Sent the price list by email."),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let i = techbridge::entities::inquiry::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(i.status, "answered");
    assert_eq!(i.reply.as_deref(), Some("Sent the price list by email."));
    assert!(i.replied_at.is_some());
}
