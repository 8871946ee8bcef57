//! Organisation settings: session limits, two-step requirement, emergency
//! access, crisis resources, country and the risk-flag deadlines.

use crate::access::require_admin;
use crate::caller::Identity;
use crate::error::field_error;
use crate::{AppResult, AppState};
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::organisation as rule;
use rapport_core::{Id, ValidationErrors};
use rapport_store::org::Organisation;
use rapport_store::users::User;
use serde::Deserialize;

/// The settings form as posted; a field left out keeps its current value
/// where noted (older forms).
#[derive(Deserialize, Default, Debug, Clone)]
pub struct SettingsForm {
    pub name: Option<String>,
    pub idle_timeout_minutes: Option<String>,
    pub absolute_lifetime_hours: Option<String>,
    pub break_glass_hours: Option<String>,
    pub require_mfa: Option<String>,
    pub crisis_resources: Option<String>,
    pub country: Option<String>,
    pub risk_acknowledgement_hours: Option<String>,
    pub risk_assessment_hours: Option<String>,
    pub duty_clinician_id: Option<String>,
    pub time_zone: Option<String>,
    pub recording_retention_days: Option<String>,
    /// Present (a checkbox) on forms that show it; see `supervision_fields`.
    pub require_self_rating: Option<String>,
    /// Marks a form that carries the supervision fields (so an unticked
    /// box reads as "off", and an older form keeps the current value).
    pub supervision_fields: Option<String>,
    /// A shipped language tag (`rapport_i18n::SHIPPED`); absent: kept as it is.
    pub default_language: Option<String>,
    /// Rings of the closeness circle (3 to 6); absent: kept as it is.
    pub closeness_rings: Option<String>,
}

/// The trimmed value, if it is not blank.
pub(crate) fn non_blank(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// Active accounts that hold a caseload: who may be the duty clinician or take over clients.
#[crate::boxing::boxed_future]
pub async fn caseload_holders(state: &AppState) -> AppResult<Vec<User>> {
    Ok(state
        .store
        .users()
        .await?
        .into_iter()
        .filter(|u| {
            u.active && (matches!(u.role, Role::Clinician | Role::Supervisor) || (u.role == Role::Admin && u.practises))
        })
        .collect())
}

/// The settings as stored (administrators only).
#[crate::boxing::boxed_future]
pub async fn settings(state: &AppState, me: &Identity) -> AppResult<Organisation> {
    require_admin(state, me, "settings").await?;
    Ok(state.store.organisation().await?)
}

/// Checks and stores the settings; `Ok(Err(errors))` when the form is refused.
#[crate::boxing::boxed_future]
pub async fn update_settings(
    state: &AppState,
    me: &Identity,
    f: &SettingsForm,
) -> AppResult<Result<(), ValidationErrors>> {
    require_admin(state, me, "settings").await?;
    let mut errors = ValidationErrors::new();
    let current = state.store.organisation().await?;
    let duty_choices = caseload_holders(state).await?;
    let name = non_blank(&f.name).unwrap_or_default();
    if name.is_empty() {
        errors.0.push(field_error("name", rapport_i18n::msg("admin-error-org-name"), vec![]));
    } else if name.chars().count() > 120 {
        errors.0.push(field_error("name", rapport_i18n::msg("admin-error-org-name-long"), vec![]));
    }
    let org = Organisation {
        default_language: match f.default_language.as_deref().map(str::trim) {
            None => current.default_language.clone(),
            Some(code) => match rapport_i18n::SHIPPED.iter().find(|(tag, _)| tag.eq_ignore_ascii_case(code)) {
                Some((tag, _)) => (*tag).to_string(),
                None => {
                    errors.0.push(field_error(
                        "default_language",
                        rapport_core::msg("admin-settings-default-language-unknown"),
                        vec![],
                    ));
                    current.default_language.clone()
                }
            },
        },
        name,
        idle_timeout_minutes: rule::IDLE_TIMEOUT.read(&mut errors, &f.idle_timeout_minutes),
        absolute_lifetime_hours: rule::SESSION_LIFETIME.read(&mut errors, &f.absolute_lifetime_hours),
        break_glass_hours: rule::BREAK_GLASS.read(&mut errors, &f.break_glass_hours),
        require_mfa: f.require_mfa.is_some(),
        // A form without the field (an older client) keeps the current list.
        crisis_resources: match &f.crisis_resources {
            Some(_) => rule::crisis_resources(&mut errors, &f.crisis_resources),
            None => current.crisis_resources.clone(),
        },
        // Risk-flag deadlines and the duty clinician: likewise kept when absent.
        risk_acknowledgement_hours: rule::RISK_ACKNOWLEDGEMENT.read_or(
            &mut errors,
            &f.risk_acknowledgement_hours,
            current.risk_acknowledgement_hours,
        ),
        risk_assessment_hours: rule::RISK_ASSESSMENT.read_or(
            &mut errors,
            &f.risk_assessment_hours,
            current.risk_assessment_hours,
        ),
        duty_clinician_id: match f.duty_clinician_id.as_deref().map(str::trim) {
            None => current.duty_clinician_id.clone(),
            Some("") => None,
            Some(raw) => match Id::parse(raw).filter(|id| duty_choices.iter().any(|u| &u.id == id)) {
                Some(id) => Some(id),
                None => {
                    errors.0.push(field_error("duty_clinician_id", rapport_i18n::msg("admin-error-duty"), vec![]));
                    None
                }
            },
        },
        country: match &f.country {
            Some(_) => rule::country(&mut errors, &f.country),
            None => current.country.clone(),
        },
        time_zone: match &f.time_zone {
            Some(_) => rule::time_zone(&mut errors, &f.time_zone),
            None => current.time_zone.clone(),
        },
        recording_retention_days: rule::RECORDING_RETENTION.read_or(
            &mut errors,
            &f.recording_retention_days,
            current.recording_retention_days,
        ),
        require_self_rating: match f.supervision_fields {
            Some(_) => f.require_self_rating.is_some(),
            None => current.require_self_rating,
        },
        closeness_rings: rule::CLOSENESS_RINGS.read_or(&mut errors, &f.closeness_rings, current.closeness_rings.into())
            as u8,
    };
    if errors.for_field("closeness_rings").is_none() && org.closeness_rings < current.closeness_rings {
        let outside = crate::inventory::people_beyond_ring(state, org.closeness_rings).await?;
        if outside > 0 {
            errors.0.push(field_error(
                "closeness_rings",
                rapport_i18n::msg("admin-error-closeness-rings-in-use"),
                vec![("count", (outside as i64).into()), ("rings", i64::from(org.closeness_rings).into())],
            ));
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut e = me.event(action::SETTINGS_UPDATE, "organisation");
    e.detail = Some(format!(
        "idle {} min, lifetime {} h, emergency access {} h, two-step verification required: {}; risk flags: \
         acknowledgement {} h, assessment {} h, duty clinician {}; time zone {}; default language {}; closeness rings {}",
        org.idle_timeout_minutes,
        org.absolute_lifetime_hours,
        org.break_glass_hours,
        org.require_mfa,
        org.risk_acknowledgement_hours,
        org.risk_assessment_hours,
        org.duty_clinician_id.as_ref().map(|d| d.to_string()).unwrap_or_else(|| "none (administrators)".into()),
        org.time_zone,
        org.default_language,
        org.closeness_rings
    ));
    state.store.update_organisation(&org, e).await?;
    state.forget_organisation().await;
    Ok(Ok(()))
}
