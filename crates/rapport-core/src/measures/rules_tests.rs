//! The instrument rules of issue 19 (item 7): EPDS item scores shown on the
//! clinician's form, the PHQ-9 algorithm's impairment question, QIDS-SR16
//! remission, reliable-change parameters with their sources, and
//! Jacobson–Truax clinical significance in both directions.

use super::change::*;
use super::definition::*;
use super::scoring::*;
use proptest::prelude::*;

fn lib() -> Library {
    Library::builtin()
}

fn inst(id: &str) -> Instrument {
    lib().get(id).unwrap().clone()
}

#[test]
fn epds_item_scores_follow_reverse_scoring_and_match_the_engine() {
    let epds = inst("epds");
    assert!(epds.has_reverse_items());
    assert!(!inst("phq9").has_reverse_items());
    // Items 1, 2 and 4 score their position; 3 and 5-10 are reversed (measures.md 3.6).
    for item in &epds.items {
        let scores: Vec<i64> = (0..4).map(|code| epds.item_score(item, code).unwrap()).collect();
        let want = if [1, 2, 4].contains(&item.number) { vec![0, 1, 2, 3] } else { vec![3, 2, 1, 0] };
        assert_eq!(scores, want, "EPDS item {}", item.number);
        assert_eq!(epds.item_score(item, 4), None, "a code the item does not have");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The score the form shows beside each chosen EPDS answer is the item
    /// score the engine stores.
    #[test]
    fn the_shown_item_score_is_the_stored_one(codes in proptest::collection::vec(0i64..4, 10)) {
        let epds = inst("epds");
        let answers: Vec<Option<i64>> = codes.iter().copied().map(Some).collect();
        let s = score(&epds, &answers).unwrap();
        let shown: Vec<Option<i64>> = epds.items.iter().zip(&codes).map(|(it, c)| epds.item_score(it, *c)).collect();
        prop_assert_eq!(&shown, &s.item_scores);
        prop_assert_eq!(s.total, Some(shown.iter().flatten().sum::<i64>()));
    }

    /// The PHQ-9 algorithm names a syndrome only with the impairment question
    /// answered "somewhat difficult" or worse.
    #[test]
    fn a_phq9_syndrome_needs_functional_impairment(
        items in proptest::collection::vec(0i64..4, 9),
        difficulty in proptest::option::of(0i64..4),
    ) {
        let r = phq9_algorithm(&items, difficulty).unwrap();
        let syndrome = matches!(r, Phq9Algorithm::MajorDepressiveSyndrome | Phq9Algorithm::OtherDepressiveSyndrome);
        if syndrome {
            prop_assert!(difficulty.is_some_and(|d| d >= 1));
        }
        // With impairment, the answer is the symptom count's.
        let symptoms = phq9_algorithm(&items, Some(3)).unwrap();
        match difficulty {
            Some(0) => prop_assert_eq!(r, Phq9Algorithm::None),
            Some(_) => prop_assert_eq!(r, symptoms),
            None if symptoms == Phq9Algorithm::None => prop_assert_eq!(r, Phq9Algorithm::None),
            None => prop_assert_eq!(r, Phq9Algorithm::ImpairmentNotRecorded),
        }
    }

    /// Nobody who started on the healthy side of the cut-off is called
    /// recovered, on either direction of scale; recovered always means a
    /// reliable improvement across the cut-off from the ill side.
    #[test]
    fn recovered_only_from_the_ill_side_across_the_cut_off(
        pre in 0i64..=100,
        post in 0i64..=100,
        cutoff in 0.5f64..99.5,
        points in 1.0f64..20.0,
        better in any::<bool>(),
    ) {
        let direction = if better { Direction::HigherIsBetter } else { Direction::HigherIsWorse };
        let p = ReliableChangeParams::Points { points, source: "test".into() };
        let rci = reliable_change(&p, direction, pre, post);
        let cat = clinical_significance(&rci, pre, post, cutoff, direction);
        if functional(pre, cutoff, direction) {
            prop_assert_ne!(cat, ClinicalSignificance::Recovered);
        }
        if cat == ClinicalSignificance::Recovered {
            prop_assert_eq!(rci.category, ReliableChange::Improved);
            prop_assert!(!functional(pre, cutoff, direction) && functional(post, cutoff, direction));
        }
        // Improvement follows the direction: on WHO-5 a rise, elsewhere a fall.
        if rci.category == ReliableChange::Improved {
            prop_assert_eq!(post > pre, better);
        }
    }
}

#[test]
fn the_recovered_property_reaches_both_sides_of_its_assertions() {
    // Guards the generator above: each branch is hit by some input in range.
    let p = ReliableChangeParams::Points { points: 10.0, source: "test".into() };
    let worse = Direction::HigherIsWorse;
    let r = reliable_change(&p, worse, 20, 5);
    assert_eq!(clinical_significance(&r, 20, 5, 10.0, worse), ClinicalSignificance::Recovered);
    let r = reliable_change(&p, worse, 8, 0);
    assert_eq!(r.category, ReliableChange::None, "a drop of 8 is under 10 points");
    let r = reliable_change(&p, worse, 9, -3);
    assert_eq!(clinical_significance(&r, 9, -3, 10.0, worse), ClinicalSignificance::Improved, "started below");
}

#[test]
fn who5_clinical_significance_runs_upwards() {
    // WHO-5 percentage: higher is better. Illustrative norms: depressed M1 = 40, s1 = 15;
    // population M0 = 70, s0 = 15 (measures.md 3.4: "population mean ≈70; depressed ≈40").
    let n = Norms { m1: 40.0, s1: 15.0, m0: 70.0, s0: 15.0 };
    let c = cutoffs(&n, Direction::HigherIsBetter);
    assert_eq!((c.a, c.b, c.c), (70.0, 40.0, 55.0));
    let worse = cutoffs(&n, Direction::HigherIsWorse);
    assert_eq!((worse.a, worse.b, worse.c), (10.0, 100.0, 55.0), "the same norms read the other way");
    let who5 = inst("who5");
    let rc = who5.reliable_change.clone().unwrap();
    let cat = |pre, post| {
        let r = reliable_change(&rc, who5.direction, pre, post);
        clinical_significance(&r, pre, post, c.c, who5.direction)
    };
    assert_eq!(cat(32, 64), ClinicalSignificance::Recovered, "a rise across 55");
    assert_eq!(cat(32, 48), ClinicalSignificance::Improved, "reliable rise, still below 55");
    assert_eq!(cat(60, 80), ClinicalSignificance::Improved, "started above the cut-off: never recovered");
    assert_eq!(cat(64, 32), ClinicalSignificance::Deteriorated);
    assert_eq!(cat(48, 52), ClinicalSignificance::Unchanged);
}

#[test]
fn phq9_started_below_the_cut_off_is_improved_not_recovered() {
    let p = ReliableChangeParams::JacobsonTruax { sd: 5.0, reliability: 0.84, source: "measures.md 7.2".into() };
    let c = cutoffs(&Norms { m1: 15.0, s1: 5.0, m0: 3.0, s0: 3.0 }, Direction::HigherIsWorse);
    // 7 → 0 is a reliable drop (7 > 5.54) but 7 is already under c = 7.5.
    let r = reliable_change(&p, Direction::HigherIsWorse, 7, 0);
    assert_eq!(r.category, ReliableChange::Improved);
    assert_eq!(clinical_significance(&r, 7, 0, c.c, Direction::HigherIsWorse), ClinicalSignificance::Improved);
    let r = reliable_change(&p, Direction::HigherIsWorse, 14, 7);
    assert_eq!(clinical_significance(&r, 14, 7, c.c, Direction::HigherIsWorse), ClinicalSignificance::Recovered);
}

#[test]
fn qids_sr16_remission_is_five_or_less_from_a_baseline_at_caseness() {
    let q = inst("qids_sr16");
    assert_eq!(remission(&q, 5), Some(true));
    assert_eq!(remission(&q, 6), Some(false));
    assert!(q.remission.as_ref().unwrap().source.contains("Rush"));
    let o = instrument_outcome(&q, &[16, 5], &NotOnTrackRule::default()).unwrap();
    assert_eq!((o.response, o.remission), (Some(true), Some(true)));
    let o = instrument_outcome(&q, &[16, 6], &NotOnTrackRule::default()).unwrap();
    assert_eq!(o.remission, Some(false));
    // Baseline 10 is below caseness (11): n/a.
    let o = instrument_outcome(&q, &[10, 3], &NotOnTrackRule::default()).unwrap();
    assert_eq!(o.remission, None);
}

#[test]
fn reliable_change_parameters_are_sourced_or_the_fallback_says_so() {
    // EPDS: 4 points (Matthey 2004).
    let epds = inst("epds");
    match epds.reliable_change.as_ref().unwrap() {
        ReliableChangeParams::Points { points, source } => {
            assert_eq!(*points, 4.0);
            assert!(source.contains("Matthey") && source.contains("2004"), "{source}");
        }
        other => panic!("EPDS: {other:?}"),
    }
    let rci = |pre, post| reliable_change(epds.reliable_change.as_ref().unwrap(), epds.direction, pre, post).category;
    assert_eq!(rci(15, 11), ReliableChange::Improved);
    assert_eq!(rci(15, 12), ReliableChange::None);
    assert_eq!(rci(9, 13), ReliableChange::Deteriorated);
    // HAM-D-17 and QIDS-SR16 have no published parameters Rapport can cite:
    // not on track uses the percentage drop, and names it.
    let rule = NotOnTrackRule::default();
    for id in ["hamd17", "qids_sr16"] {
        let i = inst(id);
        assert!(i.reliable_change.is_none(), "{id}");
        let flat = [20, 20, 19, 18, 17, 17];
        assert_eq!(not_on_track(&rule, &i, &flat), [NotOnTrackReason::TooLittleReductionByReview], "{id}");
        assert!(not_on_track(&rule, &i, &[20, 19, 18, 17, 16, 16]).is_empty(), "{id}: a 20 % drop");
    }
    // With parameters, the reason is the reliable-change one.
    let flat = [16, 16, 15, 15, 14, 14];
    assert_eq!(not_on_track(&rule, &epds, &flat), [NotOnTrackReason::NoImprovementByReview]);
    // Every shipped parameter set names its source.
    for i in lib().all() {
        if let Some(p) = &i.reliable_change {
            assert!(p.source().len() > 20, "{}", i.id);
        }
    }
}
