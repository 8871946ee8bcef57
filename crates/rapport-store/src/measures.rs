//! Measure responses and the risk loop: risk flags (raised in the response's
//! own transaction), assessments, versioned safety plans, escalation and the
//! notification outbox.

use crate::row::Named;
use crate::{audit, opt_ts, ts, Result, Store, StoreError};
use rapport_core::audit::{action, AuditEvent};
use rapport_core::escalation;
use rapport_core::measures::scoring::RiskHit;
use rapport_core::measures::Score;
use rapport_core::risk::{Assessment, FlagStatus, SafetyPlan, Screening};
use rapport_core::{Id, Timestamp};
use serde::{Deserialize, Serialize};
use sqlx::{Any, Transaction};

/// How a response was collected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// By the clinician in session.
    InSession,
    /// Entered by staff on the client's behalf (e.g. read out by phone).
    OnBehalf,
    /// By the client in the portal.
    Portal,
    /// By the client through a single-use link.
    Link,
}

impl Mode {
    pub fn as_str(&self) -> &'static str {
        match self {
            Mode::InSession => "in_session",
            Mode::OnBehalf => "on_behalf",
            Mode::Portal => "portal",
            Mode::Link => "link",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Mode::InSession, Mode::OnBehalf, Mode::Portal, Mode::Link].into_iter().find(|m| m.as_str() == s)
    }
}

/// A scored response ready to store.
#[derive(Clone, Debug)]
pub struct NewResponse {
    pub client_id: Id,
    pub course_id: Option<String>,
    pub score: Score,
    pub unscored_answers: Option<Vec<Option<i64>>>,
    pub completed_at: Timestamp,
    pub entered_by: Option<Id>,
    pub mode: Mode,
    /// The group meeting it was taken at (set by `record_group_session`).
    pub group_session_id: Option<Id>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedResponse {
    pub id: Id,
    pub risk_flag_id: Option<Id>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResponseRow {
    pub id: Id,
    pub client_id: Id,
    pub course_id: Option<String>,
    pub instrument_id: String,
    pub instrument_version: String,
    pub scoring_version: String,
    pub answers: Vec<Option<i64>>,
    pub item_scores: Vec<Option<i64>>,
    pub unscored_answers: Option<Vec<Option<i64>>>,
    pub raw_total: Option<i64>,
    pub total: Option<i64>,
    pub band: Option<String>,
    pub band_set: Option<String>,
    pub flags: Vec<String>,
    pub complete: bool,
    pub prorated: bool,
    pub completed_at: Timestamp,
    pub entered_by: Option<Id>,
    pub mode: String,
    pub created_at: Timestamp,
    /// The language the questionnaire was shown in (None: not recorded).
    pub language: Option<String>,
}

impl ResponseRow {
    /// The questions left blank, by number ("3, 5"), or "" when none.
    pub fn blank_items(&self) -> String {
        let blank: Vec<String> =
            self.answers.iter().enumerate().filter(|(_, a)| a.is_none()).map(|(i, _)| (i + 1).to_string()).collect();
        blank.join(", ")
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RiskFlagRow {
    pub id: Id,
    pub client_id: Id,
    pub client_name: String,
    pub responsible_clinician_id: Id,
    pub responsible_clinician_name: String,
    /// Whether the responsible clinician can still sign in.
    pub responsible_active: bool,
    pub response_id: Option<Id>,
    /// The session it was raised from (a clinician's concern or a signed note).
    pub session_id: Option<Id>,
    pub source: String,
    pub instrument_id: Option<String>,
    pub items: Vec<RiskHit>,
    pub detail: Option<String>,
    pub status: FlagStatus,
    pub raised_at: Timestamp,
    pub acknowledged_at: Option<Timestamp>,
    pub acknowledged_by: Option<Id>,
    /// The first assessment recorded for the flag.
    pub assessed_at: Option<Timestamp>,
    pub escalated_at: Option<Timestamp>,
    pub escalated_to: Option<String>,
    pub assessment_id: Option<Id>,
    pub safety_plan_id: Option<Id>,
    pub closed_at: Option<Timestamp>,
    pub closed_by: Option<Id>,
    pub closing_note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AssessmentRow {
    pub id: Id,
    pub flag_id: Id,
    #[serde(flatten)]
    pub assessment: Assessment,
    pub assessed_by_name: String,
    pub assessed_at: Timestamp,
    /// False for an assessment recorded before the screening tool was asked for.
    pub screening_recorded: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SafetyPlanRow {
    pub id: Id,
    pub client_id: Id,
    pub version: i64,
    #[serde(flatten)]
    pub plan: SafetyPlan,
    pub created_by: Id,
    pub created_at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OutboxRow {
    pub id: Id,
    pub kind: String,
    pub recipient_user_id: Option<Id>,
    pub recipient_email: Option<String>,
    pub subject: String,
    pub body: String,
    pub client_id: Option<String>,
    pub risk_flag_id: Option<String>,
    pub created_at: Timestamp,
    pub sent_at: Option<Timestamp>,
    /// Failed delivery attempts so far, and the last one's error.
    pub attempts: i64,
    pub last_error: Option<String>,
    /// Not tried again before this (a backoff, or another sender's claim).
    pub next_attempt_at: Option<Timestamp>,
}

fn json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("serialisable")
}

fn from_json<T: for<'de> Deserialize<'de>>(s: &str, what: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| StoreError::Invalid(format!("corrupt {what}: {e}")))
}

pub(crate) const RESPONSE_COLUMNS: &str =
    "id, client_id, course_id, instrument_id, instrument_version, scoring_version, answers, \
     item_scores, unscored_answers, raw_total, total, band, band_set, flags, complete, prorated, completed_at, \
     entered_by, mode, created_at, language";

pub(crate) fn response_from_row(r: &sqlx::any::AnyRow) -> Result<ResponseRow> {
    let unscored: Option<String> = r.col("unscored_answers")?;
    Ok(ResponseRow {
        id: Id::from_db(r.col("id")?),
        client_id: Id::from_db(r.col("client_id")?),
        course_id: r.col("course_id")?,
        instrument_id: r.col("instrument_id")?,
        instrument_version: r.col("instrument_version")?,
        scoring_version: r.col("scoring_version")?,
        answers: from_json(&r.col::<String>("answers")?, "answers")?,
        item_scores: from_json(&r.col::<String>("item_scores")?, "item scores")?,
        unscored_answers: unscored.map(|u| from_json(&u, "unscored answers")).transpose()?,
        raw_total: r.col("raw_total")?,
        total: r.col("total")?,
        band: r.col("band")?,
        band_set: r.col("band_set")?,
        flags: from_json(&r.col::<String>("flags")?, "flags")?,
        complete: r.col::<i64>("complete")? != 0,
        prorated: r.col::<i64>("prorated")? != 0,
        completed_at: ts(&r.col::<String>("completed_at")?),
        entered_by: r.col::<Option<String>>("entered_by")?.map(Id::from_db),
        mode: r.col("mode")?,
        created_at: ts(&r.col::<String>("created_at")?),
        language: r.col("language")?,
    })
}

/// The refusal of a sign-off whose safety plan version predates the answer
/// that raised the flag.
pub const PLAN_BEFORE_ANSWER: &str = "this safety plan version was saved before the answer that raised the flag";

/// The columns a screening is stored in: (tool, answers JSON, name, result).
pub(crate) fn screening_columns(s: &Screening) -> (String, Option<String>, Option<String>, Option<String>) {
    match s {
        Screening::CssrsScreener { answers, result } => {
            (s.tool().into(), Some(json(answers)), None, Some(result.as_str().into()))
        }
        Screening::Other { name, result } => (s.tool().into(), None, Some(name.clone()), Some(result.clone())),
        Screening::None => (s.tool().into(), None, None, None),
    }
}

fn assessment_from_row(r: &sqlx::any::AnyRow) -> Result<AssessmentRow> {
    let level: String = r.col("risk_level")?;
    let tool: Option<String> = r.col("screening_tool")?;
    let screening = match tool.as_deref() {
        Some("cssrs_screener") => {
            let answers: rapport_core::risk::CssrsAnswers =
                from_json(&r.col::<Option<String>>("screening_answers")?.unwrap_or_default(), "screener answers")?;
            Screening::CssrsScreener { answers, result: answers.triage() }
        }
        Some("other") => Screening::Other {
            name: r.col::<Option<String>>("screening_name")?.unwrap_or_default(),
            result: r.col::<Option<String>>("screening_result")?.unwrap_or_default(),
        },
        _ => Screening::None,
    };
    let follow_up: Option<String> = r.col("follow_up_on")?;
    Ok(AssessmentRow {
        id: Id::from_db(r.col("id")?),
        flag_id: Id::from_db(r.col("flag_id")?),
        assessment: Assessment {
            ideation: r.col("ideation")?,
            plan: r.col("plan")?,
            intent: r.col("intent")?,
            means: r.col("means")?,
            history: r.col("history")?,
            protective_factors: r.col("protective_factors")?,
            risk_level: rapport_core::risk::RiskLevel::parse(&level)
                .ok_or_else(|| StoreError::Invalid(format!("bad risk level {level}")))?,
            actions: r.col("actions")?,
            screening,
            follow_up_on: follow_up.as_deref().and_then(rapport_core::time::parse_date),
        },
        assessed_by_name: r.col("assessed_by_name")?,
        assessed_at: ts(&r.col::<String>("assessed_at")?),
        screening_recorded: tool.is_some(),
    })
}

/// Selected from `risk_flags f JOIN clients c ... JOIN users ru ON ru.id = c.responsible_clinician_id`.
const FLAG_COLUMNS: &str =
    "f.id, f.client_id, c.display_name AS client_name, c.responsible_clinician_id, ru.name AS responsible_name, \
     ru.active AS responsible_active, f.session_id, \
     (SELECT MIN(a.assessed_at) FROM risk_assessments a WHERE a.flag_id = f.id) AS assessed_at, f.response_id, \
     f.source, f.instrument_id, f.items, f.detail, f.status, f.raised_at, f.acknowledged_at, f.acknowledged_by, \
     f.escalated_at, f.escalated_to, f.assessment_id, f.safety_plan_id, f.closed_at, f.closed_by, f.closing_note";

fn flag_from_row(r: &sqlx::any::AnyRow) -> Result<RiskFlagRow> {
    let status: String = r.col("status")?;
    let id = |c: &str| -> Result<Option<Id>> { Ok(r.col::<Option<String>>(c)?.map(Id::from_db)) };
    Ok(RiskFlagRow {
        id: Id::from_db(r.col("id")?),
        client_id: Id::from_db(r.col("client_id")?),
        client_name: r.col("client_name")?,
        responsible_clinician_id: Id::from_db(r.col("responsible_clinician_id")?),
        responsible_clinician_name: r.col("responsible_name")?,
        responsible_active: r.col::<i64>("responsible_active")? != 0,
        response_id: id("response_id")?,
        session_id: id("session_id")?,
        source: r.col("source")?,
        instrument_id: r.col("instrument_id")?,
        items: from_json(&r.col::<String>("items")?, "risk items")?,
        detail: r.col("detail")?,
        status: FlagStatus::parse(&status).ok_or_else(|| StoreError::Invalid(format!("bad flag status {status}")))?,
        raised_at: ts(&r.col::<String>("raised_at")?),
        acknowledged_at: opt_ts(r.col("acknowledged_at")?),
        acknowledged_by: id("acknowledged_by")?,
        assessed_at: opt_ts(r.col("assessed_at")?),
        escalated_at: opt_ts(r.col("escalated_at")?),
        escalated_to: r.col("escalated_to")?,
        assessment_id: id("assessment_id")?,
        safety_plan_id: id("safety_plan_id")?,
        closed_at: opt_ts(r.col("closed_at")?),
        closed_by: id("closed_by")?,
        closing_note: r.col("closing_note")?,
    })
}

/// The client's oldest flag not yet closed, read on `conn` (a transaction or a pooled connection).
pub(crate) async fn open_flag_in(conn: &mut sqlx::AnyConnection, client: &Id) -> Result<Option<RiskFlagRow>> {
    let sql = format!(
        "SELECT {FLAG_COLUMNS} FROM risk_flags f JOIN clients c ON c.id = f.client_id \
         JOIN users ru ON ru.id = c.responsible_clinician_id WHERE f.client_id = $1 AND f.status <> 'closed' \
         ORDER BY f.raised_at, f.id LIMIT 1"
    );
    let row = sqlx::query(&sql).bind(client.as_str()).fetch_optional(conn).await?;
    row.as_ref().map(flag_from_row).transpose()
}

#[allow(clippy::too_many_arguments)]
pub(crate) async fn enqueue(
    tx: &mut Transaction<'static, Any>,
    kind: &str,
    recipient: Option<&Id>,
    subject: &str,
    body: &str,
    client: &Id,
    flag: &Id,
    now: Timestamp,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO outbox (id, kind, recipient_user_id, recipient_email, subject, body, client_id, risk_flag_id, created_at) \
         VALUES ($1, $2, $3, (SELECT email FROM users WHERE id = $3), $4, $5, $6, $7, $8)",
    )
    .bind(Id::new().as_str())
    .bind(kind)
    .bind(recipient.map(|r| r.as_str().to_string()))
    .bind(subject)
    .bind(body)
    .bind(client.as_str())
    .bind(flag.as_str())
    .bind(now.to_db())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Stores a response (and its risk flag, notification and audit entries) in
/// the caller's transaction.
pub(crate) async fn record_in(
    tx: &mut Transaction<'static, Any>,
    r: &NewResponse,
    event: AuditEvent,
    now: Timestamp,
) -> Result<RecordedResponse> {
    let (rec, events) = insert_response(tx, r, event, now).await?;
    audit::append_many(tx, events, now).await?;
    Ok(rec)
}

/// The rows of one response (response, risk flag, notification) in the
/// caller's transaction; returns the audit entries still to append.
async fn insert_response(
    tx: &mut Transaction<'static, Any>,
    r: &NewResponse,
    mut event: AuditEvent,
    now: Timestamp,
) -> Result<(RecordedResponse, Vec<AuditEvent>)> {
    let id = Id::new();
    let s = &r.score;
    sqlx::query(
        "INSERT INTO measure_responses (id, client_id, course_id, instrument_id, instrument_version, scoring_version, \
         answers, item_scores, unscored_answers, raw_total, total, band, band_set, subscores, flags, complete, \
         prorated, completed_at, entered_by, mode, created_at, group_session_id, language) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, \
         $23)",
    )
    .bind(id.as_str())
    .bind(r.client_id.as_str())
    .bind(r.course_id.clone())
    .bind(s.instrument.clone())
    .bind(s.instrument_version.clone())
    .bind(s.scoring_version.clone())
    .bind(json(&s.answers))
    .bind(json(&s.item_scores))
    .bind(r.unscored_answers.as_ref().map(json))
    .bind(s.raw_total)
    .bind(s.total)
    .bind(s.band.clone())
    .bind(s.band_set.clone())
    .bind(json(&s.subscores))
    .bind(json(&s.flags))
    .bind(s.complete as i64)
    .bind(s.prorated as i64)
    .bind(r.completed_at.to_db())
    .bind(r.entered_by.as_ref().map(|u| u.as_str().to_string()))
    .bind(r.mode.as_str())
    .bind(now.to_db())
    .bind(r.group_session_id.as_ref().map(|g| g.as_str().to_string()))
    .bind(s.language.clone())
    .execute(&mut **tx)
    .await?;
    event.resource_id = Some(id.to_string());
    event.client_id = Some(r.client_id.to_string());
    let mut events = vec![event.clone()];
    let risk_flag_id = if s.risk.is_empty() {
        None
    } else {
        let flag = Id::new();
        sqlx::query(
            "INSERT INTO risk_flags (id, client_id, response_id, source, instrument_id, item, items, status, raised_at, \
             raised_by) VALUES ($1, $2, $3, 'measure', $4, $8, $5, 'open', $6, $7)",
        )
        .bind(flag.as_str())
        .bind(r.client_id.as_str())
        .bind(id.as_str())
        .bind(s.instrument.clone())
        .bind(json(&s.risk))
        .bind(now.to_db())
        .bind(r.entered_by.as_ref().map(|u| u.as_str().to_string()))
        .bind(s.risk.first().map(|h| h.item as i64))
        .execute(&mut **tx)
        .await?;
        let items = escalation::risk_items(&s.risk);
        let mut routed = crate::escalation::route_new_flag(
            tx,
            &flag,
            &r.client_id,
            escalation::RAISED_SUBJECT,
            &escalation::measure_flag_body(&s.instrument, &items, &flag),
            now,
        )
        .await?;
        let mut e = event;
        e.action = action::RISK_FLAG_RAISE.into();
        e.resource_type = "risk_flag".into();
        e.resource_id = Some(flag.to_string());
        e.detail = Some(format!("{} {items}", s.instrument));
        events.push(e);
        events.append(&mut routed);
        Some(flag)
    };
    Ok((RecordedResponse { id, risk_flag_id }, events))
}

/// A clinician's risk flag in the caller's transaction; returns it and the
/// audit entries to append (`event`, completed, first).
pub(crate) async fn raise_clinician_flag_in(
    tx: &mut Transaction<'static, Any>,
    client: &Id,
    by: &Id,
    detail: &str,
    session: Option<&Id>,
    mut event: AuditEvent,
    now: Timestamp,
) -> Result<(Id, Vec<AuditEvent>)> {
    let flag = Id::new();
    sqlx::query(
        "INSERT INTO risk_flags (id, client_id, source, items, detail, status, raised_at, raised_by, session_id) \
         VALUES ($1, $2, 'clinician', '[]', $3, 'open', $4, $5, $6)",
    )
    .bind(flag.as_str())
    .bind(client.as_str())
    .bind(detail)
    .bind(now.to_db())
    .bind(by.as_str())
    .bind(session.map(|s| s.as_str().to_string()))
    .execute(&mut **tx)
    .await?;
    let mut routed = crate::escalation::route_new_flag(
        tx,
        &flag,
        client,
        escalation::RAISED_SUBJECT,
        &escalation::clinician_flag_body(&flag),
        now,
    )
    .await?;
    event.action = action::RISK_FLAG_RAISE.into();
    event.resource_type = "risk_flag".into();
    event.resource_id = Some(flag.to_string());
    event.client_id = Some(client.to_string());
    let mut events = vec![event];
    events.append(&mut routed);
    Ok((flag, events))
}

impl Store {
    /// Stores a scored response; a positive risk item raises one risk flag for
    /// this response and notifies the responsible clinician, all in the same
    /// transaction (nothing is kept if any step fails).
    #[crate::boxing::boxed_future]
    pub async fn record_response(&self, r: &NewResponse, event: AuditEvent) -> Result<RecordedResponse> {
        self.record_response_at(r, event, Timestamp::now()).await
    }

    /// `record_response` as if stored at `now` (its flag raised then): for
    /// imports of past answers and the demo's overdue flag.
    #[crate::boxing::boxed_future]
    pub async fn record_response_at(
        &self,
        r: &NewResponse,
        event: AuditEvent,
        now: Timestamp,
    ) -> Result<RecordedResponse> {
        let mut tx = self.begin_write().await?;
        let rec = record_in(&mut tx, r, event, now).await?;
        tx.commit().await?;
        Ok(rec)
    }

    /// Stores several scored responses in one transaction, each exactly as
    /// `record_response` stores it (same rows, risk flags, notifications and
    /// one audit entry per response, plus one per flag, in order), with the
    /// audit entries appended together: for imports and data-scale benchmarks.
    /// All or nothing.
    #[crate::boxing::boxed_future]
    pub async fn record_responses(&self, batch: &[NewResponse], event: AuditEvent) -> Result<Vec<RecordedResponse>> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let mut out = Vec::with_capacity(batch.len());
        let mut events = Vec::with_capacity(batch.len());
        for r in batch {
            let (rec, mut e) = insert_response(&mut tx, r, event.clone(), now).await?;
            out.push(rec);
            events.append(&mut e);
        }
        if !events.is_empty() {
            audit::append_many(&mut tx, events, now).await?;
        }
        tx.commit().await?;
        Ok(out)
    }

    /// A risk recorded by a clinician (not from a questionnaire): an open flag
    /// with the clinician's note (and the session it was observed in), routed
    /// like every new flag (`escalation::route_new_flag`).
    #[crate::boxing::boxed_future]
    pub async fn raise_clinician_risk_flag(
        &self,
        client: &Id,
        by: &Id,
        detail: &str,
        session: Option<&Id>,
        event: AuditEvent,
    ) -> Result<Id> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let (flag, events) = raise_clinician_flag_in(&mut tx, client, by, detail, session, event, now).await?;
        audit::append_many(&mut tx, events, now).await?;
        tx.commit().await?;
        Ok(flag)
    }

    /// A client's responses in completion order (oldest first).
    #[crate::boxing::boxed_future]
    pub async fn responses(&self, client: &Id) -> Result<Vec<ResponseRow>> {
        let sql = format!(
            "SELECT {RESPONSE_COLUMNS} FROM measure_responses WHERE client_id = $1 ORDER BY completed_at, created_at, id"
        );
        let rows = self.hot_rows(sqlx::query(&sql).bind(client.as_str())).await?;
        rows.iter().map(response_from_row).collect()
    }

    /// One response by id (the caller checks access to its client).
    #[crate::boxing::boxed_future]
    pub async fn response(&self, id: &Id) -> Result<Option<ResponseRow>> {
        let sql = format!("SELECT {RESPONSE_COLUMNS} FROM measure_responses WHERE id = $1");
        let row = self.hot_row(sqlx::query(&sql).bind(id.as_str())).await?;
        row.as_ref().map(response_from_row).transpose()
    }

    /// Flags `user` may see (clients on their care teams or on the teams of
    /// clinicians they supervise), optionally of one status, oldest first.
    #[crate::boxing::boxed_future]
    pub async fn visible_risk_flags(&self, user: &Id, status: Option<FlagStatus>) -> Result<Vec<RiskFlagRow>> {
        let sql = format!(
            "SELECT {FLAG_COLUMNS} FROM (SELECT t.client_id FROM care_team t WHERE t.user_id = $1 \
             UNION SELECT t.client_id FROM care_team t JOIN supervision_reach s ON s.clinician_id = t.user_id \
             WHERE s.supervisor_id = $1) mine JOIN risk_flags f ON f.client_id = mine.client_id \
             JOIN clients c ON c.id = f.client_id JOIN users ru ON ru.id = c.responsible_clinician_id \
             WHERE ($2 = '' OR f.status = $2) ORDER BY f.raised_at, f.id"
        );
        let rows = sqlx::query(&sql)
            .bind(user.as_str())
            .bind(status.map(|s| s.as_str()).unwrap_or(""))
            .fetch_all(&self.read)
            .await?;
        rows.iter().map(flag_from_row).collect()
    }

    /// How many flags `user` may see that are not yet closed (the banner on
    /// every page): from their caseload list's rows that have any (decision
    /// 58; a partial index), so it costs what the flags do, not the caseload.
    #[crate::boxing::boxed_future]
    pub async fn count_unhandled_risk_flags(&self, user: &Id) -> Result<i64> {
        let query = sqlx::query(
            "SELECT CAST(COALESCE(SUM(unclosed_flags), 0) AS BIGINT) AS n FROM caseload_lists \
             WHERE viewer_id = $1 AND unclosed_flags > 0",
        );
        let row = self.hot_row(query.bind(user.as_str())).await?.ok_or(sqlx::Error::RowNotFound)?;
        Ok(row.col("n")?)
    }

    /// Flags of one client, newest first.
    #[crate::boxing::boxed_future]
    pub async fn client_risk_flags(&self, client: &Id) -> Result<Vec<RiskFlagRow>> {
        let sql = format!(
            "SELECT {FLAG_COLUMNS} FROM risk_flags f JOIN clients c ON c.id = f.client_id \
             JOIN users ru ON ru.id = c.responsible_clinician_id WHERE f.client_id = $1 \
             ORDER BY f.raised_at DESC, f.id DESC"
        );
        let rows = sqlx::query(&sql).bind(client.as_str()).fetch_all(&self.read).await?;
        rows.iter().map(flag_from_row).collect()
    }

    #[crate::boxing::boxed_future]
    pub async fn risk_flag(&self, id: &Id) -> Result<Option<RiskFlagRow>> {
        let sql = format!(
            "SELECT {FLAG_COLUMNS} FROM risk_flags f JOIN clients c ON c.id = f.client_id \
             JOIN users ru ON ru.id = c.responsible_clinician_id WHERE f.id = $1"
        );
        let row = sqlx::query(&sql).bind(id.as_str()).fetch_optional(&self.read).await?;
        row.as_ref().map(flag_from_row).transpose()
    }

    /// The client's oldest flag not yet closed, if any.
    #[crate::boxing::boxed_future]
    pub async fn open_risk_flag(&self, client: &Id) -> Result<Option<RiskFlagRow>> {
        let mut conn = self.read.acquire().await?;
        open_flag_in(&mut conn, client).await
    }

    /// Acknowledges an open flag: stops the acknowledgement clock (the
    /// assessment clock runs on until an assessment is recorded).
    #[crate::boxing::boxed_future]
    pub async fn acknowledge_risk_flag(&self, flag: &Id, by: &Id, event: AuditEvent) -> Result<()> {
        self.acknowledge_risk_flag_at(flag, by, event, Timestamp::now()).await
    }

    /// `acknowledge_risk_flag` as if done at `now`: for imports and the demo's history.
    #[crate::boxing::boxed_future]
    pub async fn acknowledge_risk_flag_at(&self, flag: &Id, by: &Id, event: AuditEvent, now: Timestamp) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "UPDATE risk_flags SET status = 'acknowledged', acknowledged_at = $1, acknowledged_by = $2 \
             WHERE id = $3 AND status = 'open'",
        )
        .bind(now.to_db())
        .bind(by.as_str())
        .bind(flag.as_str())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StoreError::Invalid("only an open flag can be acknowledged".into()));
        }
        audit::commit(tx, event, now).await?;
        Ok(())
    }

    /// Records a structured risk assessment for a flag that is not closed.
    #[crate::boxing::boxed_future]
    pub async fn record_risk_assessment(&self, flag: &Id, a: &Assessment, by: &Id, event: AuditEvent) -> Result<Id> {
        self.record_risk_assessment_at(flag, a, by, event, Timestamp::now()).await
    }

    /// `record_risk_assessment` as if done at `now`: for imports and the demo's history.
    #[crate::boxing::boxed_future]
    pub async fn record_risk_assessment_at(
        &self,
        flag: &Id,
        a: &Assessment,
        by: &Id,
        mut event: AuditEvent,
        now: Timestamp,
    ) -> Result<Id> {
        let id = Id::new();
        let mut tx = self.begin_write().await?;
        let row = sqlx::query("SELECT client_id, status FROM risk_flags WHERE id = $1")
            .bind(flag.as_str())
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        let (client, status): (String, String) = (row.col("client_id")?, row.col("status")?);
        if status == "closed" {
            return Err(StoreError::Invalid("this flag is closed".into()));
        }
        let (tool, answers, name, result) = screening_columns(&a.screening);
        sqlx::query(
            "INSERT INTO risk_assessments (id, client_id, flag_id, ideation, plan, intent, means, history, \
             protective_factors, risk_level, actions, assessed_by, assessed_at, screening_tool, screening_answers, \
             screening_name, screening_result, follow_up_on) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
        )
        .bind(id.as_str())
        .bind(client.as_str())
        .bind(flag.as_str())
        .bind(a.ideation.clone())
        .bind(a.plan.clone())
        .bind(a.intent.clone())
        .bind(a.means.clone())
        .bind(a.history.clone())
        .bind(a.protective_factors.clone())
        .bind(a.risk_level.as_str())
        .bind(a.actions.clone())
        .bind(by.as_str())
        .bind(now.to_db())
        .bind(tool)
        .bind(answers)
        .bind(name)
        .bind(result)
        .bind(a.follow_up_on.map(rapport_core::time::format_date))
        .execute(&mut *tx)
        .await?;
        // Assessing a flag also acknowledges it.
        sqlx::query(
            "UPDATE risk_flags SET status = 'acknowledged', acknowledged_at = $1, acknowledged_by = $2 \
             WHERE id = $3 AND status = 'open'",
        )
        .bind(now.to_db())
        .bind(by.as_str())
        .bind(flag.as_str())
        .execute(&mut *tx)
        .await?;
        event.resource_id = Some(id.to_string());
        event.client_id = Some(client);
        event.detail = Some(format!("flag {flag}, risk level {}", a.risk_level.as_str()));
        audit::commit(tx, event, now).await?;
        Ok(id)
    }

    /// The flag an assessment was recorded for (None: no such assessment).
    #[crate::boxing::boxed_future]
    pub async fn risk_assessment_flag(&self, assessment: &Id) -> Result<Option<Id>> {
        let row = sqlx::query("SELECT flag_id FROM risk_assessments WHERE id = $1")
            .bind(assessment.as_str())
            .fetch_optional(&self.read)
            .await?;
        row.map(|r| Ok(Id::from_db(r.col("flag_id")?))).transpose()
    }

    /// The assessments recorded for a flag, newest first.
    #[crate::boxing::boxed_future]
    pub async fn risk_assessments(&self, flag: &Id) -> Result<Vec<AssessmentRow>> {
        let rows = sqlx::query(
            "SELECT a.id, a.flag_id, a.ideation, a.plan, a.intent, a.means, a.history, a.protective_factors, \
             a.risk_level, a.actions, u.name AS assessed_by_name, a.assessed_at, a.screening_tool, \
             a.screening_answers, a.screening_name, a.screening_result, a.follow_up_on FROM risk_assessments a \
             JOIN users u ON u.id = a.assessed_by WHERE a.flag_id = $1 ORDER BY a.assessed_at DESC, a.id DESC",
        )
        .bind(flag.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(assessment_from_row).collect()
    }

    /// Risk follow-ups due on `today` for these clients: the follow-up date of
    /// each client's latest assessment, when it has come and no later
    /// assessment of the client and no signed progress note of a session on
    /// or after that date (its risk check) has answered it. (client id, flag
    /// id, follow-up date), earliest first.
    #[crate::boxing::boxed_future]
    pub async fn risk_follow_ups_due(&self, clients: &[Id], today: time::Date) -> Result<Vec<(Id, Id, time::Date)>> {
        if clients.is_empty() {
            return Ok(Vec::new());
        }
        let list = (0..clients.len()).map(|i| format!("${}", i + 2)).collect::<Vec<_>>().join(", ");
        let sql = format!(
            "SELECT a.client_id, a.flag_id, a.follow_up_on FROM risk_assessments a \
             WHERE a.client_id IN ({list}) AND a.follow_up_on IS NOT NULL AND a.follow_up_on <= $1 \
             AND NOT EXISTS (SELECT 1 FROM risk_assessments b WHERE b.client_id = a.client_id \
                 AND (b.assessed_at > a.assessed_at OR (b.assessed_at = a.assessed_at AND b.id > a.id))) \
             AND NOT EXISTS (SELECT 1 FROM progress_notes n JOIN therapy_sessions s ON s.id = n.session_id \
                 WHERE n.client_id = a.client_id AND n.status = 'signed' AND s.session_date >= a.follow_up_on) \
             ORDER BY a.follow_up_on, a.client_id"
        );
        let mut q = sqlx::query(&sql).bind(rapport_core::time::format_date(today));
        for c in clients {
            q = q.bind(c.as_str());
        }
        let rows = q.fetch_all(&self.read).await?;
        rows.iter()
            .map(|r| {
                let on: String = r.col("follow_up_on")?;
                let date = rapport_core::time::parse_date(&on)
                    .ok_or_else(|| StoreError::Invalid(format!("bad follow-up date {on}")))?;
                Ok((Id::from_db(r.col("client_id")?), Id::from_db(r.col("flag_id")?), date))
            })
            .collect()
    }

    /// Saves a new version of the client's safety plan; returns (id, version).
    #[crate::boxing::boxed_future]
    pub async fn save_safety_plan(
        &self,
        client: &Id,
        p: &SafetyPlan,
        by: &Id,
        mut event: AuditEvent,
    ) -> Result<(Id, i64)> {
        let id = Id::new();
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let version: i64 =
            sqlx::query("SELECT COALESCE(MAX(version), 0) + 1 AS v FROM safety_plans WHERE client_id = $1")
                .bind(client.as_str())
                .fetch_one(&mut *tx)
                .await?
                .col("v")?;
        sqlx::query(
            "INSERT INTO safety_plans (id, client_id, version, warning_signs, coping_strategies, distractions, \
             people_to_ask, professionals, environment_safety, reasons_for_living, shared_with_client, created_by, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        )
        .bind(id.as_str())
        .bind(client.as_str())
        .bind(version)
        .bind(p.warning_signs.clone())
        .bind(p.coping_strategies.clone())
        .bind(p.distractions.clone())
        .bind(p.people_to_ask.clone())
        .bind(p.professionals.clone())
        .bind(p.environment_safety.clone())
        .bind(p.reasons_for_living.clone())
        .bind(p.shared_with_client as i64)
        .bind(by.as_str())
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?;
        event.resource_id = Some(id.to_string());
        event.client_id = Some(client.to_string());
        event.detail = Some(format!("version {version}"));
        audit::commit(tx, event, now).await?;
        Ok((id, version))
    }

    /// Every safety plan version of a client, newest first.
    #[crate::boxing::boxed_future]
    pub async fn safety_plans(&self, client: &Id) -> Result<Vec<SafetyPlanRow>> {
        let rows = sqlx::query(
            "SELECT id, client_id, version, warning_signs, coping_strategies, distractions, people_to_ask, professionals, \
             environment_safety, reasons_for_living, shared_with_client, created_by, created_at FROM safety_plans \
             WHERE client_id = $1 ORDER BY version DESC",
        )
        .bind(client.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(SafetyPlanRow {
                    id: Id::from_db(r.col("id")?),
                    client_id: Id::from_db(r.col("client_id")?),
                    version: r.col("version")?,
                    plan: SafetyPlan {
                        warning_signs: r.col("warning_signs")?,
                        coping_strategies: r.col("coping_strategies")?,
                        distractions: r.col("distractions")?,
                        people_to_ask: r.col("people_to_ask")?,
                        professionals: r.col("professionals")?,
                        environment_safety: r.col("environment_safety")?,
                        reasons_for_living: r.col("reasons_for_living")?,
                        shared_with_client: r.col::<i64>("shared_with_client")? != 0,
                    },
                    created_by: Id::from_db(r.col("created_by")?),
                    created_at: ts(&r.col::<String>("created_at")?),
                })
            })
            .collect()
    }

    /// The latest safety plan version of a client.
    #[crate::boxing::boxed_future]
    pub async fn latest_safety_plan(&self, client: &Id) -> Result<Option<SafetyPlanRow>> {
        Ok(self.safety_plans(client).await?.into_iter().next())
    }

    /// Signs off and closes a flag. Refused unless the assessment belongs to
    /// this flag and the safety plan version to this client.
    #[crate::boxing::boxed_future]
    pub async fn close_risk_flag(
        &self,
        flag: &Id,
        assessment: &Id,
        safety_plan: &Id,
        by: &Id,
        note: Option<&str>,
        event: AuditEvent,
    ) -> Result<()> {
        self.close_risk_flag_at(flag, assessment, safety_plan, by, note, event, Timestamp::now()).await
    }

    /// `close_risk_flag` as if done at `now`: for imports and the demo's history.
    #[allow(clippy::too_many_arguments)] // the flag, its evidence, who, why, the audit entry and when
    #[crate::boxing::boxed_future]
    pub async fn close_risk_flag_at(
        &self,
        flag: &Id,
        assessment: &Id,
        safety_plan: &Id,
        by: &Id,
        note: Option<&str>,
        event: AuditEvent,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query("SELECT client_id, status FROM risk_flags WHERE id = $1")
            .bind(flag.as_str())
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        let (client, status): (String, String) = (row.col("client_id")?, row.col("status")?);
        if status == "closed" {
            return Err(StoreError::Invalid("this flag is already closed".into()));
        }
        let a = sqlx::query("SELECT 1 AS one FROM risk_assessments WHERE id = $1 AND flag_id = $2")
            .bind(assessment.as_str())
            .bind(flag.as_str())
            .fetch_optional(&mut *tx)
            .await?;
        if a.is_none() {
            return Err(StoreError::Invalid("record a risk assessment for this flag first".into()));
        }
        let p = sqlx::query("SELECT created_at FROM safety_plans WHERE id = $1 AND client_id = $2")
            .bind(safety_plan.as_str())
            .bind(client.as_str())
            .fetch_optional(&mut *tx)
            .await?;
        let Some(p) = p else {
            return Err(StoreError::Invalid("save a safety plan for this client first".into()));
        };
        // The plan must be a review dated after the positive answer (the
        // response's completion, or the flag's raising), not an earlier version.
        let answered = sqlx::query(
            "SELECT COALESCE(r.completed_at, f.raised_at) AS answered_at FROM risk_flags f \
             LEFT JOIN measure_responses r ON r.id = f.response_id WHERE f.id = $1",
        )
        .bind(flag.as_str())
        .fetch_one(&mut *tx)
        .await?;
        let answered_at = ts(&answered.col::<String>("answered_at")?);
        if !rapport_core::risk::plan_reviewed_after(answered_at, ts(&p.col::<String>("created_at")?)) {
            return Err(StoreError::Invalid(PLAN_BEFORE_ANSWER.into()));
        }
        sqlx::query(
            "UPDATE risk_flags SET status = 'closed', assessment_id = $1, safety_plan_id = $2, closed_at = $3, \
             closed_by = $4, closing_note = $5, acknowledged_at = COALESCE(acknowledged_at, $3), \
             acknowledged_by = COALESCE(acknowledged_by, $4) WHERE id = $6",
        )
        .bind(assessment.as_str())
        .bind(safety_plan.as_str())
        .bind(now.to_db())
        .bind(by.as_str())
        .bind(note.map(str::to_string))
        .bind(flag.as_str())
        .execute(&mut *tx)
        .await?;
        audit::commit(tx, event, now).await?;
        Ok(())
    }

    /// Notifications, newest first (for the sender and for tests).
    #[crate::boxing::boxed_future]
    pub async fn outbox(&self, limit: i64) -> Result<Vec<OutboxRow>> {
        let rows = sqlx::query(
            "SELECT id, kind, recipient_user_id, recipient_email, subject, body, client_id, risk_flag_id, created_at, \
             sent_at, attempts, last_error, next_attempt_at FROM outbox ORDER BY created_at DESC, id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(OutboxRow {
                    id: Id::from_db(r.col("id")?),
                    kind: r.col("kind")?,
                    recipient_user_id: r.col::<Option<String>>("recipient_user_id")?.map(Id::from_db),
                    recipient_email: r.col("recipient_email")?,
                    subject: r.col("subject")?,
                    body: r.col("body")?,
                    client_id: r.col("client_id")?,
                    risk_flag_id: r.col("risk_flag_id")?,
                    created_at: ts(&r.col::<String>("created_at")?),
                    sent_at: opt_ts(r.col("sent_at")?),
                    attempts: r.col("attempts")?,
                    last_error: r.col("last_error")?,
                    next_attempt_at: opt_ts(r.col("next_attempt_at")?),
                })
            })
            .collect()
    }
}
