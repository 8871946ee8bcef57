//! Rules for delivering the notification outbox by e-mail: which messages are
//! too sensitive to keep once sent, how long to wait before retrying, and when
//! to give up. The sending itself lives in the web crate (`rapport_app::mail`).

use time::Duration;

/// Message kinds whose body must not be kept after delivery (it carries a
/// secret such as a one-time invitation code). Add new kinds here.
pub const SENSITIVE_KINDS: &[&str] = &["portal_invite", "session_reminder"];

/// What replaces a sensitive body once the message has been delivered.
pub const REDACTED_BODY: &str = "(sent; the codes or links in it are not kept)";

/// Failed deliveries are retried until this many attempts have been made;
/// then the message stays unsent and is shown as failed to administrators.
pub const MAX_ATTEMPTS: i64 = 10;

/// How long a sender holds a claimed message before another instance may
/// try it (covers a server that stops in the middle of sending).
pub const CLAIM_LEASE: Duration = Duration::minutes(10);

/// At most this many characters of a delivery error are stored.
pub const MAX_ERROR_CHARS: usize = 500;

/// Whether a message of this kind has its body redacted once delivered.
pub fn is_sensitive(kind: &str) -> bool {
    SENSITIVE_KINDS.contains(&kind)
}

/// The wait before the next attempt after `attempts` failed ones:
/// 2^attempts minutes (2, 4, 8, ... 512), or `None` once `MAX_ATTEMPTS`
/// have been made.
pub fn retry_after(attempts: i64) -> Option<Duration> {
    if attempts >= MAX_ATTEMPTS {
        return None;
    }
    Some(Duration::minutes(1i64 << attempts.clamp(0, 30)))
}

/// An error message cut to `MAX_ERROR_CHARS` characters, on one line.
pub fn truncate_error(e: &str) -> String {
    let one_line = e.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX_ERROR_CHARS {
        return one_line;
    }
    let mut s: String = one_line.chars().take(MAX_ERROR_CHARS - 1).collect();
    s.push('…');
    s
}

/// Where a message stands, for the administrator's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeliveryStatus {
    /// Delivered to the mail server.
    Sent,
    /// Not yet tried.
    Pending,
    /// Tried and failed; will be tried again.
    Retrying,
    /// `MAX_ATTEMPTS` failed attempts: no more tries.
    Failed,
}

impl DeliveryStatus {
    pub fn of(sent: bool, attempts: i64) -> Self {
        match (sent, attempts) {
            (true, _) => DeliveryStatus::Sent,
            (false, 0) => DeliveryStatus::Pending,
            (false, a) if a >= MAX_ATTEMPTS => DeliveryStatus::Failed,
            _ => DeliveryStatus::Retrying,
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            DeliveryStatus::Sent => "sent",
            DeliveryStatus::Pending => "pending",
            DeliveryStatus::Retrying => "retrying",
            DeliveryStatus::Failed => "failed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_then_stops() {
        assert_eq!(retry_after(1), Some(Duration::minutes(2)));
        assert_eq!(retry_after(2), Some(Duration::minutes(4)));
        assert_eq!(retry_after(MAX_ATTEMPTS - 1), Some(Duration::minutes(512)));
        assert_eq!(retry_after(MAX_ATTEMPTS), None);
    }

    #[test]
    fn only_listed_kinds_are_sensitive() {
        assert!(is_sensitive("portal_invite"));
        assert!(!is_sensitive("risk_flag_escalated"));
    }

    #[test]
    fn errors_are_cut_and_kept_on_one_line() {
        let long = "x".repeat(2000);
        let t = truncate_error(&long);
        assert_eq!(t.chars().count(), MAX_ERROR_CHARS);
        assert!(t.ends_with('…'));
        assert_eq!(truncate_error("a\r\n  b"), "a b");
    }

    #[test]
    fn status_follows_attempts() {
        assert_eq!(DeliveryStatus::of(true, 3), DeliveryStatus::Sent);
        assert_eq!(DeliveryStatus::of(false, 0), DeliveryStatus::Pending);
        assert_eq!(DeliveryStatus::of(false, 1), DeliveryStatus::Retrying);
        assert_eq!(DeliveryStatus::of(false, MAX_ATTEMPTS), DeliveryStatus::Failed);
    }
}
