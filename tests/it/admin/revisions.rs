//! Translation revisions: every save keeps one, two are compared with the
//! changed words marked, one is restored (a new revision, audited), and a
//! stale translation shows what its source changed since.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Statement};
use techbridge::entities::{audit_entry, news_translation};

use super::*;
use crate::support::*;

async fn revision_ids(t: &TestApp, record: i32, lang: &str) -> Vec<(i32, i32, Option<i32>)> {
    t.conn()
        .query_all_raw(Statement::from_sql_and_values(
            t.conn().get_database_backend(),
            match t.conn().get_database_backend() {
                sea_orm::DbBackend::Postgres => "SELECT id, revision, restored_from FROM translation_revisions WHERE tr_table = 'news_translations' AND record_id = $1 AND lang = $2 ORDER BY id",
                _ => "SELECT id, revision, restored_from FROM translation_revisions WHERE tr_table = 'news_translations' AND record_id = ? AND lang = ? ORDER BY id",
            },
            [record.into(), lang.into()],
        ))
        .await
        .unwrap()
        .iter()
        .map(|r| {
            (
                r.try_get("", "id").unwrap(),
                r.try_get("", "revision").unwrap(),
                r.try_get("", "restored_from").unwrap(),
            )
        })
        .collect()
}

#[actix_web::test]
async fn saves_keep_revisions_that_are_compared_and_restored() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    b.get(&app, "/admin/news/new").await;
    let three = "Matchmaking brings three agreements";
    let four = "Matchmaking brings four agreements";
    let r = b
        .post_csrf(&app, "/admin/news/new", &news_form(three, "draft", ""))
        .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let id = news_id_by_title(&t, three).await;
    let edit = format!("/admin/news/{id}");
    assert_eq!(revision_ids(&t, id, "en").await.len(), 1);
    assert_eq!(revision_ids(&t, id, "zh-CN").await.len(), 1);

    // A second save of the English text: a second English revision, none
    // for the unchanged Chinese one, which is now older than its source.
    b.get(&app, &edit).await;
    let r = b
        .post_csrf(&app, &edit, &news_form(four, "draft", ""))
        .await;
    assert_eq!(r.status, 303);
    let en = revision_ids(&t, id, "en").await;
    assert_eq!(en.iter().map(|r| r.1).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(revision_ids(&t, id, "zh-CN").await.len(), 1);

    // The history compares the two newest by default: the changed word is
    // marked, in words as well as by the element.
    let history = format!("/admin/news/{id}/revisions/en");
    let r = b.get(&app, &history).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.texts("tbody th[id^=rev-]").len(), 2);
    let del = r.texts(".diff-table del");
    let ins = r.texts(".diff-table ins");
    assert!(del.iter().any(|d| d == "Removed: three"), "{del:?}");
    assert!(ins.iter().any(|i| i == "Added: four"), "{ins:?}");
    assert!(del.iter().all(|d| !d.contains("Matchmaking")), "{del:?}");
    // Any two chosen: the same revision twice marks nothing.
    let r = b
        .get(&app, &format!("{history}?a={}&b={}", en[0].0, en[0].0))
        .await;
    assert!(r.texts(".diff-table del").is_empty());
    assert!(r.texts(".diff-table ins").is_empty());

    // The Chinese tab shows what the source changed since it was saved.
    let r = b.get(&app, &edit).await;
    let changes = r.texts("#tab-zh-CN .source-changes del");
    assert!(changes.iter().any(|d| d.ends_with("three")), "{changes:?}");
    assert!(
        r.texts("#tab-zh-CN .source-changes ins")
            .iter()
            .any(|d| d.ends_with("four"))
    );
    assert!(
        !r.has("#tab-en .source-changes"),
        "the source has no notice"
    );

    // Restore revision 1: the text is back, as a third revision that says
    // what it restores, and the audit log has it.
    let restore = format!("{history}/{}/restore", en[0].0);
    let r = b.post_csrf(&app, &restore, &[]).await;
    assert_eq!(r.status, 303);
    let titles: Vec<String> = news_translation::Entity::find()
        .filter(news_translation::Column::NewsId.eq(id))
        .filter(news_translation::Column::Lang.eq("en"))
        .all(t.conn())
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.title)
        .collect();
    assert_eq!(titles, [three]);
    let en = revision_ids(&t, id, "en").await;
    assert_eq!(en.len(), 3);
    assert_eq!(en[2].1, 3);
    assert_eq!(en[2].2, Some(1));
    let audited = audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("restore"))
        .filter(audit_entry::Column::EntityId.eq(id))
        .all(t.conn())
        .await
        .unwrap();
    assert_eq!(audited.len(), 1);
    let r = b.get(&app, &history).await;
    assert!(r.text("tbody").contains("restores revision 1"));

    // Refusals: a forged restore without the token, a revision of another
    // translation, an unknown language; signed out; the wrong role.
    let r = b.post(&app, &restore, &[("csrf", "forged")]).await;
    assert_eq!(r.status, 403);
    let zh = revision_ids(&t, id, "zh-CN").await;
    let r = b
        .post_csrf(&app, &format!("{history}/{}/restore", zh[0].0), &[])
        .await;
    assert_eq!(r.status, 404);
    assert_eq!(
        b.get(&app, &format!("/admin/news/{id}/revisions/xx"))
            .await
            .status,
        404
    );
    assert_eq!(revision_ids(&t, id, "en").await.len(), 3, "nothing written");
    let r = get(&app, &history).await;
    assert_eq!(r.status, 303);
    assert!(r.location().unwrap_or("").starts_with("/admin/login"));
    let mut reviewer = login(&app, REVIEWER).await;
    assert_eq!(reviewer.get(&app, &history).await.status, 403);
}

#[actix_web::test]
async fn chinese_is_compared_by_character() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    b.get(&app, "/admin/news/new").await;
    let mut form = news_form("Matchmaking brings three agreements", "draft", "");
    b.post_csrf(&app, "/admin/news/new", &form).await;
    let id = news_id_by_title(&t, "Matchmaking brings three agreements").await;
    for f in form.iter_mut() {
        if f.0 == "zh-CN.title" {
            f.1 = "对接会签署四项合作协议";
        }
    }
    let edit = format!("/admin/news/{id}");
    b.get(&app, &edit).await;
    assert_eq!(b.post_csrf(&app, &edit, &form).await.status, 303);
    let r = b
        .get(&app, &format!("/admin/news/{id}/revisions/zh-CN"))
        .await;
    assert_eq!(r.texts(".diff-table del"), ["Removed: 三"]);
    assert_eq!(r.texts(".diff-table ins"), ["Added: 四"]);
}
