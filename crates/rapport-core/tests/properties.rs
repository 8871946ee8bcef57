//! Property tests of the pure rules: whatever the input, the rules hold.

use proptest::prelude::*;
use rapport_core::audit::{seal, AuditEvent, ChainError, ChainVerifier, GENESIS_HASH};
use rapport_core::client::{validate, RawClientDetails};
use rapport_core::throttle::ThrottlePolicy;
use rapport_core::{password, Id, Timestamp};

fn event_strategy() -> impl Strategy<Value = AuditEvent> {
    (any::<Option<String>>(), ".{0,20}", "[a-z._]{1,20}", prop::option::of(".{0,30}")).prop_map(
        |(actor_id, label, action, detail)| AuditEvent {
            actor_id,
            actor_label: label,
            action,
            resource_type: "client".into(),
            outcome: "success".into(),
            detail,
            ..Default::default()
        },
    )
}

proptest! {
    /// Changing any one entry's content is reported at that entry.
    #[test]
    fn any_alteration_is_named(events in prop::collection::vec(event_strategy(), 1..20), pick in any::<prop::sample::Index>(), forged in ".{1,10}") {
        let mut prev = GENESIS_HASH.to_string();
        let t = Timestamp::parse("2026-11-26T10:00:00Z").unwrap();
        let mut chain: Vec<_> = events.into_iter().enumerate().map(|(i, e)| {
            let s = seal(i as i64 + 1, t, e, prev.clone());
            prev = s.hash.clone();
            s
        }).collect();
        let k = pick.index(chain.len());
        let head = chain.last().unwrap().hash.clone();
        let n = chain.len() as i64;
        let original = chain[k].event.detail.clone();
        chain[k].event.detail = Some(format!("{}{forged}", original.clone().unwrap_or_default()));
        let mut v = ChainVerifier::default();
        let err = chain.iter().try_for_each(|e| v.push(e)).err();
        prop_assert_eq!(err, Some(ChainError::Altered { seq: k as i64 + 1 }));
        // And an untouched chain verifies.
        chain[k].event.detail = original;
        let mut v = ChainVerifier::default();
        for e in &chain { prop_assert!(v.push(e).is_ok()); }
        prop_assert_eq!(v.finish(n, &head), Ok(n as u64));
    }

    /// Timestamps survive the database text format, and text order is time order.
    #[test]
    fn timestamps_round_trip_and_sort(a in 0i64..4_102_444_800_000_000, b in 0i64..4_102_444_800_000_000) {
        let (ta, tb) = (Timestamp::from_unix_micros(a).unwrap(), Timestamp::from_unix_micros(b).unwrap());
        prop_assert_eq!(Timestamp::parse(&ta.to_db()), Some(ta));
        prop_assert_eq!(ta.to_db().cmp(&tb.to_db()), a.cmp(&b));
    }

    /// The password rule never panics and never accepts fewer than 12 characters.
    #[test]
    fn password_rule_is_total(pw in ".{0,40}", email in ".{0,20}") {
        let r = password::check(&pw, &email);
        if pw.chars().count() < password::MIN_LENGTH {
            prop_assert_eq!(r, Err(password::PasswordProblem::TooShort));
        }
    }

    /// Throttling delays never shrink as failures grow, and stay capped.
    #[test]
    fn throttle_delays_are_monotonic(n in 0i64..200) {
        for p in [ThrottlePolicy::ACCOUNT, ThrottlePolicy::ADDRESS] {
            prop_assert!(p.delay_after(n) <= p.delay_after(n + 1));
            prop_assert!(p.delay_after(n) <= p.max_delay);
        }
    }

    /// Client validation accepts or names a field; accepted names are trimmed and non-empty.
    #[test]
    fn client_validation_is_total(name in any::<Option<String>>(), dob in any::<Option<String>>(), email in any::<Option<String>>()) {
        let raw = RawClientDetails { display_name: name, date_of_birth: dob, email, ..Default::default() };
        match validate(raw, Timestamp::now().date()) {
            Ok(d) => {
                prop_assert!(!d.display_name.is_empty());
                prop_assert_eq!(d.display_name.trim(), d.display_name.as_str());
            }
            Err(e) => prop_assert!(!e.0.is_empty()),
        }
    }

    /// Only canonical UUIDs are ids; parsing never panics.
    #[test]
    fn id_parsing_is_total(s in ".{0,40}") {
        if let Some(id) = Id::parse(&s) {
            prop_assert_eq!(id.as_str(), s.as_str());
        }
    }
}

mod phases {
    use proptest::prelude::*;
    use rapport_core::protocol::{phase_of, Phase, ProtocolKind, ProtocolSet};

    proptest! {
        /// For every shipped acute protocol and every contract length it allows:
        /// phases never go backwards, the initial phase is exactly the protocol's
        /// first sessions, and the termination phase is the contract's last ones.
        #[test]
        fn phases_are_ordered_with_protocol_boundaries(pick in 0usize..16, extra in 0u32..4) {
            let set = ProtocolSet::shipped();
            let acute: Vec<_> = set.all().iter().filter(|p| p.kind == ProtocolKind::Acute).collect();
            let p = acute[pick % acute.len()];
            for n in p.sessions.min..=p.sessions.max {
                let phases: Vec<Phase> = (1..=n + extra).map(|k| phase_of(p, n, k)).collect();
                prop_assert!(phases.windows(2).all(|w| w[0] <= w[1]), "{} {n}: {phases:?}", p.id);
                let initial = phases.iter().filter(|x| **x == Phase::Initial).count() as u32;
                prop_assert_eq!(initial, p.initial_sessions.min(n));
                let termination = phases[..n as usize].iter().filter(|x| **x == Phase::Termination).count() as u32;
                prop_assert_eq!(termination, p.termination_sessions.min(n - initial));
                prop_assert!(phases[n as usize..].iter().all(|x| *x == Phase::Termination));
            }
        }
    }
}

mod goals {
    use proptest::prelude::*;
    use rapport_core::goals::{trend, Trend};

    proptest! {
        /// Reversing the ratings swaps rising and falling; a constant run is flat;
        /// a run that climbs steadily by two points is rising (one late jump after a long
        /// flat run may not be: the fitted line weighs every rating).
        #[test]
        fn trend_is_symmetric_and_monotone(ratings in prop::collection::vec(0u8..=10, 0..20), start in 0u8..=8, len in 2usize..12) {
            let mut reversed = ratings.clone();
            reversed.reverse();
            let flip = |t: Option<Trend>| t.map(|t| match t {
                Trend::Rising => Trend::Falling,
                Trend::Falling => Trend::Rising,
                Trend::Flat => Trend::Flat,
            });
            prop_assert_eq!(trend(&reversed), flip(trend(&ratings)));
            prop_assert_eq!(trend(&vec![start; len]), Some(Trend::Flat));
            let mut up: Vec<u8> = (0..len).map(|i| start + ((i * 2) / len) as u8).collect();
            *up.last_mut().unwrap() = start + 2;
            up.sort();
            prop_assert_eq!(trend(&up), Some(Trend::Rising), "{:?}", up);
            prop_assert_eq!(trend(&ratings).is_none(), ratings.len() < 2);
        }
    }
}
