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
    // Items ≥2 are 1, 2, 4, 6, plus item 9 (≥1): 5 including item 1.
    assert_eq!(e1.diagnostic_algorithm.as_deref(), Some("major_depressive_syndrome"));
    assert_eq!(phq9_algorithm(&[2, 0, 0, 2, 0, 0, 0, 0, 0]), Some("other_depressive_syndrome"));
    assert_eq!(phq9_algorithm(&[0, 0, 2, 2, 2, 2, 2, 2, 1]), Some("none"), "neither item 1 nor 2");
    assert_eq!(phq9_algorithm(&[2, 0, 0, 0, 0, 0, 0, 0, 0]), Some("none"));

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
    let c = cutoffs(&Norms { m1: 15.0, s1: 5.0, m0: 3.0, s0: 3.0 });
    assert_eq!((c.a, c.b, c.c), (5.0, 9.0, 7.5));
    let r = reliable_change(&p, Direction::HigherIsWorse, 18, 7);
    assert!((r.se.unwrap() - 2.0).abs() < 1e-9);
    assert!((r.s_diff.unwrap() - 2.828).abs() < 1e-3);
    assert!((r.threshold - 5.54).abs() < 5e-3);
    assert_eq!(r.params, p, "parameters are kept with the result");
    let phq9 = lib().get("phq9").unwrap().clone();
    use ClinicalSignificance as J;
    let table: &[(i64, i64, i64, f64, J, bool, bool)] = &[
        (18, 7, -11, -3.89, J::Recovered, true, false),
        (18, 9, -9, -3.18, J::Improved, true, false),
        (18, 10, -8, -2.83, J::Improved, false, false),
        (14, 10, -4, -1.41, J::Unchanged, false, false),
        (12, 18, 6, 2.12, J::Deteriorated, false, false),
        (9, 4, -5, -1.77, J::Unchanged, true, true),
    ];
    for &(pre, post, change, rci, cat, resp, remit) in table {
        let r = reliable_change(&p, Direction::HigherIsWorse, pre, post);
        assert_eq!(post - pre, change);
        assert!((r.rci.unwrap() - rci).abs() < 0.005, "{pre}->{post}: {:?}", r.rci);
        assert_eq!(clinical_significance(&r, post, c.c, Direction::HigherIsWorse), cat, "{pre}->{post}");
        assert_eq!(response(pre, post, Direction::HigherIsWorse, 27), resp, "{pre}->{post} response");
        assert_eq!(remission(&phq9, post), Some(remit), "{pre}->{post} remission");
        let o = instrument_outcome(&phq9, &[pre, post], &NotOnTrackRule::default()).unwrap();
        assert_eq!((o.baseline, o.latest, o.change, o.response, o.remission), (pre, post, change, resp, Some(remit)));
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

// measures.md 7.3, cases A-E.
#[test]
fn worked_nhs_talking_therapies_examples() {
    #[allow(clippy::type_complexity)]
    let table: &[(&str, (i64, i64), (i64, i64), [bool; 5])] = &[
        ("A", (18, 7), (12, 6), [true, true, true, true, false]),
        ("B", (12, 9), (9, 7), [true, true, false, false, false]),
        ("C", (8, 2), (6, 3), [false, false, true, false, false]),
        ("D", (15, 8), (10, 15), [true, false, false, false, false]),
        ("E", (11, 18), (9, 10), [true, false, false, false, true]),
    ];
    for (case, phq, gad, want) in table {
        let r = nhs_talking_therapies(&NHS_TT_V1, *phq, *gad);
        let got =
            [r.caseness_at_start, r.recovered, r.reliably_improved, r.reliably_recovered, r.reliably_deteriorated];
        assert_eq!(&got, want, "case {case}");
        assert_eq!(r.rule_version, "nhs-tt-v1");
    }
    // Boundaries: exactly at caseness counts; a change of exactly 6 / 4 is reliable.
    let r = nhs_talking_therapies(&NHS_TT_V1, (10, 4), (0, 0));
    assert!(r.caseness_at_start && r.recovered && r.reliably_improved);
    let r = nhs_talking_therapies(&NHS_TT_V1, (9, 4), (7, 3));
    assert!(!r.caseness_at_start && r.reliably_improved);
    let r = nhs_talking_therapies(&NHS_TT_V1, (9, 9), (7, 11));
    assert!(r.reliably_deteriorated && !r.reliably_improved);
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
    // No reliable-change parameters (HAM-D): the minimum reduction applies.
    let hamd = lib().get("hamd17").unwrap().clone();
    assert_eq!(not_on_track(&rule, &hamd, &[20, 20, 19, 18, 17, 17]), [NotOnTrackReason::NoImprovementByReview]);
    assert!(not_on_track(&rule, &hamd, &[20, 20, 19, 18, 17, 16]).is_empty());
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
