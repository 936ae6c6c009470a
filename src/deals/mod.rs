//! Deals: every inquiry about a technology, and every expression of
//! interest in a need, carried from first contact to a signed agreement
//! or a reasoned close. This module owns the lifecycle (stages and which
//! move leads where), the vocabularies of answers and agreements, the
//! signed reply links, the messages a deal sends, the answerer's page and
//! the periodic reminders. The back-office screens are in `admin::deals`.

pub mod links;
pub mod mail;
pub mod reminders;
pub mod reply;
pub mod store;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbErr};

use crate::entities::deal;
use store::{Event, MoveSet, Who};

/// Where a deal stands. Each move is claimed with a conditional update
/// (`WHERE stage = expected AND version = expected`), so that two editors
/// clicking at once make one move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    New,
    Forwarded,
    Answered,
    Talks,
    Signed,
    Closed,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::New,
        Stage::Forwarded,
        Stage::Answered,
        Stage::Talks,
        Stage::Signed,
        Stage::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Forwarded => "forwarded",
            Self::Answered => "answered",
            Self::Talks => "talks",
            Self::Signed => "signed",
            Self::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Signed and closed deals take no more moves and no more answers.
    pub fn is_open(self) -> bool {
        !matches!(self, Self::Signed | Self::Closed)
    }

    /// The one rule of the lifecycle: which move may follow this stage.
    /// Forwarding again (after a question back, or to a new contact) and
    /// recording another meeting keep a deal where it is.
    pub fn can_move_to(self, to: Stage) -> bool {
        use Stage::*;
        matches!(
            (self, to),
            (New | Forwarded | Answered, Forwarded)
                | (Forwarded, Answered)
                | (Answered | Talks, Talks | Signed)
                | (New | Forwarded | Answered | Talks, Closed)
        )
    }
}

/// What an answerer may say.
pub const ANSWERS: &[&str] = &["interested", "question", "declined"];

/// Why an answerer may decline (the fixed list of the reply page).
pub const DECLINE_REASONS: &[&str] = &["not_fit", "region", "licensed", "capacity", "other"];

/// Kinds of agreement.
pub const AGREEMENT_KINDS: &[&str] = &["licence", "joint_venture", "equipment", "service", "other"];

/// Why a deal may be closed without an agreement.
pub const CLOSE_REASONS: &[&str] = &["declined", "no_reply", "not_pursued", "duplicate", "other"];

/// Currencies an agreement's value may be stated in.
pub const CURRENCIES: &[&str] = &[
    "CNY", "USD", "EUR", "IDR", "MYR", "THB", "VND", "PHP", "SGD", "BND", "KHR", "LAK", "MMK",
];

/// A reply link lasts this long: longer than the reminder (14 days) and
/// the overdue mark (28), so a late answer is still possible.
pub const LINK_DAYS: i64 = 60;
/// A forwarded deal without an answer gets one reminder after this.
pub const REMIND_AFTER_DAYS: i64 = 14;
/// ... and is overdue on the board after this.
pub const OVERDUE_AFTER_DAYS: i64 = 28;

/// Where a deal came from.
pub const ORIGIN_INQUIRY: &str = "inquiry";
pub const ORIGIN_INTEREST: &str = "interest";

/// The setting with which the centre has inquiries forward themselves once
/// they pass the form's checks ("on"), rather than wait for an editor.
pub const AUTO_FORWARD: &str = "auto_forward_inquiries";

/// Opens the deal of an inquiry just stored, in the same transaction, and
/// forwards it at once when the centre asked for that.
pub async fn inquiry_received(
    db: &impl ConnectionTrait,
    secret: &[u8],
    base_url: &str,
    inquiry_id: i32,
    tech: &crate::entities::technology::Model,
) -> Result<(), DbErr> {
    use sea_orm::EntityTrait;
    let Some(inq) = crate::entities::inquiry::Entity::find_by_id(inquiry_id)
        .one(db)
        .await?
    else {
        return Ok(());
    };
    let d = store::open_for_inquiry(db, &inq, tech).await?;
    let auto = crate::entities::setting::Entity::find_by_id(AUTO_FORWARD.to_owned())
        .one(db)
        .await?
        .is_some_and(|s| s.value == "on");
    if auto && !d.answerer_email.is_empty() {
        forward(db, secret, base_url, &d, Who::SYSTEM, "", inq.created_at).await?;
    }
    Ok(())
}

/// Forwards a deal to its answerer: claims the move, issues a new signed
/// link (retiring older ones), writes the message with it and records the
/// step. `false` when somebody else moved the deal first. Run it inside
/// the caller's transaction.
pub async fn forward(
    db: &impl ConnectionTrait,
    secret: &[u8],
    base_url: &str,
    d: &deal::Model,
    who: Who<'_>,
    centre_note: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let moved = store::claim_move(
        db,
        d,
        Stage::Forwarded,
        who,
        now,
        MoveSet {
            forwarded: true,
            ..MoveSet::default()
        },
    )
    .await?;
    if !moved {
        return Ok(false);
    }
    let token = links::issue(db, secret, d.id, now).await?;
    let url = links::url(base_url, &d.answerer_lang, &token);
    mail::forward(db, d, &url, centre_note).await?;
    let mut e = Event::new("forwarded", who);
    e.stage = Some(Stage::Forwarded);
    e.note = centre_note;
    e.detail = &d.answerer_email;
    store::add_event(db, d.id, now, e).await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::Stage::*;

    #[test]
    fn closed_and_signed_deals_take_no_move() {
        for to in super::Stage::ALL {
            assert!(!Signed.can_move_to(to));
            assert!(!Closed.can_move_to(to));
        }
        assert!(New.can_move_to(Forwarded));
        assert!(!New.can_move_to(Signed));
        assert!(!Forwarded.can_move_to(Talks));
        assert!(Talks.can_move_to(Signed));
    }
}
