//! The clinician and administrator web UI: server-rendered askama pages,
//! enhanced by htmx where it helps; every page works without JavaScript.

pub mod account;
pub mod admin;
pub mod auth;
pub mod break_glass;
pub mod calendar;
pub mod care_team;
pub mod client_portal;
pub mod clients;
pub mod context;
pub mod courses;
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
pub mod risk;
pub mod supervision;
pub mod timeline;
pub mod today;
pub mod worksheets;

use crate::error::AppError;
use rapport_app::caller::Identity;
use rapport_app::AppState;

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
        let pending_reviews =
            if actor.can_administer() { state.store.count_unreviewed_break_glass().await? } else { 0 };
        let unhandled_risk_flags =
            if actor.can_hold_caseload() { state.store.count_unhandled_risk_flags(&me.user.id).await? } else { 0 };
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
            .or_else(|| done.and_then(done_message).map(String::from))
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
        Role::Client => crate::i18n::msg("role-client"),
    }
}

fn done_message(key: &str) -> Option<&'static str> {
    Some(match key {
        "created" => "Client record created.",
        "saved" => "Changes saved.",
        "archived" => "Client archived. It no longer appears on the active caseload.",
        "restored" => "Client restored to the active caseload.",
        "member-added" => "Added to the care team.",
        "member-removed" => "Removed from the care team.",
        "responsible" => "Responsible clinician changed.",
        "user-created" => "Account created.",
        "site-created" => "Site added.",
        "user-saved" => "Account saved.",
        "user-deactivated" => "Account deactivated and all its sessions ended.",
        "user-reactivated" => "Account reactivated.",
        "clients-reassigned" => "Clients handed over: the new responsible clinicians joined their care teams.",
        "user-sessions-ended" => "All of that person's sessions were ended; they must sign in again.",
        "password" => "Password changed. Your other sessions were signed out.",
        "mfa-off" => "Two-step verification is off. Signing in now needs only your password.",
        "mfa-reset" => {
            "Two-step verification was reset. The person signs in with their password and can set it up again."
        }
        "session-ended" => "Session ended.",
        "sessions-ended" => "All your other sessions were signed out.",
        "token-revoked" => "Token revoked. It no longer works.",
        "calendar-names" => "Saved: your calendar feed names clients as you chose.",
        "session-booked" => "Session booked.",
        "session-moved" => "Session moved.",
        "session-cancelled" => "Session cancelled.",
        "fidelity-rated" => "Rating saved.",
        "recording-uploaded" => "Recording uploaded. Only you and your supervisors can play it.",
        "kiosk-pin" => "Kiosk PIN saved. It unlocks a device you hand over for questionnaires.",
        "kiosk-returned" => "Welcome back: kiosk mode ended. The client's new answers are below.",
        "reviewed" => "Marked as reviewed.",
        "settings" => "Settings saved.",
        "measure-recorded" => "Measure recorded.",
        "flag-raised" => "A risk item was positive: a risk flag was raised. Assess the risk now.",
        "concern-raised" => "Risk concern raised as a risk flag. Acknowledge and assess it now.",
        "flag-acknowledged" => {
            "Risk flag acknowledged. The assessment deadline still runs until an assessment is recorded."
        }
        "assessment-saved" => "Risk assessment recorded.",
        "plan-saved" => "New safety plan version saved.",
        "schedule-saved" => "Measurement schedule saved.",
        "flag-closed" => "Risk flag signed off and closed.",
        "course-created" => "Course started.",
        "contract" => "Contract renegotiated; the old count and the reason are in the contract history.",
        "course-status" => "Course status changed.",
        "checklist" => "Checklist item recorded.",
        "session-recorded" => "Session recorded.",
        "session-updated" => "Session updated.",
        "phase-saved" => "Session phase saved; the course's phases follow it.",
        "ending-saved" => "Ending review saved.",
        "maintenance-created" => "Maintenance course created. It continues the acute course.",
        "formulation" => "Formulation saved; the previous version is in its history.",
        "area-saved" => "Problem-area workspace saved.",
        "goal-added" => "Goal added.",
        "goal-saved" => "Goal saved.",
        "ratings" => "Ratings saved.",
        "event-added" => "Event added to the timeline.",
        "event-saved" => "Event saved; the earlier version is in its history.",
        "event-removed" => "Event removed from the timeline; its history is kept.",
        "worksheet-added" => "Worksheet saved.",
        "worksheet-saved" => "Worksheet saved; the earlier version is in its history.",
        "worksheet-removed" => "Worksheet removed; its history is kept.",
        "context-saved" => "Saved; any earlier version is kept in the history.",
        "context-removed" => "Removed; its history is kept.",
        // Session notes
        "note-saved" => "Draft saved.",
        "note-signed" => "Note signed. It can no longer change; later corrections are added as addenda.",
        "addendum" => "Addendum added.",
        "process-saved" => "Process note saved. Only you can read it.",
        "process-shared" => "Process note shared with your supervisor.",
        "process-unshared" => "Process note no longer shared. Only you can read it.",
        // The client portal
        "portal-emailed" => "Invitation queued for e-mail. The client sets a password with the code in it.",
        "portal-reset-emailed" => {
            "Reset code queued for e-mail. The account's current address was told about the reset."
        }
        "portal-revoked" => "Invitation withdrawn. Its code no longer works.",
        "portal-sharing" => "Portal sharing saved.",
        "portal-disabled" => "Portal account turned off and signed out. Resetting portal access turns it back on.",
        // Supervision
        "meeting-recorded" => "Supervision meeting recorded.",
        "action-done" => "Action point marked done.",
        "training-recorded" => "Training recorded.",
        "certified" => "Certification recorded.",
        _ => return None,
    })
}
