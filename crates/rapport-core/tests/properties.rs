//! Property tests of the pure rules: whatever the input, the rules hold.

use proptest::prelude::*;
use rapport_core::audit::{seal, AuditEvent, ChainError, ChainVerifier, GENESIS_HASH};
use rapport_core::client::{validate, RawClientDetails};
use rapport_core::throttle::ThrottlePolicy;
use rapport_core::{password, Timestamp};

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
}

/// Id parsing is total: canonical text (lowercase, hyphenated UUID) parses and
/// round-trips; any other text is refused; nothing panics.
mod ids {
    use proptest::prelude::*;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    use rapport_core::Id;

    /// A generated text and what it is by construction.
    #[derive(Clone, Debug)]
    enum IdText {
        /// Canonical: from `Id::new` or any 128 bits written as `Id::new` writes them.
        Valid(String),
        /// A valid id changed so it is not canonical any more (kind of change, text).
        NearMiss(&'static str, String),
        /// Anything at all: it parses exactly when it happens to be canonical.
        Arbitrary(String),
    }

    /// The rule, written out independently of the parser and of the uuid crate:
    /// 36 characters, hyphens at 8, 13, 18 and 23, lowercase hex elsewhere.
    fn is_canonical(s: &str) -> bool {
        s.len() == 36
            && s.char_indices().all(|(i, c)| match i {
                8 | 13 | 18 | 23 => c == '-',
                _ => c.is_ascii_digit() || ('a'..='f').contains(&c),
            })
    }

    fn canonical() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(()).prop_map(|_| Id::new().to_string()),
            any::<u128>().prop_map(|n| uuid::Uuid::from_u128(n).hyphenated().to_string()),
            // Hex letters in every position, so letter case matters everywhere.
            "[a-f]{8}-[a-f]{4}-[a-f]{4}-[a-f]{4}-[a-f]{12}",
        ]
    }

    /// Ways to spoil a canonical id; each one always yields a non-canonical text.
    const SPOILERS: &[&str] = &[
        "one-uppercase",
        "all-uppercase",
        "simple",
        "braced",
        "urn",
        "leading-space",
        "trailing-newline",
        "truncated",
        "extra-digit",
        "non-hex",
        "hyphen-moved",
        "empty-group",
    ];

    fn spoil(kind: &'static str, s: &str, at: prop::sample::Index) -> String {
        // A non-hyphen position.
        let digits: Vec<usize> = s.char_indices().filter(|(_, c)| *c != '-').map(|(i, _)| i).collect();
        let i = digits[at.index(digits.len())];
        let replace = |c: char| format!("{}{c}{}", &s[..i], &s[i + 1..]);
        match kind {
            "one-uppercase" => replace(['A', 'B', 'C', 'D', 'E', 'F'][at.index(6)]),
            "all-uppercase" => replace('a').to_uppercase(),
            "simple" => s.replace('-', ""),
            "braced" => format!("{{{s}}}"),
            "urn" => format!("urn:uuid:{s}"),
            "leading-space" => format!(" {s}"),
            "trailing-newline" => format!("{s}\n"),
            "truncated" => s[..s.len() - 1].to_string(),
            "extra-digit" => format!("{s}0"),
            "non-hex" => replace('g'),
            "hyphen-moved" => format!("{}{}-{}", &s[..8], &s[9..10], &s[10..]),
            "empty-group" => s.replacen('-', "--", 1),
            other => unreachable!("{other}"),
        }
    }

    fn id_text() -> impl Strategy<Value = IdText> {
        prop_oneof![
            2 => canonical().prop_map(IdText::Valid),
            2 => (canonical(), prop::sample::select(SPOILERS), any::<prop::sample::Index>())
                .prop_map(|(s, kind, at)| IdText::NearMiss(kind, spoil(kind, &s, at))),
            1 => ".{0,40}".prop_map(IdText::Arbitrary),
            1 => "[0-9a-fA-F-]{34,38}".prop_map(IdText::Arbitrary),
        ]
    }

    /// Checks one text; returns whether it parsed.
    fn check(t: &IdText) -> Result<bool, TestCaseError> {
        let s = match t {
            IdText::Valid(s) | IdText::NearMiss(_, s) | IdText::Arbitrary(s) => s,
        };
        let parsed = Id::parse(s);
        prop_assert_eq!(parsed.is_some(), is_canonical(s), "{:?}", t);
        match (t, &parsed) {
            (IdText::Valid(_), Some(id)) => {
                prop_assert_eq!(id.as_str(), s.as_str());
                prop_assert_eq!(id.to_string(), s.clone());
                prop_assert_eq!(Id::parse(id.as_str()), Some(id.clone()));
                let json = serde_json::to_string(id).unwrap();
                prop_assert_eq!(&json, &format!("\"{s}\""));
                prop_assert_eq!(&serde_json::from_str::<Id>(&json).unwrap(), id);
            }
            (IdText::Valid(_), None) => prop_assert!(false, "a canonical id was refused: {:?}", t),
            (IdText::NearMiss(kind, _), _) => prop_assert!(parsed.is_none(), "a {} id was accepted: {:?}", kind, s),
            (IdText::Arbitrary(_), Some(id)) => prop_assert_eq!(id.as_str(), s.as_str()),
            (IdText::Arbitrary(_), None) => {}
        }
        Ok(parsed.is_some())
    }

    proptest! {
        /// Valid text parses and round-trips (text, display, JSON); every other
        /// text, however close, is None; nothing panics.
        #[test]
        fn id_parsing_is_total(t in id_text()) {
            check(&t)?;
        }

        /// Every canonical id parses (the valid branch, on its own).
        #[test]
        fn every_canonical_id_parses(s in canonical()) {
            prop_assert!(check(&IdText::Valid(s))?);
        }

        /// Every spoilt id is refused, whichever way it was spoilt.
        #[test]
        fn every_spoilt_id_is_refused(s in canonical(), kind in prop::sample::select(SPOILERS), at in any::<prop::sample::Index>()) {
            prop_assert!(!check(&IdText::NearMiss(kind, spoil(kind, &s, at)))?);
        }
    }

    /// The mixed strategy of `id_parsing_is_total` reaches both outcomes often,
    /// so neither branch of the property goes unchecked.
    #[test]
    fn the_mixed_strategy_reaches_both_branches() {
        let mut runner = TestRunner::deterministic();
        let strategy = id_text();
        let (mut accepted, mut refused) = (0, 0);
        for _ in 0..600 {
            let t = strategy.new_tree(&mut runner).unwrap().current();
            match check(&t) {
                Ok(true) => accepted += 1,
                Ok(false) => refused += 1,
                Err(e) => panic!("{e}"),
            }
        }
        assert!(accepted >= 100 && refused >= 100, "accepted {accepted}, refused {refused} of 600");
    }
}

mod measures {
    use proptest::prelude::*;
    use rapport_core::measures::definition::{Combine, Direction, ScoringRule};
    use rapport_core::measures::{score, Instrument, Library, SHIPPED};

    /// Any full or partial response for the instrument: valid option codes, some possibly missing.
    fn response(inst: &Instrument, missing: bool) -> impl Strategy<Value = Vec<Option<i64>>> {
        let items: Vec<_> = inst
            .items
            .iter()
            .map(|it| {
                let codes: Vec<i64> = inst.options_for(it).iter().map(|o| o.code).collect();
                let code = prop::sample::select(codes);
                if missing {
                    prop::option::weighted(0.8, code).boxed()
                } else {
                    code.prop_map(Some).boxed()
                }
            })
            .collect();
        items
    }

    /// An independent reading of the definition: option score, reversed if marked.
    fn item_score(inst: &Instrument, i: usize, code: i64) -> i64 {
        let item = &inst.items[i];
        let opts = inst.options_for(item);
        let s = opts.iter().find(|o| o.code == code).unwrap().score;
        if item.reverse {
            opts.iter().map(|o| o.score).max().unwrap() + opts.iter().map(|o| o.score).min().unwrap() - s
        } else {
            s
        }
    }

    fn instrument() -> impl Strategy<Value = Instrument> {
        let lib = Library::builtin();
        prop::sample::select(SHIPPED.iter().map(|id| lib.get(id).unwrap().clone()).collect::<Vec<_>>())
    }

    proptest! {
        /// Complete responses: total in range, equal to an independent computation, in exactly the band that covers it.
        #[test]
        fn complete_scores_are_exact((inst, answers) in instrument().prop_flat_map(|i| { let r = response(&i, false); (Just(i), r) })) {
            let sc = score(&inst, &answers).unwrap();
            let items: Vec<i64> = answers.iter().enumerate().map(|(i, a)| item_score(&inst, i, a.unwrap())).collect();
            let raw: i64 = match inst.scoring.rule {
                ScoringRule::Sum => items.iter().sum(),
                ScoringRule::SumOfDomains => inst.scoring.domains.iter().map(|d| {
                    let v = d.items.iter().map(|n| items[*n as usize - 1]);
                    match d.combine { Combine::Max => v.max().unwrap(), Combine::Sum => v.sum() }
                }).sum(),
            };
            let total = raw * inst.scoring.multiplier;
            prop_assert_eq!(sc.total, Some(total));
            prop_assert!(total >= inst.range.min && total <= inst.range.max);
            prop_assert!(sc.complete && sc.missing.is_empty());
            let covering: Vec<_> = inst.band_set(None).unwrap().bands.iter().filter(|b| b.min <= total && total <= b.max).collect();
            prop_assert_eq!(covering.len(), 1);
            prop_assert_eq!(sc.band.as_deref(), Some(covering[0].id.as_str()));
            prop_assert_eq!(sc.item_scores, items.iter().map(|s| Some(*s)).collect::<Vec<_>>());
        }

        /// Partial responses: never a total (no shipped instrument prorates) unless
        /// every domain is answered as the form instructs (QIDS-SR16: one of 6/7 and
        /// one of 8/9, any item of the other domains); risk items still evaluated.
        #[test]
        fn incomplete_scores_withhold_the_total_but_not_risk((inst, answers) in instrument().prop_flat_map(|i| { let r = response(&i, true); (Just(i), r) })) {
            let sc = score(&inst, &answers).unwrap();
            let missing = answers.iter().filter(|a| a.is_none()).count();
            let has = |n: &u32| answers[*n as usize - 1].is_some();
            let domains_answered = inst.scoring.rule == ScoringRule::SumOfDomains
                && inst.scoring.domains.iter().all(|d| if d.answer_groups.is_empty() {
                    d.items.iter().any(has)
                } else {
                    d.answer_groups.iter().all(|g| g.iter().any(has))
                });
            prop_assert_eq!(sc.complete, missing == 0 || domains_answered);
            prop_assert_eq!(sc.missing.len(), missing);
            if sc.complete {
                let items: Vec<Option<i64>> = answers.iter().enumerate().map(|(i, a)| a.map(|c| item_score(&inst, i, c))).collect();
                let raw: i64 = match inst.scoring.rule {
                    ScoringRule::Sum => items.iter().flatten().sum(),
                    ScoringRule::SumOfDomains => inst.scoring.domains.iter().map(|d| {
                        let v = d.items.iter().filter_map(|n| items[*n as usize - 1]);
                        match d.combine { Combine::Max => v.max().unwrap_or(0), Combine::Sum => v.sum() }
                    }).sum(),
                };
                prop_assert_eq!(sc.total, Some(raw * inst.scoring.multiplier));
            } else {
                prop_assert_eq!(sc.total, None);
                prop_assert_eq!(sc.band, None);
            }
            for r in &inst.risk_items {
                let positive = answers[r.item as usize - 1].is_some_and(|c| item_score(&inst, r.item as usize - 1, c) >= r.min_score);
                prop_assert_eq!(sc.risk.iter().any(|h| h.item == r.item), positive);
                prop_assert_eq!(sc.flags.contains(&format!("risk_item_{}", r.item)), positive);
            }
            prop_assert!(sc.risk.len() <= inst.risk_items.len());
        }

        /// Reverse-scored items: choosing the next option moves the item score the other way.
        #[test]
        fn reverse_items_run_backwards(inst in instrument(), pick in any::<prop::sample::Index>()) {
            let i = pick.index(inst.items.len());
            let opts = inst.options_for(&inst.items[i]).to_vec();
            let base: Vec<Option<i64>> = inst.items.iter().map(|it| Some(inst.options_for(it)[0].code)).collect();
            let mut lo = base.clone();
            let mut hi = base.clone();
            lo[i] = Some(opts.first().unwrap().code);
            hi[i] = Some(opts.last().unwrap().code);
            let (a, b) = (score(&inst, &lo).unwrap(), score(&inst, &hi).unwrap());
            let (sa, sb) = (a.item_scores[i].unwrap(), b.item_scores[i].unwrap());
            if inst.items[i].reverse { prop_assert!(sa > sb); } else { prop_assert!(sa < sb); }
        }

        /// Band edges: the band changes exactly at each band's minimum, for every total the instrument can reach.
        #[test]
        fn band_edges_follow_the_data(inst in instrument()) {
            let set = inst.band_set(None).unwrap();
            for w in set.bands.windows(2) {
                prop_assert_eq!(w[0].max + 1, w[1].min);
            }
            prop_assert_eq!(set.bands.first().unwrap().min, inst.range.min);
            prop_assert_eq!(set.bands.last().unwrap().max, inst.range.max);
            // Walk the answers upwards one step at a time: every reachable total lands in its band.
            let mut answers: Vec<Option<i64>> = inst.items.iter().map(|it| {
                let o = inst.options_for(it);
                Some(if it.reverse { o.last().unwrap().code } else { o.first().unwrap().code })
            }).collect();
            let mut last = -1;
            for i in 0..inst.items.len() {
                let o = inst.options_for(&inst.items[i]).to_vec();
                let order: Vec<i64> = if inst.items[i].reverse { o.iter().rev().map(|x| x.code).collect() } else { o.iter().map(|x| x.code).collect() };
                for code in order {
                    answers[i] = Some(code);
                    let sc = score(&inst, &answers).unwrap();
                    let t = sc.total.unwrap();
                    prop_assert!(t >= last, "totals never fall as item scores rise");
                    last = t;
                    let band = set.bands.iter().find(|b| b.min <= t && t <= b.max).unwrap();
                    prop_assert_eq!(sc.band.as_deref(), Some(band.id.as_str()));
                }
            }
            prop_assert_eq!(last, inst.range.max);
            prop_assert!(inst.direction == Direction::HigherIsWorse || inst.id == "who5");
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
                if n <= p.initial_sessions + p.termination_sessions {
                    // Too short for three phases (IPC's 1-2 sessions): no termination within the contract.
                    prop_assert_eq!(termination, 0);
                } else {
                    prop_assert_eq!(termination, p.termination_sessions.min(n - initial));
                }
                prop_assert!(phases[n as usize..].iter().all(|x| *x == Phase::Termination));
            }
        }
    }
}

mod timeline {
    use proptest::prelude::*;
    use rapport_core::timeline::chart::{timeline_svg, ScoreSeries};
    use rapport_core::timeline::{ApproxDate, TimelineEvent};

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` text of a real date.
    fn approx_text() -> impl Strategy<Value = String> {
        (1900i32..2100, 1u8..=12, 1u8..=28, 0usize..3).prop_map(|(y, m, d, p)| match p {
            0 => format!("{y:04}"),
            1 => format!("{y:04}-{m:02}"),
            _ => format!("{y:04}-{m:02}-{d:02}"),
        })
    }

    proptest! {
        /// Parsing is total, and what parses prints back as itself.
        #[test]
        fn approximate_dates_round_trip(s in ".{0,12}", t in approx_text()) {
            if let Some(d) = ApproxDate::parse(&s) {
                prop_assert_eq!(ApproxDate::parse(&d.to_string()), Some(d));
            }
            let d = ApproxDate::parse(&t).unwrap();
            prop_assert_eq!(d.to_string(), t);
            prop_assert!(d.first_day() <= d.midpoint() && d.midpoint() <= d.last_day());
        }

        /// A period that ends before another begins always sorts first.
        #[test]
        fn order_respects_disjoint_periods(a in approx_text(), b in approx_text()) {
            let (a, b) = (ApproxDate::parse(&a).unwrap(), ApproxDate::parse(&b).unwrap());
            if a.last_day() < b.first_day() {
                prop_assert!(a < b);
            }
            prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        }

        /// Whatever the events, the chart numbers them in time order, left to
        /// right, and never lets their text out unescaped.
        #[test]
        fn chart_markers_follow_time(events in prop::collection::vec((approx_text(), "[a-z]{4,8}[<>&\"'][a-z]{4,20}"), 0..12)) {
            let events: Vec<TimelineEvent> = events
                .into_iter()
                .map(|(date, title)| TimelineEvent { date, title, category: "other".into(), episode: "none".into(), ..Default::default() })
                .collect();
            let svg = timeline_svg(&events, &ScoreSeries::none());
            let xs: Vec<f64> = svg
                .match_indices("<g class=\"event\"")
                .map(|(i, _)| {
                    let rest = &svg[i..];
                    let x = rest.find("x1=\"").unwrap() + 4;
                    rest[x..x + rest[x..].find('"').unwrap()].parse().unwrap()
                })
                .collect();
            prop_assert_eq!(xs.len(), events.len());
            prop_assert!(xs.windows(2).all(|w| w[0] <= w[1]));
            for e in &events {
                prop_assert!(!svg.contains(e.title.as_str()), "{} unescaped", e.title);
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

mod course_rules {
    use proptest::prelude::*;
    use rapport_core::course::{Attendance, CourseStatus};
    use rapport_core::course_rules::{
        complete_status_change, completion_required, validate_checklist, validate_session, validate_status,
        CompletionFacts, CompletionFields, SESSION_FIELDS,
    };
    use rapport_core::protocol::ChecklistItem;
    use time::macros::date;
    use time::{Date, Duration};

    const TODAY: Date = date!(2026 - 03 - 10);

    /// Dates around today (well formed or not), and anything else.
    fn date_text() -> impl Strategy<Value = Option<String>> {
        prop::option::of(prop_oneof![
            (-4000i64..4000).prop_map(|d| (TODAY + Duration::days(d)).to_string()),
            "[0-9]{4}-[0-9]{2}-[0-9]{2}",
            ".{0,12}",
        ])
    }

    fn word(values: &'static [&'static str]) -> impl Strategy<Value = Option<String>> {
        prop::option::of(prop_oneof![prop::sample::select(values).prop_map(str::to_string), ".{0,10}"])
    }

    fn start_and_end() -> impl Strategy<Value = (Date, Option<Date>)> {
        (-800i64..100, prop::option::of(0i64..900))
            .prop_map(|(s, len)| (TODAY + Duration::days(s), len.map(|l| TODAY + Duration::days(s + l))))
    }

    proptest! {
        /// Whatever is typed, `validate_session` answers without panicking; every
        /// error names a field of the session form; an accepted session keeps
        /// within its course and its attendance agrees with its date.
        #[test]
        fn validate_session_never_panics_and_names_known_fields(
            date in date_text(),
            time in prop::option::of(prop_oneof!["[0-2][0-9]:[0-6][0-9]", ".{0,6}"]),
            modality in word(&["in_person", "video", "phone"]),
            attendance in word(&["attended", "cancelled", "no_show", "scheduled"]),
            duration in prop::option::of(-10i64..600),
            course in start_and_end(),
        ) {
            let r = validate_session(
                date.as_deref(), time.as_deref(), modality.as_deref(), attendance.as_deref(), duration, TODAY, course,
            );
            match r {
                Err(e) => {
                    prop_assert!(!e.is_empty());
                    for f in &e.0 {
                        prop_assert!(SESSION_FIELDS.contains(&f.field.as_str()), "unknown field {}", f.field);
                    }
                }
                Ok(s) => {
                    prop_assert!(s.date >= course.0);
                    prop_assert!(course.1.is_none_or(|end| s.date <= end));
                    prop_assert!(s.duration_minutes.is_none_or(|m| (1..=480).contains(&m)));
                    prop_assert!(s.attendance != Attendance::Attended || s.date <= TODAY);
                    prop_assert!(s.attendance != Attendance::Scheduled || s.date >= TODAY);
                    prop_assert!(s.time.is_empty() || s.time.len() == 5);
                }
            }
        }

        /// A checklist entry never panics, names only its own fields, and is
        /// never dated after today.
        #[test]
        fn validate_checklist_names_known_fields_and_never_dates_the_future(
            item in prop::sample::select(ChecklistItem::ALL.to_vec()),
            done_on in date_text(),
            detail in word(&["not_needed", "referred", "already_on", "Depression"]),
            code in prop::option::of("[A-Za-z0-9. ;-]{0,24}"),
            note in prop::option::of(".{0,20}"),
        ) {
            match validate_checklist(item, done_on.as_deref(), detail.as_deref(), code.as_deref(), note.as_deref(), TODAY) {
                Ok((date, ..)) => prop_assert!(date <= TODAY),
                Err(e) => for f in &e.0 {
                    prop_assert!(["done_on", "detail", "code", "note"].contains(&f.field.as_str()), "unknown field {}", f.field);
                },
            }
        }

        /// A status change accepted is one the course can make from where it
        /// stands: never back to planned, with a reason when the status needs
        /// one, and a completion only with the review and the end measure (or
        /// the reasons for going without them, which are then recorded).
        #[test]
        fn an_accepted_status_change_is_reachable_from_the_current_one(
            current in prop::sample::select(CourseStatus::ALL.to_vec()),
            status in word(&["planned", "active", "completed", "ended_early", "transferred"]),
            reason in prop::option::of(".{0,8}"),
            has_review in any::<bool>(),
            end_measure_taken in any::<bool>(),
            skip in prop::option::of("[a-z ]{0,8}"),
            confirm in any::<bool>(),
            no_measure in prop::option::of("[a-z ]{0,8}"),
            maintenance_undecided in any::<bool>(),
        ) {
            let status = status.unwrap_or_default();
            let Ok((target, why)) = validate_status(&status, reason.as_deref()) else { return Ok(()) };
            prop_assert_eq!(Some(target), CourseStatus::parse(status.trim()));
            prop_assert!(target != CourseStatus::Planned, "a course is never set back to planned");
            prop_assert!(!target.needs_reason() || why.is_some());
            if !completion_required(current, target) {
                return Ok(());
            }
            prop_assert_eq!(target, CourseStatus::Completed);
            let fields = CompletionFields {
                skip_review_reason: skip.as_deref(),
                confirm_no_end_measure: confirm,
                no_end_measure_reason: no_measure.as_deref(),
            };
            let facts = CompletionFacts { has_review, end_measure_taken, maintenance_undecided };
            let result = complete_status_change(target, why.clone(), &fields, facts, "/m");
            if maintenance_undecided {
                prop_assert!(result.as_ref().is_err_and(|e| e.for_field("maintenance").is_some()));
            }
            if let Ok((s, recorded)) = result {
                prop_assert_eq!(s, CourseStatus::Completed);
                let recorded = recorded.unwrap_or_default();
                prop_assert!(has_review || recorded.contains("Ending review skipped: "));
                prop_assert!(end_measure_taken || (confirm && recorded.contains("No end-of-treatment measure: ")));
                if let Some(w) = why {
                    prop_assert!(recorded.starts_with(&w));
                }
            }
        }
    }
}

mod maintenance {
    use proptest::prelude::*;
    use rapport_core::ending::{maintenance_contract, maintenance_protocol};
    use rapport_core::protocol::ProtocolSet;
    use time::macros::date;

    proptest! {
        /// An accepted maintenance contract runs the maintenance protocol for a
        /// number of sessions it allows; a refused one names only its own fields.
        #[test]
        fn maintenance_contracts_fit_the_protocol(
            months in prop::option::of(-5i64..60),
            freq in prop::option::of(prop_oneof![
                prop::sample::select(vec!["weekly", "twice_monthly", "monthly"]).prop_map(str::to_string),
                ".{0,8}",
            ]),
            start in prop::option::of(prop_oneof!["2026-0[1-9]-[12][0-9]", ".{0,8}"]),
        ) {
            let set = ProtocolSet::shipped();
            let p = maintenance_protocol(&set).unwrap();
            let today = date!(2026 - 03 - 10);
            match maintenance_contract(&set, months, freq.as_deref(), start.as_deref(), today) {
                Ok(c) => {
                    prop_assert_eq!(&c.protocol_id, &p.id);
                    prop_assert!(p.allows_sessions(c.planned_sessions));
                    prop_assert!((1..=36).contains(&months.unwrap()));
                }
                Err(e) => for f in &e.0 {
                    prop_assert!(["months", "frequency", "start_date"].contains(&f.field.as_str()), "unknown field {}", f.field);
                },
            }
        }
    }
}

mod escalation_routes {
    use proptest::prelude::*;
    use rapport_core::escalation::{duty_cover, route_step, Tier};
    use rapport_core::Id;

    fn person() -> impl Strategy<Value = Id> {
        (0u8..6).prop_map(|n| Id::from_db(format!("00000000-0000-7000-8000-{n:012}")))
    }

    proptest! {
        /// Each person is told once per step; the responsible clinician only by a
        /// reminder while active; someone is told whenever anyone could be.
        #[test]
        fn each_step_tells_each_person_once(
            step in 1i64..6,
            responsible in person(),
            active in any::<bool>(),
            supervisors in prop::collection::vec(person(), 0..4),
            duty in prop::option::of(person()),
            admins in prop::collection::vec(person(), 0..3),
        ) {
            let tier = Tier::for_step(step);
            let cover = duty_cover(duty.clone(), admins.clone());
            let r = route_step(tier, &responsible, active, &supervisors, &cover);
            let mut unique = r.recipients.clone();
            unique.sort();
            unique.dedup();
            prop_assert_eq!(unique.len(), r.recipients.len());
            let told_as_responsible = r.routed_to.split('+').any(|p| p == "responsible");
            prop_assert_eq!(told_as_responsible, tier == Tier::Reminder && active);
            if duty.is_some() || !admins.is_empty() {
                prop_assert!(!r.recipients.is_empty());
            }
            if tier == Tier::Supervisors && !supervisors.is_empty() {
                prop_assert_eq!(r.routed_to.as_str(), "supervisors");
                prop_assert!(r.recipients.iter().all(|u| supervisors.contains(u)));
            }
        }
    }
}
