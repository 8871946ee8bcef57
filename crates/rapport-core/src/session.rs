//! Session lifetime rules (ASVS V7.3): an idle timeout and an absolute lifetime.

use crate::Timestamp;
use time::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionPolicy {
    pub idle_timeout: Duration,
    pub absolute_lifetime: Duration,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        SessionPolicy { idle_timeout: Duration::minutes(30), absolute_lifetime: Duration::hours(12) }
    }
}

/// Writing `last_seen_at` on every request would turn every page view into a
/// disk flush; refreshing it at most this often keeps idle expiry accurate to
/// the minute.
pub const TOUCH_INTERVAL: Duration = Duration::seconds(60);

/// How long a browser that completed a sign-in is remembered: a correct
/// password from it passes an account delay caused by someone else's guesses.
pub const REMEMBERED_DEVICE_LIFETIME: Duration = Duration::days(90);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionState {
    Valid { needs_touch: bool },
    IdleExpired,
    LifetimeExpired,
}

pub fn state(policy: &SessionPolicy, created_at: Timestamp, last_seen_at: Timestamp, now: Timestamp) -> SessionState {
    if now.since(created_at) >= policy.absolute_lifetime {
        SessionState::LifetimeExpired
    } else if now.since(last_seen_at) >= policy.idle_timeout {
        SessionState::IdleExpired
    } else {
        let touch = TOUCH_INTERVAL.min(policy.idle_timeout / 2);
        SessionState::Valid { needs_touch: now.since(last_seen_at) >= touch }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_and_absolute_expiry() {
        let p = SessionPolicy::default();
        let t0 = Timestamp::now();
        assert_eq!(state(&p, t0, t0, t0.plus(Duration::seconds(10))), SessionState::Valid { needs_touch: false });
        assert_eq!(state(&p, t0, t0, t0.plus(Duration::minutes(2))), SessionState::Valid { needs_touch: true });
        assert_eq!(state(&p, t0, t0, t0.plus(Duration::minutes(30))), SessionState::IdleExpired);
        let recent = t0.plus(Duration::hours(12));
        assert_eq!(state(&p, t0, recent, recent.plus(Duration::seconds(1))), SessionState::LifetimeExpired);
    }

    #[test]
    fn short_idle_timeouts_touch_often_enough() {
        let p = SessionPolicy { idle_timeout: Duration::seconds(4), absolute_lifetime: Duration::hours(1) };
        let t0 = Timestamp::now();
        assert_eq!(state(&p, t0, t0, t0.plus(Duration::seconds(2))), SessionState::Valid { needs_touch: true });
    }
}
