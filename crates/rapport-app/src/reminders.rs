//! Session reminders to clients (issue 12, docs/reminders in the user guide):
//! the organisation's default lead time (administrators), each client's
//! choice (the care team, on the client form), the job that queues due
//! reminders in the outbox with links to the questionnaires due, and the
//! list the clinician sees on the client page. The rules (lead times, when a
//! reminder is due, its wording) are in `rapport_core::reminders`.

use crate::access::require_admin;
use crate::caller::Identity;
use crate::measure_links::{link_url, mint, sendable};
use crate::today::local_now;
use crate::{AppResult, AppState};
use rapport_core::audit::{action, AuditEvent, Outcome};
use rapport_core::reminders::{due, session_start, ClientChoice, Lead};
use rapport_core::ValidationErrors;
use rapport_i18n::Tr;
use rapport_store::clients::ClientRecord;
use rapport_store::links::NewLinkRow;
use rapport_store::outbox::Notice;
use rapport_store::reminders::{NewReminder, SentReminder};
use time::{Duration, PrimitiveDateTime};

/// The outbox kind of a session reminder (its body is redacted once sent:
/// it carries live questionnaire links).
pub const KIND: &str = "session_reminder";

/// The organisation's default lead time.
#[crate::boxing::boxed_future]
pub async fn default_lead(state: &AppState) -> AppResult<Lead> {
    Ok(Lead::from_db(state.store.reminder_lead().await?))
}

/// The default, for the settings page (administrators only).
#[crate::boxing::boxed_future]
pub async fn settings(state: &AppState, me: &Identity) -> AppResult<Lead> {
    require_admin(state, me, "settings").await?;
    default_lead(state).await
}

/// Sets the organisation's default from the settings form's
/// `reminder_lead_hours` ("off", "2", "24", "48"); `Invalid` names the field.
#[crate::boxing::boxed_future]
pub async fn set_default(state: &AppState, me: &Identity, raw: Option<&str>) -> AppResult<Lead> {
    require_admin(state, me, "settings").await?;
    let mut e = ValidationErrors::new();
    let lead = Lead::parse(&mut e, "reminder_lead_hours", raw);
    e.into_result()?;
    let lead = lead.expect("checked");
    let mut ev = me.event(action::SETTINGS_UPDATE, "organisation");
    ev.detail = Some(format!("session reminders: {}", lead.label().to_lowercase()));
    state.store.set_reminder_lead(lead.to_db(), ev).await?;
    Ok(lead)
}

/// The client's choice (the caller loaded `c` through the access check).
#[crate::boxing::boxed_future]
pub async fn client_choice(state: &AppState, c: &ClientRecord) -> AppResult<ClientChoice> {
    Ok(match state.store.client_reminder_choice(&c.id).await? {
        None => ClientChoice::Default,
        Some(h) => ClientChoice::Own(Lead::from_db(h)),
    })
}

/// Reads the client form's `reminder` value without storing it (so a form
/// with errors elsewhere stores nothing); `Invalid` names the field.
pub fn read_choice(raw: Option<&str>) -> Result<ClientChoice, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let c = ClientChoice::parse(&mut e, "reminder", raw);
    e.into_result().map(|_| c)
}

/// Stores the client's choice when it changed (`c` loaded for writing).
#[crate::boxing::boxed_future]
pub async fn set_client_choice(
    state: &AppState,
    me: &Identity,
    c: &ClientRecord,
    choice: ClientChoice,
) -> AppResult<()> {
    if client_choice(state, c).await? == choice {
        return Ok(());
    }
    let mut e = me.event(action::CLIENT_UPDATE, "client");
    e.resource_id = Some(c.id.to_string());
    e.detail = Some(format!("session reminders: {}", choice.form_value()));
    let hours = match choice {
        ClientChoice::Default => None,
        ClientChoice::Own(l) => Some(l.to_db()),
    };
    state.store.set_client_reminder_choice(&c.id, hours, e).await?;
    Ok(())
}

/// The reminders queued for the client, newest first, with their delivery
/// (the caller loaded and audited `c`).
#[crate::boxing::boxed_future]
pub async fn sent(state: &AppState, c: &ClientRecord) -> AppResult<Vec<SentReminder>> {
    Ok(state.store.client_reminders(&c.id).await?)
}

fn system_event() -> AuditEvent {
    AuditEvent {
        actor_label: "system".into(),
        action: action::REMINDER_SEND.into(),
        resource_type: "session".into(),
        outcome: Outcome::Success.as_str().into(),
        ..Default::default()
    }
}

/// The longest lead time offered, in days, rounded up: how far ahead to look.
const LOOK_AHEAD_DAYS: i64 = 3;

/// Queues every reminder due at `now` (the organisation's local time; the
/// job passes [`local_now`]): scheduled sessions of open courses of active
/// clients with an e-mail address, starting within the lead time that
/// applies (the client's choice, else the default), with no reminder yet.
/// Each carries new single-use links to the client's questionnaires due.
/// Returns how many were queued. The database takes one reminder per
/// session, so runs may overlap or repeat.
#[crate::boxing::boxed_future]
pub async fn send_due_at(state: &AppState, now: PrimitiveDateTime) -> AppResult<usize> {
    let default = default_lead(state).await?;
    let organisation = state.organisation().await?;
    let (org, default_language) = (organisation.name, organisation.default_language);
    let candidates =
        state.store.reminder_candidates(now.date(), now.date().saturating_add(Duration::days(LOOK_AHEAD_DAYS))).await?;
    let mut queued = 0;
    for c in candidates {
        let lead = match c.client_lead_hours {
            None => default,
            Some(h) => Lead::from_db(h),
        };
        let starts = session_start(c.date, &c.time);
        if !due(rapport_core::course::Attendance::Scheduled, starts, now, lead) {
            continue;
        }
        // The questionnaires due, as the portal lists them for the client.
        let open = crate::portal::open_course(state, &c.client_id).await?;
        let due_measures = crate::portal::due_measures(state, &c.client_id, open.as_ref()).await?;
        let mut links = Vec::new();
        let mut shown = Vec::new();
        for d in &due_measures {
            let Some(inst) = state.instruments.get(&d.id).filter(|i| sendable(i)) else { continue };
            let (token, hash, expires) = mint();
            links.push(NewLinkRow::new(&hash, &c.client_id, &inst.id, &c.responsible_clinician_id, expires));
            shown.push((inst.name.clone(), link_url(state, &token)));
        }
        let tr = crate::notices::client_language(c.preferred_language.as_deref(), &default_language);
        let (subject, body) = message(&tr, &org, &c.client_name, (c.date, &c.time), &shown);
        let notice = Notice { kind: KIND, to_user: None, to_email: Some(c.email.clone()), subject, body };
        let mut e = system_event();
        e.detail = Some(format!(
            "session {} {}: {} before; {} questionnaire link(s): {}",
            rapport_core::time::format_date(c.date),
            c.time,
            lead.label().to_lowercase(),
            links.len(),
            links.iter().map(|l| l.instrument_id.as_str()).collect::<Vec<_>>().join(", ")
        ));
        let r = NewReminder {
            session_id: c.session_id.clone(),
            client_id: c.client_id.clone(),
            lead_hours: lead.to_db(),
            date: c.date,
            time: c.time.clone(),
        };
        if state.store.queue_session_reminder(&r, &links, &notice, e).await? {
            queued += 1;
        }
    }
    Ok(queued)
}

/// "Thursday 10 December 2026 at 10:00" (without the time when none is set), in `tr`'s language.
fn when_text(tr: &Tr, date: time::Date, time: &str) -> String {
    let day = tr.long_date(date);
    if time.trim().is_empty() {
        day
    } else {
        tr.tn("mail-reminder-when-at", &[("date", &day), ("time", &time.trim())])
    }
}

/// The reminder's subject and body in the client's language. `links`:
/// (questionnaire name, full address).
fn message(
    tr: &Tr,
    org: &str,
    client_name: &str,
    (date, time): (time::Date, &str),
    links: &[(String, String)],
) -> (String, String) {
    let when = when_text(tr, date, time);
    let subject = tr.ta("mail-reminder-subject", "when", when.as_str());
    let mut body = format!(
        "{}\n\n{}\n",
        tr.ta("mail-hello", "name", client_name),
        tr.tn("mail-reminder-body", &[("org", &org), ("when", &when)])
    );
    if !links.is_empty() {
        body.push_str(&format!("\n{}\n", tr.t("mail-reminder-fill-in")));
        for (name, url) in links {
            body.push_str(&format!("- {name}: {url}\n"));
        }
        body.push_str(&format!("\n{}\n", tr.t("mail-reminder-links")));
    }
    body.push_str(&format!("\n{}\n\n{}\n", tr.t("mail-reminder-cannot-come"), tr.t("mail-reminder-danger")));
    (subject, body)
}

/// [`send_due_at`] the organisation's local time now.
#[crate::boxing::boxed_future]
pub async fn send_due(state: &AppState) -> AppResult<usize> {
    send_due_at(state, local_now(state).await).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_message_names_the_time_and_links_in_the_clients_language() {
        let links = [("PHQ-9".to_string(), "https://x/m/abc".to_string())];
        let (s, b) = message(&Tr::new("en"), "Clinic", "Sam", (date!(2026 - 12 - 10), "10:00"), &links);
        assert_eq!(s, "Reminder: your session on Thursday 10 December 2026 at 10:00");
        assert!(b.starts_with("Hello Sam,\n\nThis is a reminder of your session with Clinic on Thursday"), "{b}");
        assert!(b.contains("\nBefore the session, please fill in:\n- PHQ-9: https://x/m/abc\n"), "{b}");
        let (_, b) = message(&Tr::new("en"), "Clinic", "Sam", (date!(2026 - 12 - 10), ""), &[]);
        assert!(!b.contains("fill in"));
        let (s, b) = message(&Tr::new("es"), "Clínica", "Ana", (date!(2026 - 12 - 10), "10:00"), &links);
        assert!(s.starts_with("Recordatorio: su sesión del jueves, 10 de diciembre de 2026"), "{s}");
        assert!(b.contains("Antes de la sesión, por favor complete:"), "{b}");
    }

    #[test]
    fn a_clients_language_is_read_from_free_text() {
        use crate::notices::client_language;
        assert_eq!(client_language(Some("es-MX"), "en").lang(), "es");
        assert_eq!(client_language(Some("Español"), "en").lang(), "es");
        assert_eq!(client_language(Some("french"), "en").lang(), "fr");
        assert_eq!(client_language(Some("Tagalog"), "fr").lang(), "fr");
        assert_eq!(client_language(None, "en").lang(), "en");
    }
}
