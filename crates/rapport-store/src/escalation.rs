//! Escalation of risk flags that miss a deadline (rules in
//! `rapport_core::escalation`): each step is recorded in `risk_escalations`
//! (migration 0019) and its notifications queued in the outbox, in one
//! transaction. The unique (flag, deadline, step) key is the claim: a step is
//! taken once, even by two instances running the job at the same moment.

use crate::row::Named;
use crate::{audit, opt_ts, ts, Result, Store};
use rapport_core::audit::{action, AuditEvent, Outcome};
use rapport_core::escalation::{
    due_steps, duty_cover, new_flag_route, route_step, step_audit_detail, step_message, Deadline, Deadlines, DutyCover,
    FlagClock, NewFlagRoute, Route, Tier, RAISED_KIND,
};
use rapport_core::{Id, Timestamp};
use serde::Serialize;
use sqlx::{Any, Transaction};

/// One step taken (returned by the job, and the flag's history).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EscalationStep {
    pub flag_id: Id,
    pub deadline: Deadline,
    pub step: i64,
    pub tier: Tier,
    /// Who was told: `supervisors`, `duty_clinician`, `administrators`, or a
    /// `+`-joined combination for reminders.
    pub routed_to: String,
    pub recipients: Vec<Id>,
    pub due_at: Timestamp,
    pub escalated_at: Timestamp,
}

/// The organisation's deadlines and duty clinician, read in the transaction.
struct Rules {
    deadlines: Deadlines,
    duty: Option<String>,
}

async fn rules(tx: &mut Transaction<'static, Any>, ack_override: Option<i64>) -> Result<Rules> {
    let row = sqlx::query(
        "SELECT risk_acknowledgement_hours, risk_assessment_hours, duty_clinician_id FROM organisation WHERE id = 1",
    )
    .fetch_optional(&mut **tx)
    .await?;
    let mut org = crate::org::Organisation::default();
    if let Some(r) = row {
        org.risk_acknowledgement_hours = r.col("risk_acknowledgement_hours")?;
        org.risk_assessment_hours = r.col("risk_assessment_hours")?;
        org.duty_clinician_id = r.col::<Option<String>>("duty_clinician_id")?.map(Id::from_db);
    }
    if let Some(h) = ack_override {
        org.risk_acknowledgement_hours = h;
    }
    Ok(Rules { deadlines: org.deadlines(), duty: org.duty_clinician_id.map(|d| d.to_string()) })
}

async fn ids(tx: &mut Transaction<'static, Any>, sql: &str, arg: Option<&str>) -> Result<Vec<String>> {
    let mut q = sqlx::query(sql);
    if let Some(a) = arg {
        q = q.bind(a.to_string());
    }
    Ok(q.fetch_all(&mut **tx).await?.iter().map(|r| r.col::<String>("id")).collect::<std::result::Result<_, _>>()?)
}

/// The active supervisors of `clinician`.
async fn supervisors_of(tx: &mut Transaction<'static, Any>, clinician: &Id) -> Result<Vec<Id>> {
    Ok(ids(
        tx,
        "SELECT s.supervisor_id AS id FROM supervision s JOIN users u ON u.id = s.supervisor_id \
         WHERE s.clinician_id = $1 AND u.active = 1 ORDER BY s.supervisor_id",
        Some(clinician.as_str()),
    )
    .await?
    .into_iter()
    .map(Id::from_db)
    .collect())
}

/// Who covers (`escalation::duty_cover`), from the duty clinician if set and
/// active and the active administrators.
async fn duty_tier(tx: &mut Transaction<'static, Any>, duty: Option<&str>) -> Result<DutyCover> {
    let mut active_duty = None;
    if let Some(d) = duty {
        active_duty = ids(tx, "SELECT id FROM users WHERE id = $1 AND active = 1", Some(d)).await?.pop();
    }
    let admins = ids(tx, "SELECT id FROM users WHERE role = 'admin' AND active = 1 ORDER BY id", None).await?;
    Ok(duty_cover(active_duty.map(Id::from_db), admins.into_iter().map(Id::from_db).collect()))
}

/// Everything the rules need about one flag, read in the transaction.
struct FlagFacts {
    client: Id,
    responsible: Id,
    clock: FlagClock,
    done: Vec<(Deadline, i64)>,
}

async fn facts(tx: &mut Transaction<'static, Any>, flag: &Id) -> Result<Option<FlagFacts>> {
    let Some(r) = sqlx::query(
        "SELECT f.client_id, f.raised_at, f.acknowledged_at, f.closed_at, c.responsible_clinician_id, u.active, \
         (SELECT MIN(a.assessed_at) FROM risk_assessments a WHERE a.flag_id = f.id) AS assessed_at \
         FROM risk_flags f JOIN clients c ON c.id = f.client_id JOIN users u ON u.id = c.responsible_clinician_id \
         WHERE f.id = $1",
    )
    .bind(flag.as_str())
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Ok(None);
    };
    let done = sqlx::query("SELECT deadline, step FROM risk_escalations WHERE flag_id = $1")
        .bind(flag.as_str())
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|d| {
            let name: String = d.col("deadline")?;
            let deadline = Deadline::parse(&name)
                .ok_or_else(|| crate::StoreError::Invalid(format!("bad escalation deadline {name}")))?;
            Ok((deadline, d.col::<i64>("step")?))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Some(FlagFacts {
        client: Id::from_db(r.col("client_id")?),
        responsible: Id::from_db(r.col("responsible_clinician_id")?),
        clock: FlagClock {
            raised_at: ts(&r.col::<String>("raised_at")?),
            acknowledged_at: opt_ts(r.col("acknowledged_at")?),
            assessed_at: opt_ts(r.col("assessed_at")?),
            closed_at: opt_ts(r.col("closed_at")?),
            responsible_active: r.col::<i64>("active")? != 0,
        },
        done,
    }))
}

fn system_event(act: &str) -> AuditEvent {
    AuditEvent {
        actor_label: "system".into(),
        action: act.into(),
        resource_type: "risk_flag".into(),
        outcome: Outcome::Success.as_str().into(),
        ..Default::default()
    }
}

/// Takes every step due for `flag` at `now` (none when it is handled or not
/// yet late) in the caller's transaction; returns the steps taken and their
/// audit entries (appended by the caller).
pub(crate) async fn escalate_flag_in(
    tx: &mut Transaction<'static, Any>,
    flag: &Id,
    now: Timestamp,
    ack_override: Option<i64>,
) -> Result<(Vec<EscalationStep>, Vec<AuditEvent>)> {
    let rules = rules(tx, ack_override).await?;
    let Some(f) = facts(tx, flag).await? else { return Ok((Vec::new(), Vec::new())) };
    let mut taken = Vec::new();
    let mut events = Vec::new();
    for due in due_steps(&f.clock, &rules.deadlines, &f.done, now) {
        let supervisors = supervisors_of(tx, &f.responsible).await?;
        let duty = duty_tier(tx, rules.duty.as_deref()).await?;
        let Route { recipients: to, routed_to, kind } =
            route_step(due.tier, &f.responsible, f.clock.responsible_active, &supervisors, &duty);
        let joined = to.iter().map(Id::as_str).collect::<Vec<_>>().join(",");
        let claimed = sqlx::query(
            "INSERT INTO risk_escalations (id, flag_id, deadline, step, tier, routed_to, recipients, due_at, \
             escalated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (flag_id, deadline, step) DO NOTHING",
        )
        .bind(Id::new().as_str())
        .bind(flag.as_str())
        .bind(due.deadline.as_str())
        .bind(due.step)
        .bind(due.tier.as_str())
        .bind(routed_to.clone())
        .bind(joined.clone())
        .bind(due.due_at.to_db())
        .bind(now.to_db())
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if claimed == 0 {
            // Another instance took this step first.
            continue;
        }
        // The first step taken also fills the flag's summary columns.
        sqlx::query(
            "UPDATE risk_flags SET escalated_at = $1, escalated_to = $2 WHERE id = $3 AND escalated_at IS NULL",
        )
        .bind(now.to_db())
        .bind(joined)
        .bind(flag.as_str())
        .execute(&mut **tx)
        .await?;
        let (subject, body) = step_message(&due, &f.clock, &rules.deadlines, now, flag);
        for recipient in &to {
            crate::measures::enqueue(tx, kind, Some(recipient), &subject, &body, &f.client, flag, now).await?;
        }
        let act = if due.tier == Tier::Reminder { action::RISK_FLAG_REMIND } else { action::RISK_FLAG_ESCALATE };
        let mut e = system_event(act);
        e.resource_id = Some(flag.to_string());
        e.client_id = Some(f.client.to_string());
        e.detail = Some(step_audit_detail(&due, &f.clock, now, &routed_to, to.len()));
        events.push(e);
        taken.push(EscalationStep {
            flag_id: flag.clone(),
            deadline: due.deadline,
            step: due.step,
            tier: due.tier,
            routed_to,
            recipients: to,
            due_at: due.due_at,
            escalated_at: now,
        });
    }
    Ok((taken, events))
}

/// A flag just raised: its responsible clinician is told; when that clinician
/// is inactive, the flag goes straight to the supervisors (or the duty
/// clinician / administrators), recorded as the first acknowledgement step.
pub(crate) async fn route_new_flag(
    tx: &mut Transaction<'static, Any>,
    flag: &Id,
    client: &Id,
    subject: &str,
    body: &str,
    now: Timestamp,
) -> Result<Vec<AuditEvent>> {
    let r = sqlx::query(
        "SELECT c.responsible_clinician_id, u.active FROM clients c JOIN users u ON u.id = c.responsible_clinician_id \
         WHERE c.id = $1",
    )
    .bind(client.as_str())
    .fetch_one(&mut **tx)
    .await?;
    let responsible = Id::from_db(r.col("responsible_clinician_id")?);
    match new_flag_route(r.col::<i64>("active")? != 0) {
        NewFlagRoute::Responsible => {
            crate::measures::enqueue(tx, RAISED_KIND, Some(&responsible), subject, body, client, flag, now).await?;
            Ok(Vec::new())
        }
        NewFlagRoute::Escalate => Ok(escalate_flag_in(tx, flag, now, None).await?.1),
    }
}

/// A row of a flag's escalation history, with the names of those told.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EscalationHistoryRow {
    #[serde(flatten)]
    pub step: EscalationStep,
    pub recipient_names: Vec<String>,
}

impl Store {
    /// The escalation job: every step due at `now` for every flag not yet
    /// closed, with the organisation's deadlines (`ack_override`, in hours,
    /// replaces the acknowledgement deadline: the deprecated
    /// `--risk-escalation-hours`). Returns the steps taken, in flag order.
    #[crate::boxing::boxed_future]
    pub async fn escalate_overdue_risk_flags(
        &self,
        now: Timestamp,
        ack_override: Option<i64>,
    ) -> Result<Vec<EscalationStep>> {
        let mut tx = self.begin_write().await?;
        let flags: Vec<String> = sqlx::query(
            "SELECT id FROM risk_flags WHERE status <> 'closed' AND raised_at <= $1 ORDER BY raised_at, id",
        )
        .bind(now.to_db())
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| r.col::<String>("id"))
        .collect::<std::result::Result<_, _>>()?;
        let mut taken = Vec::new();
        let mut events = Vec::new();
        for flag in flags {
            let (mut t, mut e) = escalate_flag_in(&mut tx, &Id::from_db(flag), now, ack_override).await?;
            taken.append(&mut t);
            events.append(&mut e);
        }
        if !events.is_empty() {
            audit::append_many(&mut tx, events, now).await?;
        }
        tx.commit().await?;
        Ok(taken)
    }

    /// The steps taken for a flag, oldest first.
    #[crate::boxing::boxed_future]
    pub async fn risk_escalations(&self, flag: &Id) -> Result<Vec<EscalationHistoryRow>> {
        let rows = sqlx::query(
            "SELECT deadline, step, tier, routed_to, recipients, due_at, escalated_at FROM risk_escalations \
             WHERE flag_id = $1 ORDER BY escalated_at, due_at, deadline, step",
        )
        .bind(flag.as_str())
        .fetch_all(&self.read)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let deadline: String = r.col("deadline")?;
            let tier: String = r.col("tier")?;
            let recipients: String = r.col("recipients")?;
            let recipients: Vec<Id> =
                recipients.split(',').filter(|s| !s.is_empty()).map(|s| Id::from_db(s.to_string())).collect();
            let mut names = Vec::with_capacity(recipients.len());
            for u in &recipients {
                let name: Option<String> = sqlx::query("SELECT name FROM users WHERE id = $1")
                    .bind(u.as_str())
                    .fetch_optional(&self.read)
                    .await?
                    .map(|r| r.col("name"))
                    .transpose()?;
                names.push(name.unwrap_or_else(|| u.to_string()));
            }
            out.push(EscalationHistoryRow {
                step: EscalationStep {
                    flag_id: flag.clone(),
                    deadline: Deadline::parse(&deadline)
                        .ok_or_else(|| crate::StoreError::Invalid(format!("bad escalation deadline {deadline}")))?,
                    step: r.col("step")?,
                    tier: match tier.as_str() {
                        "supervisors" => Tier::Supervisors,
                        "duty" => Tier::Duty,
                        "reminder" => Tier::Reminder,
                        other => return Err(crate::StoreError::Invalid(format!("bad escalation tier {other}"))),
                    },
                    routed_to: r.col("routed_to")?,
                    recipients,
                    due_at: ts(&r.col::<String>("due_at")?),
                    escalated_at: ts(&r.col::<String>("escalated_at")?),
                },
                recipient_names: names,
            });
        }
        Ok(out)
    }
}
