//! Login throttling (ASVS V6.1.1, V6.3.1): growing delays per account and per
//! source address instead of hard lockout, so an attacker is slowed to a crawl
//! while the real user is never locked out for more than a few minutes.

use crate::Timestamp;
use time::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThrottlePolicy {
    /// Failures allowed before delays start.
    pub free_failures: i64,
    /// First delay; each further failure doubles it.
    pub base_delay: Duration,
    pub max_delay: Duration,
    /// Failures older than this (since the last one) are forgotten.
    pub forget_after: Duration,
}

impl ThrottlePolicy {
    /// Per account: a victim waits at most one minute between tries.
    pub const ACCOUNT: ThrottlePolicy = ThrottlePolicy {
        free_failures: 5,
        base_delay: Duration::seconds(2),
        max_delay: Duration::seconds(60),
        forget_after: Duration::minutes(15),
    };
    /// Per source address: room for a busy clinic behind one NAT, then slower.
    pub const ADDRESS: ThrottlePolicy = ThrottlePolicy {
        free_failures: 20,
        base_delay: Duration::seconds(2),
        max_delay: Duration::minutes(5),
        forget_after: Duration::minutes(15),
    };
}

/// The failures recorded against one key (an account or an address).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FailureRecord {
    pub failures: i64,
    pub last_failure_at: Timestamp,
}

impl ThrottlePolicy {
    /// Failures still counting at `now` (0 once forgotten).
    pub fn live_failures(&self, rec: Option<FailureRecord>, now: Timestamp) -> i64 {
        match rec {
            Some(r) if now.since(r.last_failure_at) < self.forget_after => r.failures,
            _ => 0,
        }
    }

    /// How long to wait after the last failure before the next attempt is heard.
    pub fn delay_after(&self, failures: i64) -> Duration {
        if failures < self.free_failures {
            return Duration::ZERO;
        }
        let doublings = (failures - self.free_failures).min(20) as u32;
        (self.base_delay * 2i32.pow(doublings)).min(self.max_delay)
    }

    /// Whether an attempt now is heard: `Ok(n)` with the failure count that
    /// reserving it makes (it counts as a failure until it succeeds), or
    /// `Err(wait)` when it must be refused without checking anything.
    pub fn admit(&self, rec: Option<FailureRecord>, now: Timestamp) -> Result<i64, Duration> {
        match self.retry_after(rec, now) {
            Some(wait) => Err(wait),
            None => Ok(self.live_failures(rec, now) + 1),
        }
    }

    /// `Some(wait)` if an attempt now must be refused without checking the password.
    pub fn retry_after(&self, rec: Option<FailureRecord>, now: Timestamp) -> Option<Duration> {
        let r = rec?;
        let delay = self.delay_after(self.live_failures(rec, now));
        // A free attempt is never refused, even when a simultaneous request
        // recorded its failure a moment "after" this request's clock reading.
        if delay.is_zero() {
            return None;
        }
        let until = r.last_failure_at.plus(delay);
        (until > now).then(|| until.since(now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_and_are_capped() {
        let p = ThrottlePolicy::ACCOUNT;
        assert_eq!(p.delay_after(4), Duration::ZERO);
        assert_eq!(p.delay_after(5), Duration::seconds(2));
        assert_eq!(p.delay_after(6), Duration::seconds(4));
        assert_eq!(p.delay_after(50), Duration::seconds(60));
    }

    #[test]
    fn attempts_wait_for_the_delay_then_are_heard() {
        let p = ThrottlePolicy::ACCOUNT;
        let t = Timestamp::now();
        let rec = Some(FailureRecord { failures: 6, last_failure_at: t });
        assert_eq!(p.retry_after(rec, t.plus(Duration::seconds(1))), Some(Duration::seconds(3)));
        assert_eq!(p.retry_after(rec, t.plus(Duration::seconds(4))), None);
        assert_eq!(p.retry_after(None, t), None);
    }

    #[test]
    fn admitting_counts_the_attempt_and_refuses_during_a_delay() {
        let p = ThrottlePolicy::ACCOUNT;
        let t = Timestamp::now();
        assert_eq!(p.admit(None, t), Ok(1));
        let four = Some(FailureRecord { failures: 4, last_failure_at: t });
        assert_eq!(p.admit(four, t), Ok(5), "the fifth attempt is still free");
        let five = Some(FailureRecord { failures: 5, last_failure_at: t });
        assert_eq!(p.admit(five, t), Err(Duration::seconds(2)));
        assert_eq!(p.admit(five, t.plus(Duration::seconds(2))), Ok(6));
        let just_after = Some(FailureRecord { failures: 3, last_failure_at: t.plus(Duration::milliseconds(5)) });
        assert_eq!(p.admit(just_after, t), Ok(4), "a failure stamped after this request's clock reading");
        let stale = Some(FailureRecord { failures: 40, last_failure_at: t });
        assert_eq!(p.admit(stale, t.plus(Duration::minutes(16))), Ok(1), "forgotten failures restart the count");
    }

    #[test]
    fn old_failures_are_forgotten() {
        let p = ThrottlePolicy::ACCOUNT;
        let t = Timestamp::now();
        let rec = Some(FailureRecord { failures: 40, last_failure_at: t });
        assert_eq!(p.live_failures(rec, t.plus(Duration::minutes(16))), 0);
        assert_eq!(p.retry_after(rec, t.plus(Duration::minutes(16))), None);
    }
}
