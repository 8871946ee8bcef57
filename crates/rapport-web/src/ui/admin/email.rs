//! The e-mail outbox as administrators see it: per message its kind,
//! recipient, when it was created and whether it was sent, is waiting or
//! failed (never the body).

use super::smtp_line;
use crate::error::AppResult;
use crate::html::render;
use crate::i18n::msg;
use crate::identity::SignedIn;
use crate::ui::Layout;
use askama::Template;
use axum::extract::State;
use axum::response::Html;
use rapport_app::admin::reviews;
use rapport_app::AppState;
use rapport_core::outbox::{DeliveryStatus, MAX_ATTEMPTS};
use rapport_store::measures::OutboxRow;

pub struct OutboxView {
    /// In the reader's language ("Session reminder").
    pub kind: String,
    pub recipient: String,
    pub created: String,
    /// "sent", "pending", "retrying" or "failed".
    pub status: &'static str,
    pub sent: String,
    pub attempts: i64,
    pub last_error: String,
    pub next_attempt: String,
}

impl From<OutboxRow> for OutboxView {
    fn from(r: OutboxRow) -> Self {
        let tr = crate::i18n::current();
        OutboxView {
            recipient: r
                .recipient_email
                .clone()
                .or_else(|| {
                    r.recipient_user_id.as_ref().map(|u| tr.ta("admin-email-recipient-user", "id", u.to_string()))
                })
                .unwrap_or_else(|| tr.t("admin-email-recipient-none")),
            status: DeliveryStatus::of(r.sent_at.is_some(), r.attempts).as_str(),
            created: crate::i18n::show(r.created_at),
            sent: crate::i18n::show_opt(r.sent_at),
            attempts: r.attempts,
            last_error: r.last_error.clone().unwrap_or_default(),
            next_attempt: match (r.sent_at, r.next_attempt_at) {
                (None, Some(t)) if r.attempts < MAX_ATTEMPTS => crate::i18n::show(t),
                _ => String::new(),
            },
            kind: kind_name(&tr, &r.kind),
        }
    }
}

/// What kind of message an outbox row is, in the reader's language; a kind
/// this version does not know is shown as its code.
fn kind_name(tr: &crate::i18n::Tr, kind: &str) -> String {
    let id = match kind {
        "account_notice" => msg("admin-email-kind-account-notice"),
        "security_notice" => msg("admin-email-kind-security-notice"),
        "session_reminder" => msg("admin-email-kind-session-reminder"),
        "portal_invite" => msg("admin-email-kind-portal-invite"),
        "certification_renewal" => msg("admin-email-kind-certification-renewal"),
        "risk_flag_raised" => msg("admin-email-kind-risk-flag-raised"),
        "risk_flag_escalated" => msg("admin-email-kind-risk-flag-escalated"),
        "risk_flag_escalated_no_supervisor" => msg("admin-email-kind-risk-flag-escalated-no-supervisor"),
        "risk_flag_escalated_duty" => msg("admin-email-kind-risk-flag-escalated-duty"),
        "risk_flag_reminder" => msg("admin-email-kind-risk-flag-reminder"),
        "risk_flag_group" => msg("admin-email-kind-risk-flag-group"),
        other => return other.to_string(),
    };
    tr.t(id)
}

#[derive(Template)]
#[template(path = "admin_email.html")]
struct EmailPage {
    layout: Layout,
    smtp: String,
    counts: rapport_store::outbox::OutboxCounts,
    max_attempts: i64,
    rows: Vec<OutboxView>,
}

impl EmailPage {
    /// "2 failed attempts; next try after 4 Dec 2026, 14:05".
    fn retrying(&self, r: &OutboxView) -> String {
        self.layout.tr.tn("admin-email-next-try", &[("count", &r.attempts), ("time", &r.next_attempt)])
    }
}

pub async fn outbox(State(state): State<AppState>, SignedIn(me): SignedIn) -> AppResult<Html<String>> {
    let (counts, rows) = reviews::outbox(&state, &me).await?;
    let rows = rows.into_iter().map(OutboxView::from).collect();
    let layout = Layout::new(&state, &me, crate::i18n::current().t("admin-email-crumb"), "admin-settings").await?;
    render(&EmailPage { layout, smtp: smtp_line(&state), counts, max_attempts: MAX_ATTEMPTS, rows })
}
