//! Organisation-wide settings (one row).

use crate::row::Named;
use crate::{audit, Result, Store};
use rapport_core::audit::AuditEvent;
use rapport_core::escalation::Deadlines;
use rapport_core::session::SessionPolicy;
use rapport_core::{Id, Timestamp};
use time::Duration;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organisation {
    pub name: String,
    pub idle_timeout_minutes: i64,
    pub absolute_lifetime_hours: i64,
    pub break_glass_hours: i64,
    /// Every staff account must use two-step verification.
    pub require_mfa: bool,
    /// Crisis resources shown to clients, one per line (empty until an
    /// administrator adds them: there is no country's default).
    pub crisis_resources: String,
    /// The country the organisation works in, as the administrator wrote it
    /// (empty when not given).
    pub country: String,
    /// Hours from a risk flag's raising to its acknowledgement (1 to 72).
    pub risk_acknowledgement_hours: i64,
    /// Hours from a risk flag's raising to a recorded assessment (1 to 72).
    pub risk_assessment_hours: i64,
    /// Told after the supervisors when a flag's deadline is missed (none: the administrators).
    pub duty_clinician_id: Option<Id>,
    /// The IANA time zone times are shown in (and session times are read in).
    pub time_zone: String,
    /// Days a session recording is kept before it is deleted; 0: the
    /// organisation does not take session recordings.
    pub recording_retention_days: i64,
    /// Clinicians and facilitators are asked to self-rate every session they run.
    pub require_self_rating: bool,
    /// The language pages are shown in when neither the account nor the
    /// browser names one the interface has (a language tag: "en", "es").
    pub default_language: String,
    /// How many rings the interpersonal inventory's closeness circle has
    /// (3 to 6; the manuals' circle has three).
    pub closeness_rings: u8,
}

/// Shown to clients while the organisation has no crisis lines of its own.
pub const GENERIC_CRISIS_LINE: &str =
    "If you are in danger or cannot keep yourself safe, call your local emergency number now.";

impl Default for Organisation {
    fn default() -> Self {
        Organisation {
            name: "Rapport".into(),
            idle_timeout_minutes: 30,
            absolute_lifetime_hours: 12,
            break_glass_hours: 4,
            require_mfa: false,
            crisis_resources: String::new(),
            country: String::new(),
            risk_acknowledgement_hours: rapport_core::escalation::DEFAULT_ACKNOWLEDGEMENT_HOURS,
            risk_assessment_hours: rapport_core::escalation::DEFAULT_ASSESSMENT_HOURS,
            duty_clinician_id: None,
            time_zone: "UTC".into(),
            recording_retention_days: 0,
            require_self_rating: false,
            default_language: "en".into(),
            closeness_rings: rapport_core::inventory::DEFAULT_RING_COUNT,
        }
    }
}

impl Organisation {
    /// The organisation's own crisis lines (blank lines dropped); may be empty.
    pub fn configured_crisis_lines(&self) -> Vec<String> {
        self.crisis_resources.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
    }

    /// The crisis lines shown to clients: the organisation's own, or, until an
    /// administrator adds them, the generic "call your local emergency number".
    pub fn crisis_lines(&self) -> Vec<String> {
        let own = self.configured_crisis_lines();
        if own.is_empty() {
            vec![GENERIC_CRISIS_LINE.to_string()]
        } else {
            own
        }
    }

    /// The risk-flag deadlines (a stored value outside 1 to 72 hours is
    /// brought back into that range: a deadline is never dropped).
    pub fn deadlines(&self) -> Deadlines {
        let clamp = |h: i64| h.clamp(rapport_core::escalation::MIN_HOURS, rapport_core::escalation::MAX_HOURS);
        Deadlines {
            acknowledgement_hours: clamp(self.risk_acknowledgement_hours),
            assessment_hours: clamp(self.risk_assessment_hours),
        }
    }

    /// The organisation's time zone (UTC when unset or unknown).
    pub fn zone(&self) -> rapport_core::zone::Zone {
        rapport_core::zone::Zone::or_utc(&self.time_zone)
    }

    pub fn session_policy(&self) -> SessionPolicy {
        SessionPolicy {
            idle_timeout: Duration::minutes(self.idle_timeout_minutes),
            absolute_lifetime: Duration::hours(self.absolute_lifetime_hours),
        }
    }
}

/// What first-run setup asks about the organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrgSetup {
    pub name: String,
    pub country: String,
    /// One per line; may be empty (clients then see the generic line).
    pub crisis_resources: String,
}

pub(crate) async fn upsert_setup(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    org: &OrgSetup,
    now: Timestamp,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO organisation (id, name, country, crisis_resources, updated_at) VALUES (1, $1, $3, $4, $2) \
         ON CONFLICT (id) DO UPDATE SET name = $1, country = $3, crisis_resources = $4, updated_at = $2",
    )
    .bind(&org.name)
    .bind(now.to_db())
    .bind(&org.country)
    .bind(&org.crisis_resources)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    #[crate::boxing::boxed_future]
    pub async fn organisation(&self) -> Result<Organisation> {
        let row = sqlx::query(
            "SELECT name, idle_timeout_minutes, absolute_lifetime_hours, break_glass_hours, require_mfa, crisis_resources, \
             country, risk_acknowledgement_hours, risk_assessment_hours, duty_clinician_id, time_zone, recording_retention_days, require_self_rating, \
             default_language, closeness_rings FROM organisation WHERE id = 1",
        )
        .fetch_optional(&self.read)
        .await?;
        Ok(match row {
            None => Organisation::default(),
            Some(r) => Organisation {
                name: r.col("name")?,
                idle_timeout_minutes: r.col("idle_timeout_minutes")?,
                absolute_lifetime_hours: r.col("absolute_lifetime_hours")?,
                break_glass_hours: r.col("break_glass_hours")?,
                require_mfa: r.col::<i64>("require_mfa")? != 0,
                crisis_resources: r.col::<Option<String>>("crisis_resources")?.unwrap_or_default(),
                country: r.col::<Option<String>>("country")?.unwrap_or_default(),
                risk_acknowledgement_hours: r.col("risk_acknowledgement_hours")?,
                risk_assessment_hours: r.col("risk_assessment_hours")?,
                duty_clinician_id: r.col::<Option<String>>("duty_clinician_id")?.map(Id::from_db),
                time_zone: r.col::<Option<String>>("time_zone")?.unwrap_or_else(|| "UTC".into()),
                recording_retention_days: r.col("recording_retention_days")?,
                require_self_rating: r.col::<i64>("require_self_rating")? != 0,
                default_language: r.col("default_language")?,
                // A value outside the range (edited by hand) is brought back into it.
                closeness_rings: r.col::<i64>("closeness_rings")?.clamp(
                    rapport_core::inventory::MIN_RING_COUNT.into(),
                    rapport_core::inventory::MAX_RING_COUNT.into(),
                ) as u8,
            },
        })
    }

    #[crate::boxing::boxed_future]
    pub async fn update_organisation(&self, org: &Organisation, event: AuditEvent) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO organisation (id, name, idle_timeout_minutes, absolute_lifetime_hours, break_glass_hours, \
             require_mfa, crisis_resources, country, risk_acknowledgement_hours, risk_assessment_hours, \
             duty_clinician_id, time_zone, recording_retention_days, require_self_rating, default_language, closeness_rings, \
             updated_at) VALUES (1, $1, $2, $3, $4, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $5) \
             ON CONFLICT (id) DO UPDATE SET name = $1, idle_timeout_minutes = $2, absolute_lifetime_hours = $3, \
             break_glass_hours = $4, require_mfa = $6, crisis_resources = $7, country = $8, \
             risk_acknowledgement_hours = $9, risk_assessment_hours = $10, duty_clinician_id = $11, time_zone = $12, \
             recording_retention_days = $13, require_self_rating = $14, default_language = $15, closeness_rings = $16, \
             updated_at = $5",
        )
        .bind(&org.name)
        .bind(org.idle_timeout_minutes)
        .bind(org.absolute_lifetime_hours)
        .bind(org.break_glass_hours)
        .bind(now.to_db())
        .bind(org.require_mfa as i64)
        .bind(&org.crisis_resources)
        .bind(&org.country)
        .bind(org.risk_acknowledgement_hours)
        .bind(org.risk_assessment_hours)
        .bind(org.duty_clinician_id.as_ref().map(|d| d.as_str().to_string()))
        .bind(&org.time_zone)
        .bind(org.recording_retention_days)
        .bind(org.require_self_rating as i64)
        .bind(&org.default_language)
        .bind(i64::from(org.closeness_rings))
        .execute(&mut *tx)
        .await?;
        audit::commit(tx, event, now).await?;
        Ok(())
    }
}
