//! Sessions and their notes: the phase set on a session, the structured
//! progress note (drafts with optimistic concurrency, signing, addenda) and
//! the author's private process note (saving, sharing with a supervisor).
//! The session page and the notes API both call these, with a session loaded
//! through `access::session::session_for`.
//!
//! Writes that can lose a race answer `NoteWrite::Stale` or `NoteWrite::Signed`
//! with the stored note: each face shows that its own way.

use crate::access::session::{log_process_read, log_session_read, SessionContext};
use crate::caller::Identity;
use crate::{AppResult, AppState, Error};
use rapport_core::audit::action;
use rapport_core::course::validate_phase_override;
use rapport_core::msg;
use rapport_core::notes::{
    check_signable, validate_addendum, validate_note, validate_process_note, ProgressNote, RawProgressNote,
};
use rapport_core::notes::{NoteStatus, ProcessNoteReader};
use rapport_core::validation::with_form_errors;
use rapport_core::Id;
use rapport_core::ValidationErrors;
use rapport_store::measures::RiskFlagRow;
use rapport_store::notes::{Addendum, NoteWrite, ProcessNoteRecord, ProgressNoteRecord, OPEN_FLAG_NOT_CONFIRMED};
use rapport_store::StoreError;

/// The addenda of a note, oldest first (only a signed note has any).
#[crate::boxing::boxed_future]
pub async fn addenda_of(state: &AppState, note: Option<&ProgressNoteRecord>) -> AppResult<Vec<Addendum>> {
    Ok(match note {
        Some(n) if n.status == NoteStatus::Signed => state.store.addenda(&n.id).await?,
        _ => Vec::new(),
    })
}

/// The session's progress note (None before one is written) with its
/// addenda, as shown to `me`: the view is audited, `via` saying where
/// (`access::session::log_session_read`).
#[crate::boxing::boxed_future]
pub async fn read_note(
    state: &AppState,
    me: &Identity,
    sx: &SessionContext,
    via: &str,
) -> AppResult<(Option<ProgressNoteRecord>, Vec<Addendum>)> {
    let note = state.store.progress_note(sx.id()).await?;
    log_session_read(state, me, sx, note.as_ref(), via).await?;
    let addenda = addenda_of(state, note.as_ref()).await?;
    Ok((note, addenda))
}

/// The plan in the note of the last held session before this one, and
/// whether that note is still a draft.
#[crate::boxing::boxed_future]
pub async fn previous_plan(state: &AppState, sx: &SessionContext) -> AppResult<Option<(String, bool)>> {
    let Some(p) = sx.previous_held() else { return Ok(None) };
    Ok(state.store.progress_note(&p.session.id).await?.and_then(|n| {
        let draft = n.status == NoteStatus::Draft;
        n.body.plan.map(|plan| (plan, draft))
    }))
}

/// The process notes of a session that concern the caller.
pub struct ProcessNotes {
    /// The caller's own (its read is audited).
    pub own: Option<ProcessNoteRecord>,
    /// Whether the caller has a supervisor to share it with.
    pub has_supervisor: bool,
    /// Notes of this session shared with the caller as supervisor: (author id, name).
    pub shared_with_me: Vec<(Id, String)>,
}

#[crate::boxing::boxed_future]
pub async fn process_notes(state: &AppState, me: &Identity, sx: &SessionContext) -> AppResult<ProcessNotes> {
    let own = state.store.own_process_note(sx.id(), &me.user.id).await?;
    if let Some(p) = &own {
        log_process_read(state, me, p, ProcessNoteReader::Author).await?;
    }
    Ok(ProcessNotes {
        own,
        has_supervisor: state.store.has_supervisor(&me.user.id).await?,
        shared_with_me: state.store.process_notes_shared_with(sx.id(), &me.user.id).await?,
    })
}

/// The client's oldest risk flag not yet closed: signing "No risk
/// identified" then needs a confirmation, and "Risk identified" links to it.
#[crate::boxing::boxed_future]
pub async fn open_risk_flag(state: &AppState, sx: &SessionContext) -> AppResult<Option<RiskFlagRow>> {
    Ok(state.store.open_risk_flag(&sx.cx.client.id).await?)
}

/// Whether signing `body` now would be refused for want of the open-flag
/// confirmation (the rule the store applies when signing: anything but "Risk
/// identified" while the client has an open flag needs `confirmed`), so a
/// page can ask before it offers to sign.
#[crate::boxing::boxed_future]
pub async fn sign_needs_flag_confirmation(
    state: &AppState,
    sx: &SessionContext,
    body: &rapport_core::notes::ProgressNote,
    confirmed: bool,
) -> AppResult<bool> {
    if confirmed || body.risk == Some(rapport_core::notes::RiskCheck::Identified) {
        return Ok(false);
    }
    Ok(open_risk_flag(state, sx).await?.is_some())
}

/// Sets the phase of an attended session (with a reason), or returns it to
/// the computed phase (`phase` "computed" or none).
#[crate::boxing::boxed_future]
pub async fn set_phase(
    state: &AppState,
    me: &Identity,
    sx: &SessionContext,
    phase: Option<&str>,
    reason: Option<&str>,
    version: i64,
) -> AppResult<()> {
    sx.cx.require_open()?;
    let phase = if sx.s.number.is_none() {
        let english = "Only attended sessions have a phase of their own";
        let id = rapport_core::msg("session-error-phase-not-held");
        Err(ValidationErrors(vec![rapport_core::course::worded("phase", english, id, vec![])]))
    } else if sx.s.session.engagement {
        let english = "The engagement session (session 0) has no phase of its own";
        let id = rapport_core::msg("session-error-engagement-phase");
        Err(ValidationErrors(vec![rapport_core::course::worded("phase", english, id, vec![])]))
    } else {
        validate_phase_override(&sx.cx.protocol, phase, reason)
    }?;
    let mut ev = me.event(action::SESSION_UPDATE, "session");
    // The reason stays in the record: the audit log is read by administrators.
    ev.detail = Some(match &phase {
        Some((p, _)) => format!("phase set to {}", p.as_str()),
        None => "phase back to computed".into(),
    });
    state.store.set_session_phase(sx.id(), version, phase.as_ref(), ev).await?;
    Ok(())
}

/// Saves the progress note as a draft, if it is still at `version` (0: no
/// note yet). Returns the note as checked, and what the write found.
#[crate::boxing::boxed_future]
pub async fn save_progress_note(
    state: &AppState,
    me: &Identity,
    sx: &SessionContext,
    raw: &RawProgressNote,
    unread: ValidationErrors,
    version: i64,
) -> AppResult<(ProgressNote, NoteWrite<ProgressNoteRecord>)> {
    let note = with_form_errors(unread, validate_note(raw))?;
    let ev = me.event(action::PROGRESS_NOTE_WRITE, "progress_note");
    let w = state.store.save_progress_note(&sx.s.session, version, &note, &me.user.id, ev).await?;
    Ok((note, w))
}

/// Responses since the previous held session (up to this session's day)
/// that left the risk question blank, as (instrument's short name, when):
/// the clinician asks the question at this session. The read is audited when
/// there is something to show.
#[crate::boxing::boxed_future]
pub async fn risk_unanswered(
    state: &AppState,
    me: &Identity,
    sx: &SessionContext,
) -> AppResult<Vec<(String, rapport_core::Timestamp)>> {
    use rapport_core::measures::scoring::RISK_ITEM_UNANSWERED;
    let after = sx.previous_held().map(|p| p.session.date);
    let found: Vec<(String, rapport_core::Timestamp)> = state
        .store
        .responses(&sx.cx.client.id)
        .await?
        .into_iter()
        .filter(|r| r.flags.iter().any(|f| f == RISK_ITEM_UNANSWERED))
        .filter(|r| after.is_none_or(|a| r.completed_at.date() > a) && r.completed_at.date() <= sx.s.session.date)
        .map(|r| {
            let name = state.instruments.get(&r.instrument_id).map(|i| i.short_name.clone()).unwrap_or(r.instrument_id);
            (name, r.completed_at)
        })
        .collect();
    if !found.is_empty() {
        let detail = format!("{} responses with the risk question unanswered, on the session page", found.len());
        crate::measures::audit_client_read(state, me, &sx.cx.client, action::MEASURE_LIST, &detail).await?;
    }
    Ok(found)
}

/// Signs `body` (the note as the signer sees it) as the note at `version`.
/// A note not complete enough to sign (`check_signable`: the risk check and
/// its details, each event's effect) is refused with its fields named and
/// nothing written. `confirmed`: the signer confirms "no risk identified"
/// while the client has an open risk flag; without it such a note is not
/// signed and the answer is `None`.
#[crate::boxing::boxed_future]
pub async fn sign_progress_note(
    state: &AppState,
    me: &Identity,
    sx: &SessionContext,
    version: i64,
    body: &ProgressNote,
    confirmed: bool,
) -> AppResult<Option<NoteWrite<ProgressNoteRecord>>> {
    check_signable(body).map_err(Error::Invalid)?;
    sign(state, me, sx, version, body, confirmed).await
}

/// Signs the session's note as it is stored, at `version` (the API saves a
/// note, then signs it). A draft at that version is checked as
/// [`sign_progress_note`] checks it; a stale version or a note already
/// signed is answered by the write itself (stale, or a conflict) without
/// checking a text the caller did not ask to sign. No note: not found.
#[crate::boxing::boxed_future]
pub async fn sign_stored_note(
    state: &AppState,
    me: &Identity,
    sx: &SessionContext,
    version: i64,
    confirmed: bool,
) -> AppResult<Option<NoteWrite<ProgressNoteRecord>>> {
    let n = state.store.progress_note(sx.id()).await?.ok_or(Error::NotFound)?;
    if n.status == NoteStatus::Draft && n.version == version {
        sign_progress_note(state, me, sx, version, &n.body, confirmed).await
    } else {
        sign(state, me, sx, version, &n.body, confirmed).await
    }
}

async fn sign(
    state: &AppState,
    me: &Identity,
    sx: &SessionContext,
    version: i64,
    body: &ProgressNote,
    confirmed: bool,
) -> AppResult<Option<NoteWrite<ProgressNoteRecord>>> {
    let ev = me.event(action::PROGRESS_NOTE_SIGN, "progress_note");
    match state.store.sign_progress_note(&sx.s.session, version, body, &me.user.id, confirmed, ev).await {
        Err(StoreError::Invalid(m)) if m == OPEN_FLAG_NOT_CONFIRMED => Ok(None),
        other => Ok(Some(other?)),
    }
}

/// Adds an addendum to the session's signed progress note (a draft is
/// edited instead: 409; no note: 404) and returns the note it was added to.
#[crate::boxing::boxed_future]
pub async fn add_addendum(
    state: &AppState,
    me: &Identity,
    sx: &SessionContext,
    text: &str,
    via: &str,
) -> AppResult<ProgressNoteRecord> {
    let note = state.store.progress_note(sx.id()).await?.ok_or(Error::NotFound)?;
    if note.status != NoteStatus::Signed {
        return Err(Error::Conflict(rapport_i18n::current().t(msg("note-addenda-only-signed"))));
    }
    let text = validate_addendum(Some(text))?;
    let mut ev = me.event(action::PROGRESS_NOTE_ADDENDUM, "progress_note");
    ev.detail = Some(format!("session {}{via}", sx.id()));
    state.store.add_addendum(&note, &text, &me.user.id, ev).await?;
    Ok(note)
}

/// Saves the caller's own process note for the session, if it is still at
/// `version` (0: none yet). `via` is added to the audit detail.
#[crate::boxing::boxed_future]
pub async fn save_process_note(
    state: &AppState,
    me: &Identity,
    sx: &SessionContext,
    text: &str,
    version: i64,
    via: &str,
) -> AppResult<NoteWrite<ProcessNoteRecord>> {
    let text = validate_process_note(Some(text))?;
    let mut ev = me.event(action::PROCESS_NOTE_WRITE, "process_note");
    ev.detail = Some(format!("session {}{via}", sx.id()));
    Ok(state.store.save_process_note(&sx.s.session, &me.user.id, version, &text, ev).await?)
}

/// Shares the caller's own process note with their supervisor(s), or stops.
/// 404 when the caller has no process note for the session.
#[crate::boxing::boxed_future]
pub async fn share(state: &AppState, me: &Identity, sx: &SessionContext, shared: bool) -> AppResult<ProcessNoteRecord> {
    let note = state.store.own_process_note(sx.id(), &me.user.id).await?.ok_or(Error::NotFound)?;
    if shared && !state.store.has_supervisor(&me.user.id).await? {
        return Err(Error::keyed("shared", msg("app-share-no-supervisor"), vec![]));
    }
    let mut ev = me.event(action::PROCESS_NOTE_SHARE, "process_note");
    ev.detail = Some(format!("session {}, {}", sx.id(), if shared { "shared with supervisor" } else { "unshared" }));
    Ok(state.store.share_process_note(&note, shared, ev).await?)
}

/// The client's portal diary for a session: what they wrote since the
/// previous held session (exclusive) up to the session's day, newest first,
/// and whether a mood in it asks for a check-in (`rapport_core::check_in`).
#[derive(Clone, Debug, Default)]
pub struct SessionDiary {
    /// At most [`SESSION_DIARY_ENTRIES`], newest first.
    pub entries: Vec<rapport_store::portal::DiaryRow>,
    pub check_in: Option<rapport_core::check_in::CheckIn>,
}

/// The most diary entries a session shows.
pub const SESSION_DIARY_ENTRIES: usize = 100;

/// The session's diary ("since we last met") and its check-in, for the
/// session page and the API; the read is audited when there is something to
/// show (`seen_as`: "on the session page", "via API").
#[crate::boxing::boxed_future]
pub async fn session_diary(
    state: &AppState,
    me: &Identity,
    sx: &SessionContext,
    seen_as: &str,
) -> AppResult<SessionDiary> {
    use rapport_core::check_in::{check_in, Mood, AVERAGE_DAYS};
    use rapport_core::portal::since_last_met;
    let after = sx.previous_held().map(|p| p.session.date);
    let day = sx.s.session.date;
    // The window's entries and the four weeks before it (for the averages).
    let from = after.map(|a| a - time::Duration::days(AVERAGE_DAYS + 1));
    let read = state.store.diary_entries(&sx.cx.client.id, from, Some(day), 3 * SESSION_DIARY_ENTRIES as i64).await?;
    let moods: Vec<Mood> =
        read.iter().filter_map(|r| r.entry.mood.map(|mood| Mood { date: r.entry.date, mood })).collect();
    let check_in = check_in(&moods, |d| since_last_met(after, day, d));
    let entries: Vec<_> =
        read.into_iter().filter(|r| since_last_met(after, day, r.entry.date)).take(SESSION_DIARY_ENTRIES).collect();
    if !entries.is_empty() {
        let mut e = me.event(action::DIARY_READ, "client");
        e.resource_id = Some(sx.cx.client.id.to_string());
        e.client_id = Some(sx.cx.client.id.to_string());
        e.detail = Some(format!(
            "{} entries {seen_as}{}",
            entries.len(),
            if check_in.is_some() { ", check in shown" } else { "" }
        ));
        state.store.audit(e).await?;
    }
    Ok(SessionDiary { entries, check_in })
}
