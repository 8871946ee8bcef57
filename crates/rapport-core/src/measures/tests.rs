//! Table tests: every worked example of measures.md section 7, and the
//! definition loader's errors.

use super::change::*;
use super::definition::*;
use super::scoring::*;
use super::*;

fn lib() -> Library {
    Library::builtin()
}

fn full(v: &[i64]) -> Vec<Option<i64>> {
    v.iter().map(|x| Some(*x)).collect()
}

fn s(id: &str, answers: &[Option<i64>]) -> Score {
    score(lib().get(id).unwrap(), answers).unwrap()
}

#[test]
fn ships_exactly_the_listed_instruments_and_never_phq8() {
    let l = lib();
    let ids: Vec<&str> = l.all().map(|i| i.id.as_str()).collect();
    let mut want = SHIPPED.to_vec();
    want.sort();
    assert_eq!(ids, want);
    assert!(l.get("phq8").is_none());
    for i in l.all() {
        assert_eq!(i.validate(), Ok(()), "{}", i.id);
        assert_eq!(i.computed_range(), (i.range.min, i.range.max), "{}", i.id);
        match i.licence.class {
            LicenceClass::L => {
                assert!(i.text_placeholder, "{}", i.id);
                assert!(i.items.iter().all(|it| it.text == format!("{} item {}", i.short_name, it.number)), "{}", i.id);
            }
            LicenceClass::F => assert!(!i.text_placeholder && i.items.iter().all(|it| it.text.len() > 5), "{}", i.id),
        }
    }
    let phq9 = l.get("phq9").unwrap();
    assert_eq!(phq9.items.len(), 9);
    assert_eq!(phq9.unscored_items.len(), 1);
    assert_eq!(phq9.items[8].loinc.as_deref(), Some("44260-8"));
    assert_eq!(l.get("hamd17").unwrap().administration, Administration::Clinician);
}

#[test]
fn band_ids_are_the_specified_ones() {
    let l = lib();
    let ids = |i: &str| -> Vec<String> {
        l.get(i).unwrap().band_set(None).unwrap().bands.iter().map(|b| b.id.clone()).collect()
    };
    assert_eq!(ids("phq9"), ["minimal", "mild", "moderate", "moderately_severe", "severe"]);
    assert_eq!(ids("gad7"), ["minimal", "mild", "moderate", "severe"]);
    assert_eq!(ids("qids_sr16"), ["none", "mild", "moderate", "severe", "very_severe"]);
}

// measures.md 7.1, examples 1-11.
#[test]
fn worked_scoring_examples() {
    let e1 = s("phq9", &full(&[2, 2, 1, 3, 1, 2, 1, 0, 1]));
    assert_eq!((e1.total, e1.band.as_deref()), (Some(13), Some("moderate")));
    assert_eq!(e1.risk, vec![RiskHit { item: 9, score: 1, rule: "R1".into() }]);
    assert!(e1.flags.contains(&"risk_item_9".to_string()));
    assert_eq!(e1.instrument_version, "1");
    assert_eq!(e1.scoring_version, SCORING_VERSION);
    // Items ≥2 are 1, 2, 4, 6, plus item 9 (≥1): 5 including item 1; without
    // the difficulty answer the algorithm cannot conclude.
    assert_eq!(e1.diagnostic_algorithm.as_deref(), Some("impairment_not_recorded"));
    let phq9 = lib().get("phq9").unwrap().clone();
    let with = |d: i64| {
        score_response(&phq9, &full(&[2, 2, 1, 3, 1, 2, 1, 0, 1]), Some(&[Some(d)]), None).unwrap().diagnostic_algorithm
    };
    assert_eq!(with(1).as_deref(), Some("major_depressive_syndrome"), "somewhat difficult");
    assert_eq!(with(3).as_deref(), Some("major_depressive_syndrome"));
    assert_eq!(with(0).as_deref(), Some("none"), "not difficult at all: no syndrome");
    use Phq9Algorithm as A;
    assert_eq!(phq9_algorithm(&[2, 0, 0, 2, 0, 0, 0, 0, 0], Some(2)), Some(A::OtherDepressiveSyndrome));
    assert_eq!(phq9_algorithm(&[2, 0, 0, 2, 0, 0, 0, 0, 0], Some(0)), Some(A::None));
    assert_eq!(phq9_algorithm(&[2, 0, 0, 2, 0, 0, 0, 0, 0], None), Some(A::ImpairmentNotRecorded));
    assert_eq!(phq9_algorithm(&[0, 0, 2, 2, 2, 2, 2, 2, 1], Some(3)), Some(A::None), "neither item 1 nor 2");
    assert_eq!(phq9_algorithm(&[2, 0, 0, 0, 0, 0, 0, 0, 0], None), Some(A::None), "no syndrome needs no answer");

    let e2 = s("phq9", &full(&[1, 1, 0, 1, 0, 0, 1, 0, 0]));
    assert_eq!((e2.total, e2.band.as_deref(), e2.risk.len()), (Some(4), Some("minimal"), 0));
    assert_eq!(e2.diagnostic_algorithm.as_deref(), Some("none"));

    let e3 = s("phq9", &full(&[3, 3, 3, 3, 2, 3, 2, 2, 0]));
    assert_eq!((e3.total, e3.band.as_deref(), e3.risk.len()), (Some(21), Some("severe"), 0));

    let mut a4 = full(&[2, 2, 2, 0, 1, 1, 1, 1, 2]);
    a4[3] = None;
    let e4 = s("phq9", &a4);
    assert_eq!((e4.total, e4.band.as_deref(), e4.complete), (None, None, false));
    assert_eq!(e4.missing, vec![4]);
    assert_eq!(e4.risk, vec![RiskHit { item: 9, score: 2, rule: "R1".into() }]);
    assert_eq!(e4.flags, ["incomplete", "risk_item_9"]);
    assert_eq!(e4.diagnostic_algorithm, None);

    let e5a = s("phq2", &full(&[2, 1]));
    let e5b = s("phq2", &full(&[1, 1]));
    assert_eq!((e5a.total, e5a.band.as_deref()), (Some(3), Some("positive")));
    assert_eq!((e5b.total, e5b.band.as_deref()), (Some(2), Some("negative")));
    let arroll = score_with(lib().get("phq2").unwrap(), &full(&[1, 1]), Some("arroll_2010")).unwrap();
    assert_eq!(arroll.band.as_deref(), Some("positive"));
    assert!(e5a.flags.contains(&"positive_screen".into()) && !e5b.flags.contains(&"positive_screen".into()));

    let e6 = s("gad7", &full(&[2, 1, 2, 1, 0, 1, 1]));
    assert_eq!((e6.total, e6.band.as_deref()), (Some(8), Some("mild")));
    assert_eq!(e6.flags, ["caseness"]);

    let e7 = s("who5", &full(&[2, 3, 1, 2, 2]));
    assert_eq!((e7.raw_total, e7.total, e7.band.as_deref()), (Some(10), Some(40), Some("poor_wellbeing")));
    assert_eq!(e7.flags, ["poor_wellbeing"]);

    let e8 = s("epds", &full(&[1, 0, 1, 2, 2, 1, 2, 1, 2, 3]));
    assert_eq!(e8.item_scores, full(&[1, 0, 2, 2, 1, 2, 1, 2, 1, 0]));
    assert_eq!((e8.total, e8.band.as_deref()), (Some(12), Some("possible_depression")));
    assert_eq!(e8.subscores.get("epds_3a"), Some(&5));
    assert!(e8.risk.is_empty());

    let e9 = s("epds", &full(&[0, 0, 3, 0, 3, 3, 3, 3, 3, 2]));
    assert_eq!(e9.item_scores, full(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 1]));
    assert_eq!((e9.total, e9.band.as_deref()), (Some(1), Some("below_threshold")));
    assert_eq!(e9.risk, vec![RiskHit { item: 10, score: 1, rule: "R2".into() }]);

    let h = full(&[2, 2, 2, 1, 1, 0, 2, 1, 0, 1, 1, 1, 1, 0, 0, 1, 0]);
    let e10 = s("hamd17", &h);
    assert_eq!((e10.total, e10.band.as_deref()), (Some(16), Some("moderate")));
    let b = score_with(lib().get("hamd17").unwrap(), &h, Some("zimmerman_2013")).unwrap();
    assert_eq!((b.band.as_deref(), b.band_set.as_deref()), (Some("mild"), Some("zimmerman_2013")));
    assert_eq!(e10.risk, vec![RiskHit { item: 3, score: 2, rule: "R3".into() }]);

    let e11 = s("qids_sr16", &full(&[1, 2, 0, 0, 2, 1, 0, 1, 0, 2, 1, 1, 2, 2, 1, 0]));
    assert_eq!((e11.total, e11.band.as_deref()), (Some(14), Some("moderate")));
    assert_eq!(e11.risk, vec![RiskHit { item: 12, score: 1, rule: "R4".into() }]);
}

#[test]
fn answers_are_checked_with_the_field_named() {
    let l = lib();
    let phq9 = l.get("phq9").unwrap();
    let e = score(phq9, &full(&[0; 8])).unwrap_err();
    assert_eq!(e.first().unwrap().field, "answers");
    let e = score(phq9, &full(&[0, 0, 0, 4, 0, 0, 0, 0, 0])).unwrap_err();
    assert_eq!(e.first().unwrap().field, "answers[3]");
    let e = score(l.get("hamd17").unwrap(), &full(&[0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).unwrap_err();
    assert_eq!(e.first().unwrap().field, "answers[3]", "item 4 of the HAM-D is scored 0-2");
    assert!(score(phq9, &full(&[0, 0, 0, -1, 0, 0, 0, 0, 0])).is_err());
}

#[test]
fn prorating_only_when_the_definition_says_so() {
    let mut phq9 = lib().get("phq9").unwrap().clone();
    let mut a = full(&[2, 2, 2, 0, 1, 1, 1, 1, 2]);
    a[3] = None;
    assert_eq!(score(&phq9, &a).unwrap().total, None);
    phq9.missing = MissingRule { rule: MissingRuleKind::Prorate, max_missing: 2 };
    phq9.version = "1-prorate".into();
    assert_eq!(phq9.validate(), Ok(()));
    let p = score(&phq9, &a).unwrap();
    // 12 over 8 answered items, × 9 = 13.5 → 14.
    assert_eq!((p.total, p.prorated, p.complete), (Some(14), true, false));
    assert!(p.flags.contains(&"prorated".into()));
    a[0] = None;
    a[1] = None;
    assert_eq!(score(&phq9, &a).unwrap().total, None, "three missing is over the limit");
}

/// Issue 10.2: a blank risk question is flagged, and prorating never fills it in;
/// a positive answered risk item counts whatever else is blank.
#[test]
fn a_blank_risk_item_is_flagged_and_never_prorated() {
    let mut phq9 = lib().get("phq9").unwrap().clone();
    phq9.missing = MissingRule { rule: MissingRuleKind::Prorate, max_missing: 2 };
    phq9.version = "1-prorate".into();
    let mut a = full(&[2, 2, 2, 0, 1, 1, 1, 1, 0]);
    a[8] = None;
    let s = score(&phq9, &a).unwrap();
    assert_eq!((s.total, s.prorated, s.complete), (None, false, false), "item 9 blank: no prorated total");
    assert!(s.flags.contains(&RISK_ITEM_UNANSWERED.to_string()), "{:?}", s.flags);
    assert_eq!(s.missing, vec![9]);
    // Another item blank instead: prorated as before, no such flag.
    let mut b = full(&[2, 2, 2, 0, 1, 1, 1, 1, 0]);
    b[2] = None;
    let s = score(&phq9, &b).unwrap();
    assert!(s.prorated && !s.flags.contains(&RISK_ITEM_UNANSWERED.to_string()));
    // Item 3 blank and item 9 = 2 under the default (withhold) rule: no total, the risk counts.
    let shipped = lib().get("phq9").unwrap().clone();
    let mut c = full(&[1, 1, 0, 1, 1, 1, 1, 1, 2]);
    c[2] = None;
    let s = score(&shipped, &c).unwrap();
    assert_eq!((s.total, s.complete, s.missing.clone()), (None, false, vec![3]));
    assert_eq!(s.risk.len(), 1);
    assert!(s.flags.contains(&"risk_item_9".to_string()) && !s.flags.contains(&RISK_ITEM_UNANSWERED.to_string()));
}

// measures.md 7.2: illustrative PHQ-9 parameters s1 = 5.0, r = 0.84; norms M1 15, s1 5, M0 3, s0 3.
#[test]
fn worked_reliable_change_examples() {
    let p = ReliableChangeParams::JacobsonTruax { sd: 5.0, reliability: 0.84, source: "measures.md 7.2".into() };
    let c = cutoffs(&Norms { m1: 15.0, s1: 5.0, m0: 3.0, s0: 3.0 }, Direction::HigherIsWorse);
    assert_eq!((c.a, c.b, c.c), (5.0, 9.0, 7.5));
    let r = reliable_change(&p, Direction::HigherIsWorse, 18, 7);
    assert!((r.se.unwrap() - 2.0).abs() < 1e-9);
    assert!((r.s_diff.unwrap() - 2.828).abs() < 1e-3);
    assert!((r.threshold - 5.54).abs() < 5e-3);
    assert_eq!(r.params, p, "parameters are kept with the result");
    let phq9 = lib().get("phq9").unwrap().clone();
    use ClinicalSignificance as J;
    // (pre, post, change, RCI, J&T category, ≥50 % drop, response as reported, remission as reported)
    #[allow(clippy::type_complexity)]
    let table: &[(i64, i64, i64, f64, J, bool, Option<bool>, Option<bool>)] = &[
        (18, 7, -11, -3.89, J::Recovered, true, Some(true), Some(false)),
        (18, 9, -9, -3.18, J::Improved, true, Some(true), Some(false)),
        (18, 10, -8, -2.83, J::Improved, false, Some(false), Some(false)),
        (14, 10, -4, -1.41, J::Unchanged, false, Some(false), Some(false)),
        (12, 18, 6, 2.12, J::Deteriorated, false, Some(false), Some(false)),
        // Baseline 9 is below caseness: response and remission are n/a.
        (9, 4, -5, -1.77, J::Unchanged, true, None, None),
    ];
    for &(pre, post, change, rci, cat, drop, resp, remit) in table {
        let r = reliable_change(&p, Direction::HigherIsWorse, pre, post);
        assert_eq!(post - pre, change);
        assert!((r.rci.unwrap() - rci).abs() < 0.005, "{pre}->{post}: {:?}", r.rci);
        assert_eq!(clinical_significance(&r, pre, post, c.c, Direction::HigherIsWorse), cat, "{pre}->{post}");
        assert_eq!(response(pre, post, Direction::HigherIsWorse, 27), drop, "{pre}->{post} 50 % drop");
        assert_eq!(remission(&phq9, post), Some(post < 5), "{pre}->{post} remission cut-off");
        let o = instrument_outcome(&phq9, &[pre, post], &NotOnTrackRule::default()).unwrap();
        assert_eq!((o.baseline, o.latest, o.change, o.response, o.remission), (pre, post, change, resp, remit));
        assert_eq!(o.meaningful_change, None, "the PHQ-9 reports response, not meaningful change");
        let expected = match cat {
            J::Recovered | J::Improved => ReliableChange::Improved,
            J::Deteriorated => ReliableChange::Deteriorated,
            J::Unchanged => ReliableChange::None,
        };
        assert_eq!(o.reliable_change.unwrap().category, expected, "{pre}->{post}");
    }
    // WHO-5 is higher-is-better: a rise is the improvement.
    let who5 = lib().get("who5").unwrap().clone();
    let o = instrument_outcome(&who5, &[40, 60], &NotOnTrackRule::default()).unwrap();
    assert_eq!(o.reliable_change.unwrap().category, ReliableChange::Improved);
    let o = instrument_outcome(&who5, &[60, 44], &NotOnTrackRule::default()).unwrap();
    assert_eq!(o.reliable_change.unwrap().category, ReliableChange::Deteriorated);
    // GAD-7 uses the fixed 4-point criterion.
    let gad7 = lib().get("gad7").unwrap().clone();
    let o = instrument_outcome(&gad7, &[12, 8], &NotOnTrackRule::default()).unwrap();
    assert_eq!(o.reliable_change.unwrap().category, ReliableChange::Improved);
    let o = instrument_outcome(&gad7, &[12, 9], &NotOnTrackRule::default()).unwrap();
    assert_eq!(o.reliable_change.unwrap().category, ReliableChange::None);
}

// measures.md 7.3, cases A-E (finished treatment: a closed course, ≥2 sessions attended).
#[test]
fn worked_nhs_talking_therapies_examples() {
    let finished = Treatment { closed: true, attended_sessions: 8 };
    // caseness at start, recovered, reliably improved, reliably recovered, reliably deteriorated
    #[allow(clippy::type_complexity)]
    let table: &[(&str, (i64, i64), (i64, i64), (bool, Option<bool>, bool, Option<bool>, bool))] = &[
        ("A", (18, 7), (12, 6), (true, Some(true), true, Some(true), false)),
        ("B", (12, 9), (9, 7), (true, Some(true), false, Some(false), false)),
        // Not a case at the start: excluded from the recovery denominator (n/a).
        ("C", (8, 2), (6, 3), (false, None, true, None, false)),
        ("D", (15, 8), (10, 15), (true, Some(false), false, Some(false), false)),
        ("E", (11, 18), (9, 10), (true, Some(false), false, Some(false), true)),
    ];
    for (case, phq, gad, want) in table {
        let r = nhs_talking_therapies(&NHS_TT_V1, *phq, *gad, finished);
        let got =
            (r.caseness_at_start, r.recovered, r.reliably_improved, r.reliably_recovered, r.reliably_deteriorated);
        assert_eq!(&got, want, "case {case}");
        assert_eq!(r.rule_version, "nhs-tt-v1");
        assert_eq!(r.status, NhsStatus::Final, "case {case}");
    }
    // Boundaries: exactly at caseness counts; a change of exactly 6 / 4 is reliable.
    let r = nhs_talking_therapies(&NHS_TT_V1, (10, 4), (0, 0), finished);
    assert!(r.caseness_at_start && r.recovered == Some(true) && r.reliably_improved);
    let r = nhs_talking_therapies(&NHS_TT_V1, (9, 4), (7, 3), finished);
    assert!(!r.caseness_at_start && r.reliably_improved && r.recovered.is_none() && r.reliably_recovered.is_none());
    let r = nhs_talking_therapies(&NHS_TT_V1, (9, 9), (7, 11), finished);
    assert!(r.reliably_deteriorated && !r.reliably_improved);
}

#[test]
fn nhs_categories_are_final_only_for_a_closed_course_with_two_attended_sessions() {
    let status = |closed, attended_sessions| {
        nhs_talking_therapies(&NHS_TT_V1, (18, 7), (12, 6), Treatment { closed, attended_sessions }).status
    };
    assert_eq!(status(true, 2), NhsStatus::Final);
    assert_eq!(status(true, 1), NhsStatus::Provisional, "one attended session is not a course of treatment");
    assert_eq!(status(false, 12), NhsStatus::Provisional, "an open course is still running");
    assert_eq!(Treatment::default().status().as_str(), "provisional");
}

#[test]
fn phq9_and_gad7_are_paired_by_session_or_date() {
    use time::macros::date;
    let held = [date!(2025 - 01 - 07), date!(2025 - 01 - 14), date!(2025 - 01 - 21)];
    let at = |d| Occasion::of(d, &held);
    assert_eq!(at(date!(2025 - 01 - 06)), Occasion::Session(1), "the day before session 1 counts for it");
    assert_eq!(at(date!(2025 - 01 - 14)), Occasion::Session(2));
    assert_eq!(
        at(date!(2025 - 01 - 30)),
        Occasion::Date(date!(2025 - 01 - 30)),
        "after the last held session: its date"
    );
    // PHQ-9 at sessions 1, 2, 3; GAD-7 only at 1 and 3 (twice at 3: the later one counts).
    let phq = [(at(date!(2025 - 01 - 07)), 18), (at(date!(2025 - 01 - 13)), 15), (at(date!(2025 - 01 - 21)), 7)];
    let gad = [(at(date!(2025 - 01 - 07)), 12), (at(date!(2025 - 01 - 20)), 9), (at(date!(2025 - 01 - 21)), 6)];
    let pairs = pair_scores(&phq, &gad);
    assert_eq!(pairs, vec![(Occasion::Session(1), 18, 12), (Occasion::Session(3), 7, 6)], "no GAD-7 at session 2");
    assert_eq!(first_and_last_pairs(&pairs), Some(((18, 7), (12, 6))));
    // Unpaired scores never pair across occasions: a GAD-7 from another day is not used.
    let gad = [(at(date!(2025 - 01 - 07)), 12), (Occasion::Date(date!(2025 - 02 - 01)), 3)];
    let pairs = pair_scores(&phq, &gad);
    assert_eq!(pairs.len(), 1);
    assert_eq!(first_and_last_pairs(&pairs), None, "one paired occasion: no first-and-last");
    // Without a course, by date.
    let phq = [(Occasion::of(date!(2025 - 03 - 01), &[]), 14), (Occasion::of(date!(2025 - 04 - 01), &[]), 8)];
    let gad = [(Occasion::of(date!(2025 - 03 - 01), &[]), 10), (Occasion::of(date!(2025 - 04 - 01), &[]), 5)];
    assert_eq!(first_and_last_pairs(&pair_scores(&phq, &gad)), Some(((14, 8), (10, 5))));
}

#[test]
fn response_and_remission_need_a_baseline_at_caseness() {
    let l = lib();
    let cats = |id: &str, pre: i64, post: i64| honest_categories(l.get(id).unwrap(), 2, pre, post);
    // PHQ-9 (caseness ≥10): 10 → 4 is response and remission; 9 → 0 is n/a.
    assert_eq!((cats("phq9", 10, 4).response, cats("phq9", 10, 4).remission), (Some(true), Some(true)));
    assert_eq!((cats("phq9", 9, 0).response, cats("phq9", 9, 0).remission), (None, None));
    // GAD-7 (caseness ≥8): response, no remission rule.
    assert_eq!((cats("gad7", 8, 4).response, cats("gad7", 8, 4).remission), (Some(true), None));
    assert_eq!(cats("gad7", 7, 0).response, None);
    // HAM-D-17 (caseness ≥14): 14 → 7 response and remission (≤7); 13 → 3 n/a.
    assert_eq!((cats("hamd17", 14, 7).response, cats("hamd17", 14, 7).remission), (Some(true), Some(true)));
    assert_eq!((cats("hamd17", 16, 9).response, cats("hamd17", 16, 9).remission), (Some(false), Some(false)));
    assert_eq!((cats("hamd17", 13, 3).response, cats("hamd17", 13, 3).remission), (None, None));
    // QIDS-SR16 (caseness ≥11): 14 → 7 is a 50 % drop; 10 → 2 n/a.
    assert_eq!(cats("qids_sr16", 14, 7).response, Some(true));
    assert_eq!(cats("qids_sr16", 10, 2).response, None);
    // WHO-5 reports a 10-point change instead; PHQ-2 (a screener) nothing.
    let w = cats("who5", 40, 52);
    assert_eq!((w.response, w.remission, w.meaningful_change), (None, None, Some(ReliableChange::Improved)));
    assert_eq!(cats("who5", 40, 48).meaningful_change, Some(ReliableChange::None), "8 points is not meaningful");
    assert_eq!(cats("who5", 60, 50).meaningful_change, Some(ReliableChange::Deteriorated), "a 10-point fall");
    let p = cats("phq2", 6, 0);
    assert_eq!((p.response, p.remission, p.meaningful_change), (None, None, None));
    // A single score: nothing to compare.
    let one = honest_categories(l.get("phq9").unwrap(), 1, 18, 18);
    assert_eq!((one.response, one.remission), (None, None));
    assert_eq!(honest_categories(l.get("who5").unwrap(), 1, 40, 40).meaningful_change, None);
}

#[test]
fn not_on_track_rule() {
    let phq9 = lib().get("phq9").unwrap().clone();
    let rule = NotOnTrackRule::default();
    assert!(not_on_track(&rule, &phq9, &[12, 13, 15]).is_empty(), "a rise of 3 is not reliable");
    assert_eq!(not_on_track(&rule, &phq9, &[12, 18, 11]), [NotOnTrackReason::ReliableDeterioration]);
    assert_eq!(not_on_track(&rule, &phq9, &[16, 15, 14, 14, 13, 12]), [NotOnTrackReason::NoImprovementByReview]);
    assert!(not_on_track(&rule, &phq9, &[16, 15, 14, 12, 10, 9]).is_empty());
    assert!(not_on_track(&rule, &phq9, &[16, 15, 14, 14, 13]).is_empty(), "before the review point");
    let off = NotOnTrackRule { reliable_deterioration: false, review_after_scores: 0, ..rule.clone() };
    assert!(not_on_track(&off, &phq9, &[12, 20, 20, 20, 20, 20]).is_empty());
    // No reliable-change parameters (HAM-D): the minimum reduction applies, and the reason says so.
    let hamd = lib().get("hamd17").unwrap().clone();
    assert_eq!(not_on_track(&rule, &hamd, &[20, 20, 19, 18, 17, 17]), [NotOnTrackReason::TooLittleReductionByReview]);
    assert!(not_on_track(&rule, &hamd, &[20, 20, 19, 18, 17, 16]).is_empty());
}

#[test]
fn not_on_track_reviews_at_the_protocols_held_session() {
    let phq9 = lib().get("phq9").unwrap().clone();
    let rule = NotOnTrackRule::default();
    let protocols = crate::protocol::ProtocolSet::shipped();
    let at = |id: &str| protocols.get(id).unwrap().review_session();
    // Session 6 of 12-16; proportionally earlier for brief IPT and IPC; never in maintenance.
    assert_eq!((at("ipt-individual"), at("ipt-brief"), at("ipc"), at("ipt-m")), (Some(6), Some(3), Some(3), None));
    let flat = [16, 15, 15];
    let review = |held| Review::Session { at: 3, held };
    // Brief IPT, three scores, no reliable improvement: on track until session 3 is held.
    assert!(not_on_track_at(&rule, &phq9, &flat, review(2)).is_empty());
    assert_eq!(not_on_track_at(&rule, &phq9, &flat, review(3)), [NotOnTrackReason::NoImprovementByReview]);
    // The score count no longer decides within a course: six flat scores before session 6 is held.
    let six = [16, 15, 14, 14, 13, 12];
    assert!(not_on_track_at(&rule, &phq9, &six, Review::Session { at: 6, held: 5 }).is_empty());
    assert_eq!(
        not_on_track_at(&rule, &phq9, &six, Review::Session { at: 6, held: 6 }),
        [NotOnTrackReason::NoImprovementByReview]
    );
    assert!(not_on_track_at(&rule, &phq9, &[16, 9], Review::Session { at: 6, held: 8 }).is_empty(), "improved by 7");
    assert!(not_on_track_at(&rule, &phq9, &[16], Review::Session { at: 6, held: 8 }).is_empty(), "a baseline alone");
    // Maintenance: deterioration still counts, the review never comes.
    assert!(not_on_track_at(&rule, &phq9, &six, Review::Never).is_empty());
    assert_eq!(not_on_track_at(&rule, &phq9, &[8, 15], Review::Never), [NotOnTrackReason::ReliableDeterioration]);
    // A site protocol without the field: 6/16 of its default contract, at least session 2.
    let site = crate::protocol::ProtocolSet::with_site_file(
        "protocols.toml",
        "[[protocol]]\nid = \"short\"\nname = \"Short\"\nschool = \"weissman\"\n\
         sessions = { min = 4, max = 10, default = 10 }\nfrequency = \"weekly\"\nsession_minutes = 50\n\
         initial_sessions = 1\ntermination_sessions = 1\nproblem_areas = [{ id = \"grief\", label = \"Grief\" }]\n\
         max_problem_areas = 1\nchecklist = []\n",
    )
    .unwrap();
    assert_eq!(site.get("short").unwrap().review_session(), Some(4), "10 × 6/16 = 3.75 → 4");
    let e = crate::protocol::ProtocolSet::with_site_file(
        "protocols.toml",
        "[[protocol]]\nid = \"short\"\nname = \"Short\"\nschool = \"weissman\"\n\
         sessions = { min = 4, max = 10, default = 10 }\nfrequency = \"weekly\"\nsession_minutes = 50\n\
         initial_sessions = 1\ntermination_sessions = 1\nproblem_areas = [{ id = \"grief\", label = \"Grief\" }]\n\
         max_problem_areas = 1\nchecklist = []\nmeasure_review_session = 11\n",
    )
    .unwrap_err();
    assert!(e.contains("measure_review_session 11"), "{e}");
}

#[test]
fn qids_sr16_is_scored_as_its_form_instructs() {
    let l = lib();
    let q = l.get("qids_sr16").unwrap();
    // measures.md 7.1 example 11 with the items the form says to skip left blank:
    // item 7 (after 6) and item 9 (after 8). Same total, 14.
    let mut a = full(&[1, 2, 0, 0, 2, 1, 0, 1, 0, 2, 1, 1, 2, 2, 1, 0]);
    a[6] = None;
    a[8] = None;
    let r = score(q, &a).unwrap();
    assert_eq!((r.total, r.band.as_deref(), r.complete, r.prorated), (Some(14), Some("moderate"), true, false));
    assert_eq!(r.missing, vec![7, 9], "the blank items are still recorded as missing");
    assert!(!r.flags.contains(&"incomplete".to_string()));
    // Domains take their worst item: sleep max(1-4), appetite/weight max(6-9), psychomotor max(15-16).
    let r = score(q, &full(&[0, 0, 0, 3, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 3])).unwrap();
    assert_eq!(r.total, Some(3 + 2 + 3));
    // Only items 6/7 answered, neither 8 nor 9: the appetite/weight domain is not answered.
    let mut b = full(&[1, 2, 0, 0, 2, 1, 0, 1, 0, 2, 1, 1, 2, 2, 1, 0]);
    b[7] = None;
    b[8] = None;
    let r = score(q, &b).unwrap();
    assert_eq!((r.total, r.complete), (None, false));
    assert!(r.flags.contains(&"incomplete".to_string()));
    // A whole domain missing (psychomotor, items 15-16) withholds the total; risk still counts.
    let mut c = full(&[1, 2, 0, 0, 2, 1, 0, 1, 0, 2, 1, 2, 2, 2, 1, 0]);
    c[14] = None;
    c[15] = None;
    let r = score(q, &c).unwrap();
    assert_eq!((r.total, r.complete), (None, false));
    assert_eq!(r.risk, vec![RiskHit { item: 12, score: 2, rule: "R4".into() }]);
    // One sleep item is enough for the sleep domain (measures.md section 4: each domain has an answer).
    let mut d = full(&[1, 2, 0, 0, 2, 1, 0, 1, 0, 2, 1, 1, 2, 2, 1, 0]);
    d[2] = None;
    d[3] = None;
    assert_eq!(score(q, &d).unwrap().total, Some(14));
    assert_eq!(q.version, "2", "a new scoring of the definition needs a new version");
    assert_eq!(SCORING_VERSION, "rapport-scoring-2");
}

#[test]
fn prorating_is_capped_in_scoring_and_in_definitions() {
    let mut phq9 = lib().get("phq9").unwrap().clone();
    assert_eq!(phq9.prorate_cap(), 2, "PHQ-9: at most 2 missing (NHS Data Dictionary)");
    assert_eq!(lib().get("gad7").unwrap().prorate_cap(), 1, "20 % of 7 items");
    assert_eq!(lib().get("hamd17").unwrap().prorate_cap(), 3, "20 % of 17 items");
    assert_eq!(lib().get("phq2").unwrap().prorate_cap(), 0, "a 2-item screener is never prorated");
    // A definition asking for more is refused, naming the field.
    phq9.missing = MissingRule { rule: MissingRuleKind::Prorate, max_missing: 3 };
    let e = phq9.validate().unwrap_err();
    assert!(e.iter().any(|(f, m)| f == "missing.max_missing" && m.contains("at most 2")), "{e:?}");
    let mut gad7 = lib().get("gad7").unwrap().clone();
    gad7.missing = MissingRule { rule: MissingRuleKind::Prorate, max_missing: 2 };
    assert!(gad7.validate().unwrap_err().iter().any(|(f, _)| f == "missing.max_missing"));
    gad7.missing.max_missing = 0;
    assert!(gad7.validate().unwrap_err().iter().any(|(f, _)| f == "missing.max_missing"));
    // The scoring rule enforces the cap too, whatever an unvalidated definition says.
    let mut gad7 = lib().get("gad7").unwrap().clone();
    gad7.missing = MissingRule { rule: MissingRuleKind::Prorate, max_missing: 6 };
    let mut a = full(&[2, 2, 2, 2, 2, 2, 2]);
    a[0] = None;
    assert_eq!(score(&gad7, &a).unwrap().total, Some(14), "one missing of seven is within the cap");
    a[1] = None;
    assert_eq!(score(&gad7, &a).unwrap().total, None, "two missing of seven is above 20 %");
    // Never with a risk item missing.
    let mut phq9 = lib().get("phq9").unwrap().clone();
    phq9.missing = MissingRule { rule: MissingRuleKind::Prorate, max_missing: 2 };
    let mut a = full(&[2, 2, 2, 2, 1, 1, 1, 1, 0]);
    a[8] = None;
    let r = score(&phq9, &a).unwrap();
    assert_eq!((r.total, r.prorated), (None, false), "item 9 missing: no prorated total");
}

#[test]
fn hamd17_ships_hamiltons_item_anchors() {
    let l = lib();
    let h = l.get("hamd17").unwrap();
    assert_eq!(h.version, "2");
    // Every item has its own anchors, with the item maxima of measures.md 3.5.
    let four = [1, 2, 3, 7, 8, 9, 10, 11, 15];
    for it in &h.items {
        let opts = h.options_for(it);
        assert_eq!(opts.len(), if four.contains(&it.number) { 5 } else { 3 }, "item {}", it.number);
        assert_eq!(it.options, it.id, "item {} has its own option set", it.number);
        assert!(opts.iter().enumerate().all(|(i, o)| o.code == i as i64 && o.score == i as i64));
        assert!(opts.iter().all(|o| !o.label.is_empty()));
    }
    let labels = |n: usize| h.options_for(&h.items[n - 1]).iter().map(|o| o.label.as_str()).collect::<Vec<_>>();
    assert_eq!(
        labels(17),
        [
            "Acknowledges being depressed and ill",
            "Acknowledges illness but attributes cause to bad food, climate, overwork, virus, need for rest, etc.",
            "Denies being ill at all"
        ]
    );
    assert_eq!(labels(3)[1], "Feels life is not worth living");
    assert_eq!(labels(9)[4], "Hand wringing, nail biting, hair-pulling, biting of lips");
    assert_eq!(h.items[16].text, "Insight");
}

#[test]
fn forms_carry_attribution_and_the_gad7_difficulty_question() {
    let l = lib();
    let pfizer = "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an \
                  educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.";
    for id in ["phq9", "phq2", "gad7"] {
        assert_eq!(l.get(id).unwrap().attribution.as_deref(), Some(pfizer), "{id}");
    }
    assert!(l.get("who5").unwrap().attribution.as_deref().unwrap().contains("Psychiatric Centre North Zealand"));
    let gad7 = l.get("gad7").unwrap();
    assert_eq!(gad7.unscored_items.len(), 1);
    let d = &gad7.unscored_items[0];
    assert!(d.text.starts_with("If you checked any problems, how difficult have they made it"), "{}", d.text);
    assert_eq!(
        gad7.options_for(d).iter().map(|o| o.label.as_str()).collect::<Vec<_>>(),
        ["Not difficult at all", "Somewhat difficult", "Very difficult", "Extremely difficult"]
    );
    // Not scored: the total is the 7 items' sum whatever the difficulty answer.
    let r = score(gad7, &full(&[2, 1, 2, 1, 0, 1, 1])).unwrap();
    assert_eq!(r.total, Some(8));
    assert_eq!(l.get("phq2").unwrap().follow_up.as_deref(), Some("phq9"), "a positive PHQ-2 offers the PHQ-9");
    for i in l.all() {
        assert_eq!(i.language.as_deref(), Some("en"), "{}", i.id);
    }
}

#[test]
fn site_files_are_validated_with_file_and_field_named() {
    let epds = BUILTIN.iter().find(|(f, _)| *f == "epds.json").unwrap().1;
    // Same version as the shipped file: refused.
    let e = lib().with_site_files(&[("epds.json".into(), epds.into())]).unwrap_err();
    assert_eq!((e[0].file.as_str(), e[0].field.as_str()), ("epds.json", "version"));
    // A licensed site imports the text under a new version.
    let mut v: serde_json::Value = serde_json::from_str(epds).unwrap();
    v["version"] = "1-site-en".into();
    v["text_placeholder"] = false.into();
    v["items"][9]["text"] = "Imported text of item 10".into();
    let l = lib().with_site_files(&[("epds-en.json".into(), v.to_string())]).unwrap();
    assert_eq!(l.get("epds").unwrap().items[9].text, "Imported text of item 10");
    assert_eq!(l.get("epds").unwrap().version, "1-site-en");

    let bad = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(epds).unwrap();
        v["id"] = "site_scale".into();
        f(&mut v);
        lib().with_site_files(&[("site.json".into(), v.to_string())]).unwrap_err()
    };
    let e = bad(&|v| v["range"]["max"] = 31.into());
    assert_eq!(e[0].field, "range");
    assert!(e[0].to_string().starts_with("site.json: range: "), "{}", e[0]);
    let e = bad(&|v| v["band_sets"][0]["bands"][1]["min"] = 11.into());
    assert_eq!(e[0].field, "band_sets[0].bands[1].min");
    let e = bad(&|v| v["items"][2]["options"] = "nope".into());
    assert_eq!(e[0].field, "items[2].options");
    let e = bad(&|v| v["risk_items"][0]["item"] = 11.into());
    assert_eq!(e[0].field, "risk_items[0].item");
    let e = bad(&|v| v["band_sets"][0]["bands"][0]["id"] = "Below Threshold".into());
    assert_eq!(e[0].field, "band_sets[0].bands[0].id");
    let e = bad(&|v| v["colour"] = "blue".into());
    assert!(e[0].message.contains("unknown field"), "{}", e[0]);
    let e = bad(&|v| v["items"][0]["number"] = "one".into());
    assert_eq!(e[0].field, "items[0].number");
    let e = bad(&|v| v["id"] = "phq8".into());
    assert_eq!(e[0].field, "id");
    let e = lib().with_site_files(&[("x.json".into(), "{".into())]).unwrap_err();
    assert_eq!(e[0].file, "x.json");
}

/// A shipped definition as a site would start its own from: the structure
/// and English text, without the shipped translations (a changed item list
/// would otherwise fail them first).
fn shipped_json(file: &str) -> serde_json::Value {
    let mut v: serde_json::Value = serde_json::from_str(BUILTIN.iter().find(|(f, _)| *f == file).unwrap().1).unwrap();
    v.as_object_mut().unwrap().remove("translations");
    v
}

fn load_site(file: &str, v: &serde_json::Value) -> Result<Library, Vec<DefinitionError>> {
    lib().with_site_files(&[(file.into(), v.to_string())])
}

#[test]
fn a_licensed_site_imports_text_as_an_overlay() {
    let labels = |n: usize| (0..4).map(|o| format!("Answer {o} to item {n}")).collect::<Vec<_>>();
    let items: Vec<serde_json::Value> = (1..=10)
        .map(|n| serde_json::json!({"number": n, "text": format!("Licensed text of item {n}"), "option_labels": labels(n)}))
        .collect();
    let overlay = serde_json::json!({
        "overlay": "epds", "base_version": "1", "version": "site-en-1", "language": "en-GB",
        "instructions": "As you are pregnant or have recently had a baby, we would like to know how you are feeling.",
        "items": items
    });
    let l = load_site("epds-en.json", &overlay).unwrap();
    let e = l.get("epds").unwrap();
    assert_eq!((e.version.as_str(), e.language.as_deref(), e.text_placeholder), ("1+site-en-1", Some("en-GB"), false));
    assert_eq!(e.items[9].text, "Licensed text of item 10");
    assert_eq!(e.options_for(&e.items[2])[3].label, "Answer 3 to item 3");
    // The structure is the shipped one: measures.md 7.1 example 8 scores the same.
    let r = score(e, &full(&[1, 0, 1, 2, 2, 1, 2, 1, 2, 3])).unwrap();
    assert_eq!((r.total, r.subscores.get("epds_3a")), (Some(12), Some(&5)));
    assert!(structure_changes_none(e));

    // Shared labels per option set work too (QIDS-SR16 has one option set).
    let q_items: Vec<serde_json::Value> =
        (1..=16).map(|n| serde_json::json!({"number": n, "text": format!("QIDS text {n}")})).collect();
    let q = serde_json::json!({"overlay": "qids_sr16", "base_version": "2", "version": "de-1", "language": "de",
        "items": q_items, "option_labels": {"score_0_3": ["a", "b", "c", "d"]}});
    let l = load_site("qids-de.json", &q).unwrap();
    assert_eq!(l.get("qids_sr16").unwrap().options_for(&l.get("qids_sr16").unwrap().items[0])[1].label, "b");

    // Errors name the file, the instrument and the field.
    let bad = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = overlay.clone();
        f(&mut v);
        load_site("epds-en.json", &v).unwrap_err()
    };
    let e = bad(&|v| v["base_version"] = "0".into());
    assert_eq!((e[0].file.as_str(), e[0].field.as_str()), ("epds-en.json", "base_version"));
    assert!(e[0].message.contains("EPDS (epds)"), "{}", e[0]);
    let e = bad(&|v| v["items"].as_array_mut().unwrap().truncate(9));
    assert_eq!(e[0].field, "items");
    assert!(e[0].message.contains("missing: 10"), "{}", e[0]);
    let e = bad(&|v| v["items"][0]["option_labels"] = serde_json::json!(["one", "two"]));
    assert_eq!(e[0].field, "items[0].option_labels");
    let e = bad(&|v| v["items"][0]["number"] = 11.into());
    assert_eq!(e[0].field, "items[0].number");
    let e = bad(&|v| v["overlay"] = "bdi2".into());
    assert_eq!(e[0].field, "overlay");
    let e = bad(&|v| v["items"][0]["score"] = 3.into());
    assert!(e[0].field.starts_with("items[0]") && e[0].message.contains("unknown field"), "{}", e[0]);
    // Text without labels for a licensed instrument: the placeholders would show.
    let e = bad(&|v| {
        for it in v["items"].as_array_mut().unwrap() {
            it.as_object_mut().unwrap().remove("option_labels");
        }
    });
    assert_eq!(e[0].field, "option_labels");
}

fn structure_changes_none(i: &Instrument) -> bool {
    site::structure_changes(lib().get(&i.id).unwrap(), i).is_empty()
}

#[test]
fn a_site_replacement_may_not_change_a_shipped_structure() {
    let refused = |file: &str, f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = shipped_json(file);
        v["version"] = "1-site".into();
        f(&mut v);
        load_site("site.json", &v).unwrap_err()
    };
    // Wording and norms may change.
    let mut v = shipped_json("phq9.json");
    v["version"] = "1-local-norms".into();
    v["items"][0]["text"] = "Little interest or pleasure in doing things (local wording)".into();
    v["reliable_change"]["sd"] = 5.5.into();
    assert!(load_site("phq9-local.json", &v).is_ok());
    // The structure may not.
    let e = refused("phq9.json", &|v| {
        v["items"].as_array_mut().unwrap().pop();
        v["unscored_items"][0]["number"] = 9.into();
        v["risk_items"] = serde_json::json!([]);
        v["range"]["max"] = 24.into();
        v["band_sets"][0]["bands"][4]["max"] = 24.into();
    });
    let fields: Vec<&str> = e.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["items", "range", "risk_items"]);
    assert!(
        e[0].to_string().starts_with("site.json: items: 8 scored items where the shipped PHQ-9 (phq9) has 9"),
        "{}",
        e[0]
    );
    let e = refused("phq9.json", &|v| {
        // Same range, other scores: "More than half the days" would score 3.
        v["option_sets"]["frequency"][2]["score"] = 3.into();
        v["option_sets"]["frequency"][3]["score"] = 2.into();
    });
    assert!(e.iter().any(|e| e.field == "items[0].options"), "{e:?}");
    let e = refused("epds.json", &|v| v["items"][2]["reverse"] = false.into());
    assert_eq!(e[0].field, "items[2].reverse");
    let e = refused("qids_sr16.json", &|v| {
        v["scoring"]["domains"][0]["combine"] = "sum".into();
        v["range"]["max"] = 36.into();
        v["band_sets"][0]["bands"][4]["max"] = 36.into();
    });
    assert_eq!(e.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["scoring", "range"]);
    let e = refused("hamd17.json", &|v| v["risk_items"][0]["min_score"] = 2.into());
    assert_eq!(e[0].field, "risk_items");
    let e = refused("who5.json", &|v| v["direction"] = "higher_is_worse".into());
    assert_eq!(e[0].field, "direction");
    // The prorating cap holds for site definitions too.
    let e = refused("phq9.json", &|v| v["missing"] = serde_json::json!({"rule": "prorate", "max_missing": 3}));
    assert_eq!(e[0].field, "missing.max_missing");
    let mut ok = shipped_json("phq9.json");
    ok["version"] = "1-prorate".into();
    ok["missing"] = serde_json::json!({"rule": "prorate", "max_missing": 2});
    assert!(load_site("phq9.json", &ok).is_ok());
}

#[test]
fn a_site_instrument_equal_to_the_phq9_without_item_9_is_refused() {
    let mut v = shipped_json("phq9.json");
    v["id"] = "depression_8".into();
    v["short_name"] = "DEP-8".into();
    v["items"].as_array_mut().unwrap().pop();
    v["unscored_items"][0]["number"] = 9.into();
    v["risk_items"] = serde_json::json!([]);
    v["range"]["max"] = 24.into();
    v["band_sets"][0]["bands"][4]["max"] = 24.into();
    let e = load_site("dep8.json", &v).unwrap_err();
    assert_eq!((e[0].file.as_str(), e[0].field.as_str()), ("dep8.json", "items"));
    assert!(e[0].message.contains("\"depression_8\" is the PHQ-9 without its risk item 9"), "{}", e[0]);
    // Renamed item ids do not hide it: the texts match.
    let mut w = v.clone();
    for (i, it) in w["items"].as_array_mut().unwrap().iter_mut().enumerate() {
        it["id"] = format!("q{}", i + 1).into();
        it.as_object_mut().unwrap().remove("loinc");
    }
    assert!(load_site("dep8.json", &w).is_err());
    // A different 8-item scale with 0-3 answers is a new instrument, not the PHQ-8.
    let mut other = w.clone();
    for (i, it) in other["items"].as_array_mut().unwrap().iter_mut().enumerate() {
        it["text"] = format!("Another scale's question {}", i + 1).into();
    }
    assert!(load_site("other.json", &other).unwrap().get("depression_8").is_some());
}
