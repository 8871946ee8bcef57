//! The bulk import (`Store::import_courses`): what it stores is what the
//! ordinary writes store, as the outcomes read model sees it.

use crate::support::*;
use rapport_core::access::Role;
use rapport_core::audit::{action, AuditEvent, Outcome};
use rapport_core::client::ClientDetails;
use rapport_core::measures::{score, Library};
use rapport_core::risk::{Assessment, RiskLevel};
use rapport_core::{Id, Timestamp};
use rapport_store::import::{ImportedClient, ImportedCourse, ImportedResponse};
use time::macros::date;
use time::{Date, Duration};

pub fn import_event() -> AuditEvent {
    AuditEvent {
        actor_label: "system".into(),
        action: action::CLIENT_IMPORT.into(),
        resource_type: "client".into(),
        outcome: Outcome::Success.as_str().into(),
        ..Default::default()
    }
}

fn at(day: Date, hour: i64) -> Timestamp {
    Timestamp::from_datetime(day.midnight().assume_utc() + Duration::hours(hour))
}

/// One client history: weekly sessions from `start`, each with a PHQ-9 total,
/// its item 9 answer and a GAD-7 total (`weeks`), a missed session after the
/// second, ended as `ending` a week after the last.
pub fn history(
    name: &str,
    responsible: &Id,
    start: Date,
    weeks: &[(i64, i64, i64)],
    areas: &[&str],
    ending: Option<&str>,
) -> ImportedClient {
    let lib = Library::builtin();
    let (p, g) = (lib.get("phq9").unwrap(), lib.get("gad7").unwrap());
    let items = |total: i64, n: usize, first: i64| -> Vec<Option<i64>> {
        let mut v = vec![0i64; n];
        let mut left = total - first;
        for x in v.iter_mut().take(if n == 9 { 8 } else { n }) {
            *x = left.min(3);
            left -= *x;
        }
        if n == 9 {
            v[8] = first;
        }
        v.into_iter().map(Some).collect()
    };
    let (mut sessions, mut responses) = (Vec::new(), Vec::new());
    let mut day = start;
    for (i, (phq, item9, gad)) in weeks.iter().enumerate() {
        if i == 2 {
            sessions.push((day, false));
            day += Duration::weeks(1);
        }
        sessions.push((day, true));
        let when = at(day, 10);
        let flagged = *item9 > 0;
        responses.push(ImportedResponse {
            score: score(p, &items(*phq, 9, *item9)).unwrap(),
            unscored_answers: None,
            completed_at: when,
            // Every other flag acknowledged after 3 hours and assessed after 20.
            acknowledged_at: (flagged && i % 2 == 0).then(|| when.plus(Duration::hours(3))),
            assessment: (flagged && i % 2 == 0).then(|| {
                (
                    when.plus(Duration::hours(20)),
                    Assessment {
                        ideation: "Passive".into(),
                        plan: "None".into(),
                        intent: "None".into(),
                        means: "None".into(),
                        history: "None".into(),
                        protective_factors: "Family".into(),
                        risk_level: RiskLevel::Low,
                        actions: None,
                        screening: rapport_core::risk::Screening::None,
                        follow_up_on: None,
                    },
                )
            }),
        });
        responses.push(ImportedResponse {
            score: score(g, &items(*gad, 7, 0)).unwrap(),
            unscored_answers: None,
            completed_at: when.plus(Duration::minutes(5)),
            acknowledged_at: None,
            assessment: None,
        });
        day += Duration::weeks(1);
    }
    ImportedClient {
        details: ClientDetails { display_name: name.into(), ..Default::default() },
        responsible: responsible.clone(),
        site: None,
        course: ImportedCourse {
            protocol_id: "ipt-individual".into(),
            planned_sessions: 16,
            start_date: start,
            problem_areas: areas.iter().map(|a| a.to_string()).collect(),
            sessions,
            responses,
            ending: ending.map(|s| (s.to_string(), at(day, 12))),
        },
    }
}

/// A few histories of every kind the dashboard counts; returns them with the
/// number of positive PHQ-9 item 9 answers among them.
pub fn sample(responsible: &Id) -> (Vec<ImportedClient>, usize) {
    let batch = vec![
        // Recovered, two problem areas, one risk answer handled.
        history(
            "Imported Recovered",
            responsible,
            date!(2025 - 01 - 06),
            &[(18, 1, 14), (14, 0, 11), (9, 0, 8), (6, 0, 6), (5, 0, 4)],
            &["grief", "role_dispute"],
            Some("completed"),
        ),
        // Dropped out after two sessions, one risk answer never acknowledged.
        history(
            "Imported Dropout",
            responsible,
            date!(2025 - 03 - 03),
            &[(21, 0, 15), (20, 2, 16)],
            &["role_transition"],
            Some("ended_early"),
        ),
        // Worse at the end.
        history(
            "Imported Worse",
            responsible,
            date!(2025 - 06 - 02),
            &[(11, 0, 9), (13, 0, 10), (16, 1, 13), (19, 0, 15)],
            &["interpersonal_deficits"],
            Some("completed"),
        ),
        // Still in treatment, no formulation yet.
        history("Imported Ongoing", responsible, date!(2026 - 10 - 05), &[(16, 0, 12), (15, 0, 12)], &[], None),
    ];
    (batch, 3)
}

#[tokio::test]
async fn a_bulk_import_equals_the_ordinary_writes_in_the_read_model() {
    on_each_backend(|app| async move {
        let clinician = app.user("import-c@clinic.example", Role::Clinician).await;
        let (batch, positive) = sample(&clinician.id);
        app.store.catch_up_outcomes().await.unwrap();
        let s = app.store.import_courses(&batch, import_event()).await.unwrap();
        assert_eq!(s.clients.len(), 4);
        assert_eq!((s.sessions, s.responses, s.flags, s.outcome_rows), (15, 26, positive as u64, 4));

        // The rows kept in the import's transaction are those a full rebuild computes.
        let kept = app.store.outcome_rows_dump().await.unwrap();
        assert_eq!(kept.len(), 4 + positive, "a row per course and per flag: {kept:#?}");
        // The read model had caught up before the import, so it has after it:
        // the catch-up only builds the running totals the import left to it.
        let caught = app.store.catch_up_outcomes().await.unwrap();
        assert_eq!((caught.entries, caught.clients), (0, 0));
        let all = rapport_store::reports::ReportFilter::default();
        for dim in rapport_store::reports::Dimension::BREAKDOWNS {
            assert_eq!(
                app.store.outcome_breakdown(&all, dim).await.unwrap(),
                app.store.outcome_breakdown_scan(&all, dim).await.unwrap()
            );
        }
        app.store.rebuild_outcomes(2, |_, _| {}).await.unwrap();
        assert_eq!(app.store.outcome_rows_dump().await.unwrap(), kept);

        // One flag per positive item 9, each with its notification; handled as imported.
        let mut flags = Vec::new();
        for c in &s.clients {
            flags.extend(app.store.client_risk_flags(c).await.unwrap());
        }
        assert_eq!(flags.len(), positive);
        assert!(flags.iter().all(|f| f.source == "measure" && f.items.iter().all(|h| h.item == 9)));
        assert_eq!(flags.iter().filter(|f| f.acknowledged_at.is_some()).count(), 2);
        assert_eq!(flags.iter().filter(|f| f.assessed_at.is_some()).count(), 2);
        let outbox = app.store.outbox(100).await.unwrap();
        for f in &flags {
            assert!(
                outbox.iter().any(|o| o.risk_flag_id.as_deref() == Some(f.id.as_str())
                    && o.recipient_user_id.as_ref() == Some(&clinician.id)),
                "flag {} notifies the responsible clinician",
                f.id
            );
        }

        // The dashboard counts what was imported: three finished courses, one dropout.
        let by_format = app.store.outcome_breakdown(&all, rapport_store::reports::Dimension::Format).await.unwrap();
        let t = &by_format[0].1;
        assert_eq!((t.ended, t.finished, t.dropouts, t.recovered), (3, 3, 1, 1), "{by_format:?}");

        // One audit entry per client; the chain still verifies.
        let entries =
            app.store.audit_entries(&rapport_store::AuditFilter { limit: 1000, ..Default::default() }).await.unwrap();
        let imports: Vec<_> = entries.iter().filter(|e| e.event.action == action::CLIENT_IMPORT).collect();
        assert_eq!(imports.len(), 4);
        assert!(imports.iter().all(|e| e.event.client_id.is_some() && e.event.client_id == e.event.resource_id));
        assert!(app.store.audit_verify().await.is_ok());

        // A bad ending stores nothing.
        let mut bad = sample(&clinician.id).0;
        bad[1].course.ending = Some(("finished".into(), Timestamp::now()));
        assert!(app.store.import_courses(&bad, import_event()).await.is_err());
        assert_eq!(app.store.outcome_rows_dump().await.unwrap(), kept);
    })
    .await;
}
