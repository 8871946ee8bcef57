//! Bulk import of whole client histories (a client, one individual course, its
//! sessions, scored questionnaires, risk flags, problem areas and ending) in
//! one transaction per batch: for migrating a service's past records and for
//! the data-scale benchmark (bench/programme.sh).
//!
//! Why a separate path: the ordinary writes cost one transaction, one audit
//! append and one read-model refresh each, about 25 statements per client
//! history; here every table gets multi-row INSERTs in a few fixed chunk sizes,
//! the read model is refreshed once for the batch's id range, and the audit
//! chain is extended once. The rows are the ones the ordinary writes store.

use crate::clients::{bind_details, AnyQuery};
use crate::{audit, escalation, outcome_rows, Result, Store, StoreError};
use rapport_core::audit::AuditEvent;
use rapport_core::client::ClientDetails;
use rapport_core::course::Attendance;
use rapport_core::formulation::Formulation;
use rapport_core::measures::Score;
use rapport_core::risk::Assessment;
use rapport_core::time::format_date;
use rapport_core::{Id, Timestamp};
use sqlx::{Any, Transaction};
use std::collections::BTreeMap;
use time::Date;

/// One client's history as it is imported.
#[derive(Clone, Debug)]
pub struct ImportedClient {
    pub details: ClientDetails,
    pub responsible: Id,
    pub site: Option<Id>,
    pub course: ImportedCourse,
}

#[derive(Clone, Debug)]
pub struct ImportedCourse {
    pub protocol_id: String,
    pub planned_sessions: i64,
    pub start_date: Date,
    /// Problem-area ids, stored as the course's formulation (none: no formulation).
    pub problem_areas: Vec<String>,
    /// (date, attended or not) in date order; a session not attended is a no-show.
    pub sessions: Vec<(Date, bool)>,
    pub responses: Vec<ImportedResponse>,
    /// The course's ending: `completed`, `ended_early` or `transferred` and
    /// when; None: still active.
    pub ending: Option<(String, Timestamp)>,
}

/// A scored response; a positive risk item raises a flag when `completed_at`.
#[derive(Clone, Debug)]
pub struct ImportedResponse {
    pub score: Score,
    pub unscored_answers: Option<Vec<Option<i64>>>,
    pub completed_at: Timestamp,
    /// For a response that raises a flag: when it was acknowledged, and the
    /// assessment recorded then (an assessment also acknowledges).
    pub acknowledged_at: Option<Timestamp>,
    pub assessment: Option<(Timestamp, Assessment)>,
}

/// What one batch stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub clients: Vec<Id>,
    pub sessions: u64,
    pub responses: u64,
    pub flags: u64,
    pub outcome_rows: u64,
}

type Tx = Transaction<'static, Any>;

/// `INSERT INTO table (cols) VALUES (...), ...` in chunks of 64, 16, 4 and 1
/// rows (few distinct statements for the prepared-statement caches);
/// `bind` binds one item's columns in order.
async fn insert_many<T>(
    tx: &mut Tx,
    head: &str,
    columns: usize,
    items: &[T],
    bind: impl for<'q> Fn(AnyQuery<'q>, &T) -> AnyQuery<'q>,
) -> Result<()> {
    let mut rest = items;
    while !rest.is_empty() {
        let size = [64, 16, 4, 1].into_iter().find(|s| *s <= rest.len()).unwrap_or(1);
        let (chunk, tail) = rest.split_at(size);
        let mut sql = format!("{head} VALUES ");
        for r in 0..chunk.len() {
            sql.push_str(if r == 0 { "(" } else { ", (" });
            for c in 0..columns {
                if c > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!("${}", r * columns + c + 1));
            }
            sql.push(')');
        }
        let mut q = sqlx::query(&sql);
        for item in chunk {
            q = bind(q, item);
        }
        q.execute(&mut **tx).await?;
        rest = tail;
    }
    Ok(())
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("serialisable")
}

struct CourseEvent<'a> {
    id: Id,
    course: &'a Id,
    kind: &'static str,
    old: Option<String>,
    new: String,
    by: &'a Id,
    at: Timestamp,
}

struct SessionRow<'a> {
    id: Id,
    course: &'a Id,
    client: &'a Id,
    date: Date,
    attended: bool,
    by: &'a Id,
}

struct ResponseRow<'a> {
    id: Id,
    client: &'a Id,
    course: &'a Id,
    by: &'a Id,
    r: &'a ImportedResponse,
}

struct FlagRow<'a> {
    id: Id,
    client: &'a Id,
    response: Id,
    by: &'a Id,
    r: &'a ImportedResponse,
}

impl Store {
    /// Stores `batch` whole client histories in one transaction (all or
    /// nothing): the same rows as creating each client, course, session,
    /// response (risk flag and its notification included), formulation,
    /// acknowledgement, assessment and ending one by one; one `event` audit
    /// entry per client (its action, actor and detail as given; resource and
    /// client set here); then the outcomes read model of the batch's clients.
    pub async fn import_courses(&self, batch: &[ImportedClient], event: AuditEvent) -> Result<ImportSummary> {
        let now = Timestamp::now();
        for c in batch {
            if let Some((status, _)) = &c.course.ending {
                if !matches!(status.as_str(), "completed" | "ended_early" | "transferred") {
                    return Err(StoreError::Invalid(format!("not an ending status: {status}")));
                }
            }
        }
        // Ids in one sorted run: the batch's clients are one id range, so one
        // range refresh brings their read model up to date.
        let mut client_ids: Vec<Id> = batch.iter().map(|_| Id::new()).collect();
        client_ids.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        let course_ids: Vec<Id> = batch.iter().map(|_| Id::new()).collect();
        let mut tx = self.begin_write().await?;

        let pairs: Vec<(&Id, &ImportedClient)> = client_ids.iter().zip(batch).collect();
        insert_many(
            &mut tx,
            "INSERT INTO clients (id, display_name, sort_name, search_text, legal_name, date_of_birth, pronouns, \
             email, phone, address, preferred_language, emergency_contact_name, emergency_contact_relationship, \
             emergency_contact_phone, consent_notes, external_ids, status, responsible_clinician_id, version, \
             created_at, updated_at, site_id)",
            22,
            &pairs,
            |q, (id, c)| {
                bind_details(q.bind(id.as_str().to_string()), &c.details)
                    .bind("active")
                    .bind(c.responsible.as_str().to_string())
                    .bind(1i64)
                    .bind(now.to_db())
                    .bind(now.to_db())
                    .bind(c.site.as_ref().map(|s| s.as_str().to_string()))
            },
        )
        .await?;
        insert_many(
            &mut tx,
            "INSERT INTO care_team (client_id, user_id, responsible, added_at)",
            4,
            &pairs,
            |q, (id, c)| {
                q.bind(id.as_str().to_string()).bind(c.responsible.as_str().to_string()).bind(1i64).bind(now.to_db())
            },
        )
        .await?;

        let courses: Vec<(&Id, &Id, &ImportedClient)> =
            course_ids.iter().zip(&client_ids).zip(batch).map(|((k, c), i)| (k, c, i)).collect();
        insert_many(
            &mut tx,
            "INSERT INTO courses (id, client_id, protocol_id, planned_sessions, frequency, session_minutes, \
             start_date, planned_end_date, status, version, created_by, created_at, updated_at)",
            13,
            &courses,
            |q, (id, client, c)| {
                let k = &c.course;
                let weeks = time::Duration::weeks(k.planned_sessions.max(1) - 1);
                let (status, updated) = match &k.ending {
                    Some((s, at)) => (s.clone(), at.to_db()),
                    None => ("active".to_string(), now.to_db()),
                };
                q.bind(id.as_str().to_string())
                    .bind(client.as_str().to_string())
                    .bind(k.protocol_id.clone())
                    .bind(k.planned_sessions)
                    .bind("weekly")
                    .bind(50i64)
                    .bind(format_date(k.start_date))
                    .bind(format_date(k.start_date.saturating_add(weeks)))
                    .bind(status)
                    .bind(1i64)
                    .bind(c.responsible.as_str().to_string())
                    .bind(now.to_db())
                    .bind(updated)
            },
        )
        .await?;
        // The contract event `create_course` records, and the ending `set_course_status` records.
        let mut events = Vec::new();
        for (id, _, c) in &courses {
            let by = &c.responsible;
            let contract = c.course.planned_sessions.to_string();
            events.push(CourseEvent {
                id: Id::new(),
                course: id,
                kind: "contract",
                old: None,
                new: contract,
                by,
                at: now,
            });
            if let Some((status, at)) = &c.course.ending {
                let old = Some("active".to_string());
                events.push(CourseEvent {
                    id: Id::new(),
                    course: id,
                    kind: "status",
                    old,
                    new: status.clone(),
                    by,
                    at: *at,
                });
            }
        }
        insert_many(
            &mut tx,
            "INSERT INTO course_events (id, course_id, kind, old_value, new_value, reason, by_user, at)",
            8,
            &events,
            |q, e| {
                q.bind(e.id.as_str().to_string())
                    .bind(e.course.as_str().to_string())
                    .bind(e.kind)
                    .bind(e.old.clone())
                    .bind(e.new.clone())
                    .bind(None::<String>)
                    .bind(e.by.as_str().to_string())
                    .bind(e.at.to_db())
            },
        )
        .await?;

        let mut sessions = Vec::new();
        for (course, client, c) in &courses {
            for (date, attended) in &c.course.sessions {
                sessions.push(SessionRow {
                    id: Id::new(),
                    course,
                    client,
                    date: *date,
                    attended: *attended,
                    by: &c.responsible,
                });
            }
        }
        insert_many(
            &mut tx,
            "INSERT INTO therapy_sessions (id, course_id, client_id, session_date, session_time, modality, \
             attendance, duration_minutes, version, created_by, created_at, updated_at)",
            12,
            &sessions,
            |q, s| {
                let attendance = if s.attended { Attendance::Attended } else { Attendance::NoShow };
                q.bind(s.id.as_str().to_string())
                    .bind(s.course.as_str().to_string())
                    .bind(s.client.as_str().to_string())
                    .bind(format_date(s.date))
                    .bind("10:00")
                    .bind("in_person")
                    .bind(attendance.as_str())
                    .bind(s.attended.then_some(50i64))
                    .bind(1i64)
                    .bind(s.by.as_str().to_string())
                    .bind(now.to_db())
                    .bind(now.to_db())
            },
        )
        .await?;

        // Problem areas: the course's formulation record and its first version.
        let formulations: Vec<(Id, &Id, &Id, &Id, String)> = courses
            .iter()
            .filter(|(_, _, c)| !c.course.problem_areas.is_empty())
            .map(|(course, client, c)| {
                let body = json(&Formulation { problem_areas: c.course.problem_areas.clone(), ..Default::default() });
                (Id::new(), *client, *course, &c.responsible, body)
            })
            .collect();
        insert_many(
            &mut tx,
            "INSERT INTO clinical_records (id, client_id, course_id, session_id, parent_id, kind, body, version, \
             created_by, created_at, updated_by, updated_at)",
            12,
            &formulations,
            |q, (id, client, course, by, body)| {
                q.bind(id.as_str().to_string())
                    .bind(client.as_str().to_string())
                    .bind(course.as_str().to_string())
                    .bind(None::<String>)
                    .bind(None::<String>)
                    .bind("formulation")
                    .bind(body.clone())
                    .bind(1i64)
                    .bind(by.as_str().to_string())
                    .bind(now.to_db())
                    .bind(by.as_str().to_string())
                    .bind(now.to_db())
            },
        )
        .await?;
        insert_many(
            &mut tx,
            "INSERT INTO clinical_record_versions (record_id, version, body, change, changed_by, changed_at)",
            6,
            &formulations,
            |q, (id, _, _, by, body)| {
                q.bind(id.as_str().to_string())
                    .bind(1i64)
                    .bind(body.clone())
                    .bind("created")
                    .bind(by.as_str().to_string())
                    .bind(now.to_db())
            },
        )
        .await?;

        // Responses (the columns and JSON of `measures::insert_response`),
        // stored as if recorded when completed, so flags are raised then.
        let mut responses = Vec::new();
        for (course, client, c) in &courses {
            for r in &c.course.responses {
                responses.push(ResponseRow { id: Id::new(), client, course, by: &c.responsible, r });
            }
        }
        insert_many(
            &mut tx,
            "INSERT INTO measure_responses (id, client_id, course_id, instrument_id, instrument_version, \
             scoring_version, answers, item_scores, unscored_answers, raw_total, total, band, band_set, subscores, \
             flags, complete, prorated, completed_at, entered_by, mode, created_at, group_session_id, language)",
            23,
            &responses,
            |q, row| {
                let s = &row.r.score;
                q.bind(row.id.as_str().to_string())
                    .bind(row.client.as_str().to_string())
                    .bind(Some(row.course.as_str().to_string()))
                    .bind(s.instrument.clone())
                    .bind(s.instrument_version.clone())
                    .bind(s.scoring_version.clone())
                    .bind(json(&s.answers))
                    .bind(json(&s.item_scores))
                    .bind(row.r.unscored_answers.as_ref().map(json))
                    .bind(s.raw_total)
                    .bind(s.total)
                    .bind(s.band.clone())
                    .bind(s.band_set.clone())
                    .bind(json(&s.subscores))
                    .bind(json(&s.flags))
                    .bind(s.complete as i64)
                    .bind(s.prorated as i64)
                    .bind(row.r.completed_at.to_db())
                    .bind(Some(row.by.as_str().to_string()))
                    .bind("in_session")
                    .bind(row.r.completed_at.to_db())
                    .bind(None::<String>)
                    .bind(s.language.clone())
            },
        )
        .await?;

        let flags: Vec<FlagRow> = responses
            .iter()
            .filter(|row| !row.r.score.risk.is_empty())
            .map(|row| FlagRow { id: Id::new(), client: row.client, response: row.id.clone(), by: row.by, r: row.r })
            .collect();
        insert_many(
            &mut tx,
            "INSERT INTO risk_flags (id, client_id, response_id, source, instrument_id, item, items, status, \
             raised_at, raised_by, acknowledged_at, acknowledged_by)",
            12,
            &flags,
            |q, f| {
                let s = &f.r.score;
                // Assessing a flag also acknowledges it (`record_risk_assessment`).
                let ack = match (f.r.acknowledged_at, &f.r.assessment) {
                    (Some(a), Some((b, _))) => Some(a.min(*b)),
                    (a, b) => a.or(b.as_ref().map(|(t, _)| *t)),
                };
                q.bind(f.id.as_str().to_string())
                    .bind(f.client.as_str().to_string())
                    .bind(Some(f.response.as_str().to_string()))
                    .bind("measure")
                    .bind(Some(s.instrument.clone()))
                    .bind(s.risk.first().map(|h| h.item as i64))
                    .bind(json(&s.risk))
                    .bind(if ack.is_some() { "acknowledged" } else { "open" })
                    .bind(f.r.completed_at.to_db())
                    .bind(Some(f.by.as_str().to_string()))
                    .bind(ack.map(|t| t.to_db()))
                    .bind(ack.map(|_| f.by.as_str().to_string()))
            },
        )
        .await?;
        let assessed: Vec<(Id, &FlagRow, Timestamp, &Assessment)> =
            flags.iter().filter_map(|f| f.r.assessment.as_ref().map(|(at, a)| (Id::new(), f, *at, a))).collect();
        insert_many(
            &mut tx,
            "INSERT INTO risk_assessments (id, client_id, flag_id, ideation, plan, intent, means, history, \
             protective_factors, risk_level, actions, assessed_by, assessed_at, screening_tool, screening_answers, \
             screening_name, screening_result, follow_up_on)",
            18,
            &assessed,
            |q, (id, f, at, a)| {
                q.bind(id.as_str().to_string())
                    .bind(f.client.as_str().to_string())
                    .bind(f.id.as_str().to_string())
                    .bind(a.ideation.clone())
                    .bind(a.plan.clone())
                    .bind(a.intent.clone())
                    .bind(a.means.clone())
                    .bind(a.history.clone())
                    .bind(a.protective_factors.clone())
                    .bind(a.risk_level.as_str())
                    .bind(a.actions.clone())
                    .bind(f.by.as_str().to_string())
                    .bind(at.to_db())
                    .bind(crate::measures::screening_columns(&a.screening).0)
                    .bind(crate::measures::screening_columns(&a.screening).1)
                    .bind(crate::measures::screening_columns(&a.screening).2)
                    .bind(crate::measures::screening_columns(&a.screening).3)
                    .bind(a.follow_up_on.map(rapport_core::time::format_date))
            },
        )
        .await?;
        // Each flag is routed as a new one (the responsible clinician's
        // notification, or escalation when they cannot sign in); any audit
        // entries that routing produces join the batch's.
        let mut audit_events = Vec::new();
        for f in &flags {
            let s = &f.r.score;
            let items = rapport_core::escalation::risk_items(&s.risk);
            let mut routed = escalation::route_new_flag(
                &mut tx,
                &f.id,
                f.client,
                rapport_core::escalation::RAISED_SUBJECT,
                &rapport_core::escalation::measure_flag_body(&s.instrument, &items, &f.id),
                f.r.completed_at,
            )
            .await?;
            audit_events.append(&mut routed);
        }

        let outcome_rows = match (client_ids.first(), client_ids.last()) {
            (Some(lo), Some(hi)) => {
                outcome_rows::refresh_range(&mut tx, lo.as_str(), hi.as_str(), outcome_rows::Totals::RebuildLater)
                    .await? as u64
            }
            _ => 0,
        };
        let mut per_client: BTreeMap<&Id, (usize, usize, usize)> = BTreeMap::new();
        for s in &sessions {
            per_client.entry(s.client).or_default().0 += 1;
        }
        for r in &responses {
            per_client.entry(r.client).or_default().1 += 1;
        }
        for f in &flags {
            per_client.entry(f.client).or_default().2 += 1;
        }
        let mut entries: Vec<AuditEvent> = client_ids
            .iter()
            .map(|id| {
                let (s, r, f) = per_client.get(id).copied().unwrap_or_default();
                let mut e = event.clone().on(id).for_client(id);
                e.resource_type = "client".into();
                e.detail = Some(format!("1 course, {s} sessions, {r} responses, {f} risk flags"));
                e
            })
            .collect();
        entries.append(&mut audit_events);
        if !entries.is_empty() {
            let seqs = audit::append_entries(&mut tx, entries, now).await?;
            // The batch's ids are sorted: one statement refreshes their cards
            // (and those of any older clients between them, unchanged).
            if let (Some(first), Some(last)) = (client_ids.first(), client_ids.last()) {
                crate::card_refresh::refresh_range(&mut tx, first.as_str(), last.as_str()).await?;
            }
            // The rows of this batch are current: when the read model had
            // caught up with everything before it, it has caught up with the
            // batch too (else its catch-up refreshes these clients again). The
            // running totals are rebuilt once, by the next catch-up.
            if let (Some(first), Some(last)) = (seqs.first(), seqs.last()) {
                sqlx::query(
                    "UPDATE outcome_model SET applied_seq = CASE WHEN applied_seq = $1 THEN $2 ELSE applied_seq END, \
                     totals_built = 0 WHERE id = 1",
                )
                .bind(first - 1)
                .bind(*last)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(ImportSummary {
            clients: client_ids.clone(),
            sessions: sessions.len() as u64,
            responses: responses.len() as u64,
            flags: flags.len() as u64,
            outcome_rows,
        })
    }
}

impl Store {
    /// Refreshes the query planner's statistics (`ANALYZE`, the same on both
    /// databases): after a large import, so the planner sees the new sizes.
    #[crate::boxing::boxed_future]
    pub async fn analyze(&self) -> Result<()> {
        sqlx::query("ANALYZE").execute(&self.write).await?;
        Ok(())
    }
}
