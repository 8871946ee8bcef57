//! The clinician and administrator web UI: server-rendered askama pages,
//! enhanced by htmx where it helps; every page works without JavaScript.

pub mod account;
pub mod adaptations;
pub mod admin;
pub mod auth;
pub mod break_glass;
pub mod calendar;
pub mod care_team;
pub mod client_portal;
pub mod clients;
pub mod context;
pub mod courses;
pub mod documents;
pub mod ending;
pub mod fidelity;
pub mod fidelity_section;
pub mod formulation;
pub mod goals;
pub mod groups;
pub mod inventory;
pub mod kiosk;
pub mod language;
pub mod measure_links;
pub mod measures;
pub mod mfa;
pub mod notes;
pub mod programme;
pub mod reports;
pub mod research;
pub mod risk;
pub mod supervision;
pub mod timeline;
pub mod today;
pub mod worksheets;

use crate::error::AppError;
use rapport_app::caller::Identity;
use rapport_app::AppState;

/// A session's label in lists, choices and links, the same on every page:
/// "Session 4 · 26 Jan 2026"; brief IPT's engagement session "Engagement
/// session (session 0) · 12 Jan 2026"; a session with no number "19 Jan 2026
/// (cancelled)" (`Tr::session_label`).
pub fn session_label(tr: &crate::i18n::Tr, s: &rapport_app::access::course::NumberedSession) -> String {
    tr.session_label(s.number, s.session.engagement, s.session.attendance, s.session.date)
}

/// A session's name inside a sentence: "session 4", "engagement session
/// (session 0)"; none for a session with no number.
pub fn session_name(tr: &crate::i18n::Tr, s: &rapport_app::access::course::NumberedSession) -> Option<String> {
    s.number.map(|n| tr.session_name(n, s.session.engagement))
}

/// What every signed-in page's frame needs.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub title: String,
    pub org_name: String,
    pub user_name: String,
    pub role_label: String,
    pub csrf: String,
    /// Which nav item is current: "caseload", "break-glass", "admin-users", "admin-audit", ...
    pub nav: &'static str,
    pub is_admin: bool,
    pub has_caseload: bool,
    /// Sees clients for individual care (not a lay facilitator): course
    /// buttons and emergency access.
    pub individual_care: bool,
    /// Runs, supervises or organises IPT groups: the "Groups" item.
    pub groups: bool,
    /// A supervisor: the "Supervision" item.
    pub supervises: bool,
    /// Sees programme outcomes: the "Programme outcomes" item.
    pub reports: bool,
    pub flash: Option<Flash>,
    /// Administrators: break-glass accesses waiting for review.
    pub pending_reviews: i64,
    /// Risk flags on the clients this person may see that are not yet closed
    /// (shown on every page until handled).
    pub unhandled_risk_flags: i64,
    /// The page's language: `{{ layout.tr.t("nav-today") }}`.
    pub tr: crate::i18n::Tr,
}

#[derive(Clone, Debug)]
pub struct Flash {
    pub kind: &'static str,
    pub message: String,
}

impl Layout {
    pub async fn new(
        state: &AppState,
        me: &Identity,
        title: impl Into<String>,
        nav: &'static str,
    ) -> Result<Layout, AppError> {
        let actor = me.actor();
        let rapport_app::today::NavCounts { pending_reviews, unhandled_risk_flags } =
            rapport_app::today::nav_counts(state, me).await?;
        Ok(Layout {
            title: title.into(),
            org_name: state.organisation().await?.name,
            user_name: me.user.name.clone(),
            role_label: crate::i18n::current().t(role_message(me.user.role)),
            csrf: me.csrf().to_string(),
            nav,
            is_admin: actor.can_administer(),
            has_caseload: actor.can_hold_caseload(),
            individual_care: actor.provides_individual_care(),
            groups: actor.can_organise_groups() || me.user.role == rapport_core::access::Role::Facilitator,
            supervises: me.user.role == rapport_core::access::Role::Supervisor,
            reports: actor.sees_programme_reports(),
            flash: None,
            pending_reviews,
            unhandled_risk_flags,
            tr: crate::i18n::current(),
        })
    }

    /// Shows the message named by a `?done=` key (fixed texts only, never echoed input).
    pub fn with_done(mut self, done: Option<&str>) -> Self {
        let translated = (done == Some("language")).then(|| self.tr.t("account-language-saved"));
        self.flash = translated
            .or_else(|| done.and_then(done_message).map(|id| self.tr.t(id)))
            .map(|message| Flash { kind: "success", message });
        self
    }

    pub fn with_error(mut self, message: impl Into<String>) -> Self {
        self.flash = Some(Flash { kind: "error", message: message.into() });
        self
    }
}

pub(crate) fn role_message(role: rapport_core::access::Role) -> &'static str {
    use rapport_core::access::Role;
    match role {
        Role::Admin => crate::i18n::msg("role-admin"),
        Role::Supervisor => crate::i18n::msg("role-supervisor"),
        Role::Clinician => crate::i18n::msg("role-clinician"),
        Role::Facilitator => crate::i18n::msg("role-facilitator"),
        Role::ProgrammeManager => crate::i18n::msg("role-programme-manager"),
        Role::Client => crate::i18n::msg("role-client"),
    }
}

/// The message id of the notice for `done=key` (locales/*/notices.ftl).
fn done_message(key: &str) -> Option<&'static str> {
    use crate::i18n::msg;
    Some(match key {
        "created" => msg("done-created"),
        "saved" => msg("done-saved"),
        "archived" => msg("done-archived"),
        "restored" => msg("done-restored"),
        "member-added" => msg("done-member-added"),
        "member-removed" => msg("done-member-removed"),
        "responsible" => msg("done-responsible"),
        "user-created" => msg("done-user-created"),
        "site-created" => msg("done-site-created"),
        "fhir-client-added" => msg("done-fhir-client-added"),
        "fhir-client-disabled" => msg("done-fhir-client-disabled"),
        "user-saved" => msg("done-user-saved"),
        "user-deactivated" => msg("done-user-deactivated"),
        "user-reactivated" => msg("done-user-reactivated"),
        "clients-reassigned" => msg("done-clients-reassigned"),
        "user-sessions-ended" => msg("done-user-sessions-ended"),
        "password" => msg("done-password"),
        "mfa-off" => msg("done-mfa-off"),
        "mfa-reset" => msg("done-mfa-reset"),
        "session-ended" => msg("done-session-ended"),
        "sessions-ended" => msg("done-sessions-ended"),
        "token-revoked" => msg("done-token-revoked"),
        "calendar-names" => msg("done-calendar-names"),
        "session-booked" => msg("done-session-booked"),
        "session-moved" => msg("done-session-moved"),
        "session-cancelled" => msg("done-session-cancelled"),
        "fidelity-rated" => msg("done-fidelity-rated"),
        "recording-uploaded" => msg("done-recording-uploaded"),
        "kiosk-pin" => msg("done-kiosk-pin"),
        "kiosk-returned" => msg("done-kiosk-returned"),
        "reviewed" => msg("done-reviewed"),
        "settings" => msg("done-settings"),
        "adaptation" => msg("done-adaptation"),
        "measure-recorded" => msg("done-measure-recorded"),
        "flag-raised" => msg("done-flag-raised"),
        "concern-raised" => msg("done-concern-raised"),
        "flag-acknowledged" => msg("done-flag-acknowledged"),
        "assessment-saved" => msg("done-assessment-saved"),
        "plan-saved" => msg("done-plan-saved"),
        "schedule-saved" => msg("done-schedule-saved"),
        "flag-closed" => msg("done-flag-closed"),
        "course-created" => msg("done-course-created"),
        "contract" => msg("done-contract"),
        "course-status" => msg("done-course-status"),
        "checklist" => msg("done-checklist"),
        "session-recorded" => msg("done-session-recorded"),
        "session-updated" => msg("done-session-updated"),
        "phase-saved" => msg("done-phase-saved"),
        "ending-saved" => msg("done-ending-saved"),
        "maintenance-created" => msg("done-maintenance-created"),
        "formulation" => msg("done-formulation"),
        "area-saved" => msg("done-area-saved"),
        "goal-added" => msg("done-goal-added"),
        "goal-saved" => msg("done-goal-saved"),
        "ratings" => msg("done-ratings"),
        "event-added" => msg("done-event-added"),
        "event-saved" => msg("done-event-saved"),
        "event-removed" => msg("done-event-removed"),
        "worksheet-added" => msg("done-worksheet-added"),
        "worksheet-saved" => msg("done-worksheet-saved"),
        "worksheet-removed" => msg("done-worksheet-removed"),
        "context-saved" => msg("done-context-saved"),
        "context-removed" => msg("done-context-removed"),
        // Session notes
        "note-saved" => msg("done-note-saved"),
        "note-signed" => msg("done-note-signed"),
        "addendum" => msg("done-addendum"),
        "process-saved" => msg("done-process-saved"),
        "process-shared" => msg("done-process-shared"),
        "process-unshared" => msg("done-process-unshared"),
        // The client portal
        "portal-emailed" => msg("done-portal-emailed"),
        "portal-reset-emailed" => msg("done-portal-reset-emailed"),
        "portal-revoked" => msg("done-portal-revoked"),
        "portal-sharing" => msg("done-portal-sharing"),
        "portal-disabled" => msg("done-portal-disabled"),
        // Supervision
        "meeting-recorded" => msg("done-meeting-recorded"),
        "action-done" => msg("done-action-done"),
        "training-recorded" => msg("done-training-recorded"),
        "certified" => msg("done-certified"),
        _ => return None,
    })
}
