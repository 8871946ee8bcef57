//! The audit log's entries and its hash chain.
//!
//! Each entry stores SHA-256 over its own content and the previous entry's hash.
//! Changing, deleting or reordering any entry breaks the chain from that point,
//! which `verify_chain` reports by sequence number.

use crate::Timestamp;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The hash that precedes the first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Success,
    Denied,
    Failure,
}

impl Outcome {
    pub fn as_str(&self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Denied => "denied",
            Outcome::Failure => "failure",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "success" => Some(Outcome::Success),
            "denied" => Some(Outcome::Denied),
            "failure" => Some(Outcome::Failure),
            _ => None,
        }
    }
}

/// What happened, named `resource.verb`. Kept as one list so the UI filter and
/// the tests know every action.
pub mod action {
    pub const LOGIN: &str = "auth.login";
    pub const LOGIN_FAILED: &str = "auth.login_failed";
    pub const LOGIN_THROTTLED: &str = "auth.login_throttled";
    pub const LOGOUT: &str = "auth.logout";
    pub const SESSION_END: &str = "auth.session_end";
    pub const PASSWORD_CHANGE: &str = "auth.password_change";
    pub const SETUP: &str = "auth.first_run_setup";
    pub const ACCESS_DENIED: &str = "access.denied";
    pub const CLIENT_CREATE: &str = "client.create";
    /// A client history stored by the bulk import (`Store::import_courses`).
    pub const CLIENT_IMPORT: &str = "client.import";
    pub const CLIENT_READ: &str = "client.read";
    pub const CLIENT_LIST: &str = "client.list";
    pub const CLIENT_UPDATE: &str = "client.update";
    pub const CLIENT_ARCHIVE: &str = "client.archive";
    pub const CLIENT_RESTORE: &str = "client.restore";
    pub const CARE_TEAM_READ: &str = "care_team.read";
    pub const CARE_TEAM_ADD: &str = "care_team.add";
    pub const CARE_TEAM_REMOVE: &str = "care_team.remove";
    pub const CARE_TEAM_RESPONSIBLE: &str = "care_team.set_responsible";
    /// An administrator hands a departing clinician's clients to someone else.
    pub const CARE_TEAM_REASSIGN: &str = "care_team.reassign";
    pub const BREAK_GLASS: &str = "client.break_glass";
    pub const BREAK_GLASS_REVIEW: &str = "break_glass.review";
    pub const USER_CREATE: &str = "user.create";
    pub const USER_UPDATE: &str = "user.update";
    pub const USER_DEACTIVATE: &str = "user.deactivate";
    pub const USER_REACTIVATE: &str = "user.reactivate";
    pub const TOKEN_CREATE: &str = "token.create";
    pub const TOKEN_REVOKE: &str = "token.revoke";
    pub const SETTINGS_UPDATE: &str = "settings.update";
    pub const SETTINGS_ADAPTATION: &str = "settings.adaptation";
    pub const AUDIT_EXPORT: &str = "audit.export";
    pub const MFA_ENABLE: &str = "auth.mfa_enable";
    pub const MFA_DISABLE: &str = "auth.mfa_disable";
    pub const MFA_RESET: &str = "auth.mfa_reset";
    pub const MFA_FAILED: &str = "auth.mfa_failed";
    pub const RECOVERY_CODE_USED: &str = "auth.recovery_code_used";
    pub const RECOVERY_CODES_NEW: &str = "auth.recovery_codes_new";
    /// A wrong current password where one is asked again (password change,
    /// turning off two-step verification, new recovery codes).
    pub const REAUTH_FAILED: &str = "auth.reauth_failed";
    pub const MEASURE_RECORD: &str = "measure.record";
    pub const MEASURE_LIST: &str = "measure.list";
    pub const OUTCOMES_READ: &str = "outcomes.read";
    pub const RISK_FLAG_RAISE: &str = "risk_flag.raise";
    pub const RISK_FLAG_LIST: &str = "risk_flag.list";
    pub const RISK_FLAG_READ: &str = "risk_flag.read";
    pub const RISK_FLAG_ACKNOWLEDGE: &str = "risk_flag.acknowledge";
    pub const RISK_FLAG_ESCALATE: &str = "risk_flag.escalate";
    /// A repeated reminder about a flag still not handled after its escalation (system).
    pub const RISK_FLAG_REMIND: &str = "risk_flag.remind";
    /// A signed note's "risk identified" attached to the client's open flag.
    pub const RISK_FLAG_LINK: &str = "risk_flag.link";
    pub const RISK_FLAG_CLOSE: &str = "risk_flag.close";
    pub const RISK_ASSESSMENT_RECORD: &str = "risk_assessment.record";
    pub const SAFETY_PLAN_SAVE: &str = "safety_plan.save";
    pub const SAFETY_PLAN_READ: &str = "safety_plan.read";
    pub const MEASURE_LINK_CREATE: &str = "measure_link.create";
    // IPT courses
    pub const COURSE_CREATE: &str = "course.create";
    pub const COURSE_READ: &str = "course.read";
    pub const COURSE_RENEGOTIATE: &str = "course.renegotiate";
    pub const COURSE_STATUS: &str = "course.status";
    pub const CHECKLIST_RECORD: &str = "course.checklist";
    pub const SESSION_CREATE: &str = "session.create";
    pub const SESSION_UPDATE: &str = "session.update";
    // Structured clinical records (resource type = record kind)
    pub const RECORD_CREATE: &str = "record.create";
    pub const RECORD_READ: &str = "record.read";
    pub const RECORD_UPDATE: &str = "record.update";
    pub const RECORD_REMOVE: &str = "record.remove";
    // Session notes: the progress note, and the author-only process note
    pub const SESSION_READ: &str = "session.read";
    pub const PROGRESS_NOTE_READ: &str = "progress_note.read";
    pub const PROGRESS_NOTE_WRITE: &str = "progress_note.write";
    pub const PROGRESS_NOTE_SIGN: &str = "progress_note.sign";
    pub const PROGRESS_NOTE_ADDENDUM: &str = "progress_note.addendum";
    pub const PROCESS_NOTE_READ: &str = "process_note.read";
    pub const PROCESS_NOTE_WRITE: &str = "process_note.write";
    pub const PROCESS_NOTE_SHARE: &str = "process_note.share";
    // The client portal
    pub const PORTAL_INVITE: &str = "portal.invite";
    pub const PORTAL_INVITE_REVOKE: &str = "portal.invite_revoke";
    pub const PORTAL_JOIN: &str = "portal.join";
    pub const PORTAL_JOIN_FAILED: &str = "portal.join_failed";
    pub const PORTAL_SETTINGS: &str = "portal.settings";
    pub const PORTAL_ACCOUNT_DISABLE: &str = "portal.account_disable";
    /// The responsible clinician issued a code that replaces the e-mail and
    /// password of the client's existing portal account.
    pub const PORTAL_ACCESS_RESET: &str = "portal.access_reset";
    /// The client reading their own record in the portal (detail names the page).
    pub const PORTAL_READ: &str = "portal.read";
    /// The client chose the language of their pages in the portal.
    pub const PORTAL_LANGUAGE: &str = "portal.language";
    pub const DIARY_CREATE: &str = "diary.create";
    pub const DIARY_READ: &str = "diary.read";
    pub const REFLECTION_CREATE: &str = "reflection.create";
    pub const REFLECTION_READ: &str = "reflection.read";
    // The calendar and each account's private calendar feed
    pub const CALENDAR_READ: &str = "calendar.read";
    /// A calendar app read the feed (the actor is the feed's owner).
    pub const CALENDAR_FEED: &str = "calendar.feed";
    pub const CALENDAR_FEED_RESET: &str = "calendar.feed_reset";
    pub const CALENDAR_FEED_NAMES: &str = "calendar.feed_names";
    /// Someone chose the language of their own interface.
    pub const ACCOUNT_LANGUAGE: &str = "account.language";
    // Kiosk mode: a staff session locked to one client's questionnaires
    pub const KIOSK_PIN_SET: &str = "kiosk.pin_set";
    pub const KIOSK_START: &str = "kiosk.start";
    pub const KIOSK_UNLOCK: &str = "kiosk.unlock";
    pub const KIOSK_PIN_FAILED: &str = "kiosk.pin_failed";
    /// A session reminder queued for a client's e-mail (system).
    pub const REMINDER_SEND: &str = "reminder.send";
    // Supervision, fidelity and training
    pub const FIDELITY_RATE: &str = "fidelity.rate";
    pub const FIDELITY_READ: &str = "fidelity.read";
    pub const SUPERVISION_MEETING_RECORD: &str = "supervision.meeting_record";
    pub const SUPERVISION_ACTION_DONE: &str = "supervision.action_done";
    pub const SUPERVISION_READ: &str = "supervision.read";
    pub const TRAINING_RECORD: &str = "training.record";
    pub const CERTIFICATION_RECORD: &str = "certification.record";
    pub const RECORDING_UPLOAD: &str = "recording.upload";
    pub const RECORDING_PLAY: &str = "recording.play";
    /// A recording's audio deleted after the retention period (system).
    pub const RECORDING_DELETE: &str = "recording.delete";
    // Group IPT: sites, groups, members, meetings, screening and the funnel
    pub const SITE_CREATE: &str = "site.create";
    pub const USER_SITE: &str = "user.site";
    pub const SUPERVISION_ADD: &str = "supervision.add";
    pub const GROUP_CREATE: &str = "group.create";
    /// A group's page or API read; detail names the members shown.
    pub const GROUP_READ: &str = "group.read";
    pub const GROUP_LIST: &str = "group.list";
    pub const GROUP_MEMBER_ADD: &str = "group.member_add";
    pub const GROUP_PRE_GROUP: &str = "group.pre_group";
    pub const GROUP_MEMBER_STATUS: &str = "group.member_status";
    pub const GROUP_SESSION_RECORD: &str = "group.session_record";
    pub const GROUP_CLOSE: &str = "group.close";
    pub const SCREENING_RECORD: &str = "screening.record";
    /// The programme page's funnel; detail names the clients listed.
    pub const FUNNEL_READ: &str = "funnel.read";
    /// The programme-outcomes dashboard or its API (aggregates only); detail names the filter.
    pub const REPORT_READ: &str = "report.read";
    /// The outcomes breakdown downloaded as CSV; detail names the filter.
    pub const REPORT_EXPORT: &str = "report.export";
    /// A PDF about one client written (summary, letter or progress report); detail names which.
    pub const DOCUMENT_CREATE: &str = "document.create";
    /// The pseudonymised research export, when it starts and when it is
    /// written; detail names the purpose, the approval and what it held.
    pub const RESEARCH_EXPORT: &str = "research.export";

    /// An administrator registered a SMART backend-services client (detail: its scopes).
    pub const FHIR_CLIENT_CREATE: &str = "fhir_client.create";
    pub const FHIR_CLIENT_DISABLE: &str = "fhir_client.disable";
    /// A machine client was given an access token (detail: the scopes granted).
    pub const FHIR_TOKEN_ISSUE: &str = "fhir_client.token";
    /// A token request was refused (detail: why).
    pub const FHIR_TOKEN_REFUSED: &str = "fhir_client.token_refused";
    /// A Bulk Data export was started, finished, cancelled or a file of it downloaded.
    pub const BULK_EXPORT_START: &str = "bulk_export.start";
    pub const BULK_EXPORT_DONE: &str = "bulk_export.done";
    pub const BULK_EXPORT_CANCEL: &str = "bulk_export.cancel";
    pub const BULK_EXPORT_DOWNLOAD: &str = "bulk_export.download";

    pub const ALL: &[&str] = &[
        LOGIN,
        LOGIN_FAILED,
        LOGIN_THROTTLED,
        LOGOUT,
        SESSION_END,
        PASSWORD_CHANGE,
        SETUP,
        ACCESS_DENIED,
        CLIENT_CREATE,
        CLIENT_IMPORT,
        CLIENT_READ,
        CLIENT_LIST,
        CLIENT_UPDATE,
        CLIENT_ARCHIVE,
        CLIENT_RESTORE,
        CARE_TEAM_READ,
        CARE_TEAM_ADD,
        CARE_TEAM_REMOVE,
        CARE_TEAM_RESPONSIBLE,
        CARE_TEAM_REASSIGN,
        BREAK_GLASS,
        BREAK_GLASS_REVIEW,
        USER_CREATE,
        USER_UPDATE,
        USER_DEACTIVATE,
        USER_REACTIVATE,
        TOKEN_CREATE,
        TOKEN_REVOKE,
        SETTINGS_UPDATE,
        SETTINGS_ADAPTATION,
        AUDIT_EXPORT,
        MFA_ENABLE,
        MFA_DISABLE,
        MFA_RESET,
        MFA_FAILED,
        RECOVERY_CODE_USED,
        RECOVERY_CODES_NEW,
        REAUTH_FAILED,
        MEASURE_RECORD,
        MEASURE_LIST,
        OUTCOMES_READ,
        RISK_FLAG_RAISE,
        RISK_FLAG_LIST,
        RISK_FLAG_READ,
        RISK_FLAG_ACKNOWLEDGE,
        RISK_FLAG_ESCALATE,
        RISK_FLAG_REMIND,
        RISK_FLAG_LINK,
        RISK_FLAG_CLOSE,
        RISK_ASSESSMENT_RECORD,
        SAFETY_PLAN_SAVE,
        SAFETY_PLAN_READ,
        MEASURE_LINK_CREATE,
        COURSE_CREATE,
        COURSE_READ,
        COURSE_RENEGOTIATE,
        COURSE_STATUS,
        CHECKLIST_RECORD,
        SESSION_CREATE,
        SESSION_UPDATE,
        RECORD_CREATE,
        RECORD_READ,
        RECORD_UPDATE,
        RECORD_REMOVE,
        SESSION_READ,
        PROGRESS_NOTE_READ,
        PROGRESS_NOTE_WRITE,
        PROGRESS_NOTE_SIGN,
        PROGRESS_NOTE_ADDENDUM,
        PROCESS_NOTE_READ,
        PROCESS_NOTE_WRITE,
        PROCESS_NOTE_SHARE,
        PORTAL_INVITE,
        PORTAL_INVITE_REVOKE,
        PORTAL_JOIN,
        PORTAL_JOIN_FAILED,
        PORTAL_SETTINGS,
        PORTAL_ACCOUNT_DISABLE,
        PORTAL_ACCESS_RESET,
        PORTAL_READ,
        PORTAL_LANGUAGE,
        DIARY_CREATE,
        DIARY_READ,
        REFLECTION_CREATE,
        REFLECTION_READ,
        CALENDAR_READ,
        CALENDAR_FEED,
        CALENDAR_FEED_RESET,
        CALENDAR_FEED_NAMES,
        ACCOUNT_LANGUAGE,
        KIOSK_PIN_SET,
        KIOSK_START,
        KIOSK_UNLOCK,
        KIOSK_PIN_FAILED,
        REMINDER_SEND,
        FIDELITY_RATE,
        FIDELITY_READ,
        SUPERVISION_MEETING_RECORD,
        SUPERVISION_ACTION_DONE,
        SUPERVISION_READ,
        TRAINING_RECORD,
        CERTIFICATION_RECORD,
        RECORDING_UPLOAD,
        RECORDING_PLAY,
        RECORDING_DELETE,
        SITE_CREATE,
        USER_SITE,
        SUPERVISION_ADD,
        GROUP_CREATE,
        GROUP_READ,
        GROUP_LIST,
        GROUP_MEMBER_ADD,
        GROUP_PRE_GROUP,
        GROUP_MEMBER_STATUS,
        GROUP_SESSION_RECORD,
        GROUP_CLOSE,
        SCREENING_RECORD,
        FUNNEL_READ,
        REPORT_READ,
        REPORT_EXPORT,
        FHIR_CLIENT_CREATE,
        FHIR_CLIENT_DISABLE,
        FHIR_TOKEN_ISSUE,
        FHIR_TOKEN_REFUSED,
        BULK_EXPORT_START,
        BULK_EXPORT_DONE,
        BULK_EXPORT_CANCEL,
        BULK_EXPORT_DOWNLOAD,
        DOCUMENT_CREATE,
        RESEARCH_EXPORT,
    ];

    /// Actions taken by background jobs, not by a request (no address recorded).
    pub const SYSTEM: &[&str] = &[RISK_FLAG_ESCALATE, RISK_FLAG_REMIND, REMINDER_SEND, RECORDING_DELETE, CLIENT_IMPORT];
}

/// An event to record; sequence, time and hashes are added when it is appended.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize)]
pub struct AuditEvent {
    pub actor_id: Option<String>,
    /// Who, in words, as known at the time (e-mail, "system", a token name).
    pub actor_label: String,
    pub action: String,
    pub resource_type: String,
    pub resource_id: Option<String>,
    pub client_id: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub outcome: String,
    pub detail: Option<String>,
}

impl AuditEvent {
    /// The same event, naming the resource it concerns.
    pub fn on(mut self, resource_id: impl ToString) -> Self {
        self.resource_id = Some(resource_id.to_string());
        self
    }

    /// The same event, naming the client whose record it touches.
    pub fn for_client(mut self, client_id: impl ToString) -> Self {
        self.client_id = Some(client_id.to_string());
        self
    }
}

/// A stored entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: Timestamp,
    #[serde(flatten)]
    pub event: AuditEvent,
    pub prev_hash: String,
    pub hash: String,
}

/// SHA-256 over every field, each length-prefixed so that no two different
/// entries serialise to the same bytes.
pub fn entry_hash(seq: i64, at: &Timestamp, e: &AuditEvent, prev_hash: &str) -> String {
    let mut h = Sha256::new();
    let mut field = |v: Option<&str>| match v {
        None => h.update(b"\x00"),
        Some(s) => {
            h.update(b"\x01");
            h.update((s.len() as u64).to_be_bytes());
            h.update(s.as_bytes());
        }
    };
    field(Some("rapport-audit-v1"));
    field(Some(&seq.to_string()));
    field(Some(&at.to_db()));
    field(e.actor_id.as_deref());
    field(Some(&e.actor_label));
    field(Some(&e.action));
    field(Some(&e.resource_type));
    field(e.resource_id.as_deref());
    field(e.client_id.as_deref());
    field(e.ip.as_deref());
    field(e.user_agent.as_deref());
    field(Some(&e.outcome));
    field(e.detail.as_deref());
    field(Some(prev_hash));
    hex::encode(h.finalize())
}

/// Builds the next entry of the chain.
pub fn seal(seq: i64, at: Timestamp, event: AuditEvent, prev_hash: String) -> AuditEntry {
    let hash = entry_hash(seq, &at, &event, &prev_hash);
    AuditEntry { seq, at, event, prev_hash, hash }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainError {
    /// The entry's stored hash does not match its content.
    Altered { seq: i64 },
    /// The entry does not follow the one before it.
    Broken { seq: i64, reason: String },
    /// The recorded head of the chain disagrees with the last entry.
    Truncated { expected_last_seq: i64, found_last_seq: i64 },
}

impl std::fmt::Display for ChainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChainError::Altered { seq } => write!(f, "entry {seq} was altered: its content does not match its hash"),
            ChainError::Broken { seq, reason } => write!(f, "entry {seq} breaks the chain: {reason}"),
            ChainError::Truncated { expected_last_seq, found_last_seq } => write!(
                f,
                "entries after {found_last_seq} are missing: the chain head records entry {expected_last_seq}"
            ),
        }
    }
}

/// Incremental verifier so the store can stream millions of entries.
pub struct ChainVerifier {
    expected_seq: i64,
    prev_hash: String,
    checked: u64,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        Self { expected_seq: 1, prev_hash: GENESIS_HASH.to_string(), checked: 0 }
    }
}

impl ChainVerifier {
    pub fn push(&mut self, e: &AuditEntry) -> Result<(), ChainError> {
        if e.seq != self.expected_seq {
            return Err(ChainError::Broken {
                seq: e.seq,
                reason: format!("expected entry {} here (an entry was deleted or reordered)", self.expected_seq),
            });
        }
        if e.prev_hash != self.prev_hash {
            return Err(ChainError::Broken {
                seq: e.seq,
                reason: "its previous-hash does not match the entry before it".into(),
            });
        }
        if entry_hash(e.seq, &e.at, &e.event, &e.prev_hash) != e.hash {
            return Err(ChainError::Altered { seq: e.seq });
        }
        self.expected_seq += 1;
        self.prev_hash = e.hash.clone();
        self.checked += 1;
        Ok(())
    }

    /// Compares the end of the chain with the stored head (last seq and hash).
    pub fn finish(self, head_seq: i64, head_hash: &str) -> Result<u64, ChainError> {
        let last = self.expected_seq - 1;
        if last != head_seq {
            return Err(ChainError::Truncated { expected_last_seq: head_seq, found_last_seq: last });
        }
        if head_seq > 0 && self.prev_hash != head_hash {
            return Err(ChainError::Altered { seq: last });
        }
        Ok(self.checked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(n: usize) -> AuditEvent {
        AuditEvent {
            actor_id: Some(format!("user-{n}")),
            actor_label: "a@example.org".into(),
            action: action::CLIENT_READ.into(),
            resource_type: "client".into(),
            resource_id: Some(format!("c{n}")),
            client_id: Some(format!("c{n}")),
            ip: Some("127.0.0.1".into()),
            user_agent: None,
            outcome: Outcome::Success.as_str().into(),
            detail: None,
        }
    }

    fn chain(n: usize) -> Vec<AuditEntry> {
        let mut prev = GENESIS_HASH.to_string();
        (1..=n)
            .map(|i| {
                let e = seal(i as i64, Timestamp::now(), event(i), prev.clone());
                prev = e.hash.clone();
                e
            })
            .collect()
    }

    fn verify(entries: &[AuditEntry], head_seq: i64, head_hash: &str) -> Result<u64, ChainError> {
        let mut v = ChainVerifier::default();
        for e in entries {
            v.push(e)?;
        }
        v.finish(head_seq, head_hash)
    }

    #[test]
    fn intact_chain_verifies() {
        let c = chain(5);
        assert_eq!(verify(&c, 5, &c[4].hash), Ok(5));
        assert_eq!(verify(&[], 0, GENESIS_HASH), Ok(0));
    }

    #[test]
    fn altered_entry_is_named() {
        let mut c = chain(5);
        c[2].event.client_id = Some("someone-else".into());
        assert_eq!(verify(&c, 5, &c[4].hash.clone()), Err(ChainError::Altered { seq: 3 }));
    }

    #[test]
    fn rehashed_alteration_breaks_the_next_link() {
        let mut c = chain(5);
        c[2].event.detail = Some("forged".into());
        c[2].hash = entry_hash(3, &c[2].at, &c[2].event, &c[2].prev_hash);
        assert!(matches!(verify(&c, 5, &c[4].hash.clone()), Err(ChainError::Broken { seq: 4, .. })));
    }

    #[test]
    fn deleted_and_reordered_entries_are_detected() {
        let mut c = chain(5);
        let head = c[4].hash.clone();
        c.remove(1);
        assert!(matches!(verify(&c, 5, &head), Err(ChainError::Broken { seq: 3, .. })));
        let mut c = chain(5);
        c.swap(1, 2);
        assert!(matches!(verify(&c, 5, &head), Err(ChainError::Broken { seq: 3, .. })));
    }

    #[test]
    fn truncated_tail_is_detected() {
        let c = chain(5);
        let head = c[4].hash.clone();
        assert_eq!(verify(&c[..4], 5, &head), Err(ChainError::Truncated { expected_last_seq: 5, found_last_seq: 4 }));
    }

    #[test]
    fn fields_are_not_ambiguous() {
        let mut a = event(1);
        let mut b = event(1);
        a.actor_label = "ab".into();
        a.action = "c".into();
        b.actor_label = "a".into();
        b.action = "bc".into();
        let t = Timestamp::now();
        assert_ne!(entry_hash(1, &t, &a, GENESIS_HASH), entry_hash(1, &t, &b, GENESIS_HASH));
        let mut c = event(1);
        c.detail = Some(String::new());
        assert_ne!(entry_hash(1, &t, &event(1), GENESIS_HASH), entry_hash(1, &t, &c, GENESIS_HASH));
    }
}
