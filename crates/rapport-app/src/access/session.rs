//! Loading one therapy session for a caller (through its course and client:
//! the same access rules, 404 when out of reach), and the one gate every
//! process-note read goes through. Shared by the session page and the notes API.

use crate::access::course::{course_for, CourseContext, NumberedSession};
use crate::access::{deny, Purpose};
use crate::caller::Identity;
use crate::AppState;
use crate::Error;
use rapport_core::audit::action;
use rapport_core::notes::{process_note_reader, ProcessNoteReader};
use rapport_core::protocol::Phase;
use rapport_core::Id;
use rapport_store::notes::{ProcessNoteRecord, ProgressNoteRecord};

pub struct SessionContext {
    pub cx: CourseContext,
    pub s: NumberedSession,
}

impl SessionContext {
    pub fn id(&self) -> &Id {
        &self.s.session.id
    }

    /// "Session 5 of 16 · middle phase", or "Cancelled session" for one not held.
    pub fn heading(&self) -> String {
        match self.s.number {
            _ if self.s.session.engagement => "Engagement session (session 0)".to_string(),
            Some(n) => format!(
                "Session {n} of {} · {}",
                self.cx.course.planned_sessions,
                self.cx.protocol.phase_label(self.s.phase)
            ),
            None => format!("{} session (not counted)", self.s.session.attendance.label()),
        }
    }

    /// Contracted sessions left after this one (held sessions only).
    pub fn remaining_after(&self) -> Option<u32> {
        self.s.number.map(|n| self.cx.course.planned_sessions.saturating_sub(n))
    }

    /// Middle-phase sessions mention the sessions left (ipt-model.md 2.3).
    pub fn remind_remaining(&self) -> bool {
        self.s.number.is_some() && self.s.phase == Phase::Middle
    }

    /// The sessions just before and after this one, in date order.
    pub fn neighbours(&self) -> (Option<&NumberedSession>, Option<&NumberedSession>) {
        let all = &self.cx.sessions;
        match all.iter().position(|s| s.session.id == self.s.session.id) {
            Some(i) => (i.checked_sub(1).and_then(|j| all.get(j)), all.get(i + 1)),
            None => (None, None),
        }
    }

    /// The last held session before this one (whose plan this session picks up).
    pub fn previous_held(&self) -> Option<&NumberedSession> {
        let i = self.cx.sessions.iter().position(|s| s.session.id == self.s.session.id)?;
        self.cx.sessions[..i].iter().rev().find(|s| s.number.is_some())
    }
}

/// The session, if `me` may see its client; otherwise 404 (with an
/// `access.denied` entry). With `course`, the session must belong to it.
/// Nothing is logged as read here: each caller logs what it shows.
#[crate::boxing::boxed_future]
pub async fn session_for(
    state: &AppState,
    me: &Identity,
    course: Option<&str>,
    session: &str,
) -> Result<SessionContext, Error> {
    let found = match Id::parse(session) {
        Some(sid) => state.store.therapy_session(&sid).await?,
        None => None,
    };
    let found = found.filter(|s| course.is_none_or(|c| c == s.course_id.as_str()));
    let Some(found) = found else {
        deny(state, me, "session", Some(session)).await?;
        return Err(Error::NotFound);
    };
    let cx = course_for(state, me, found.course_id.as_str(), Purpose::Write).await?;
    let s = cx.session(&found.id).cloned().ok_or(Error::NotFound)?;
    Ok(SessionContext { cx, s })
}

/// `author`'s process note for the session, if `me` may read it: its author,
/// or the author's supervisor while it is shared. Anyone else (administrators,
/// other care-team members, emergency access) gets 404 and an `access.denied`
/// entry. Every successful read is logged as `process_note.read`.
#[crate::boxing::boxed_future]
pub async fn process_note_for(
    state: &AppState,
    me: &Identity,
    sx: &SessionContext,
    author: &Id,
) -> Result<(ProcessNoteRecord, ProcessNoteReader), Error> {
    let found = state.store.process_note_with_relation(sx.id(), author, &me.user.id).await?;
    let granted = found.and_then(|(note, supervises)| {
        process_note_reader(&me.user.id, &note.author_id, note.shared, supervises).map(|r| (note, r))
    });
    let Some((note, reader)) = granted else {
        let mut e = me.event(action::ACCESS_DENIED, "process_note");
        e.outcome = rapport_core::audit::Outcome::Denied.as_str().into();
        e.client_id = Some(sx.cx.client.id.to_string());
        e.detail = Some(format!("session {}, author {author}", sx.id()));
        state.store.audit(e).await?;
        return Err(Error::NotFound);
    };
    log_process_read(state, me, &note, reader).await?;
    Ok((note, reader))
}

/// The caller's own process note for `session` when they cannot see the
/// client's record (e.g. removed from the care team): the author keeps their
/// note, and only it (`rapport_core::notes::author_reads_without_record`).
/// `None` when the caller can see the record (the ordinary path applies),
/// when there is no such session (in `course`, when given) or no note of
/// theirs. A read is audited as `process_note.read` with basis `author`.
#[crate::boxing::boxed_future]
pub async fn own_note_without_record(
    state: &AppState,
    me: &Identity,
    course: Option<&str>,
    session: &str,
) -> Result<Option<(rapport_store::courses::TherapySession, ProcessNoteRecord)>, Error> {
    let Some(sid) = Id::parse(session) else { return Ok(None) };
    let Some(s) = state.store.therapy_session(&sid).await? else { return Ok(None) };
    if course.is_some_and(|c| c != s.course_id.as_str()) {
        return Ok(None);
    }
    let now = rapport_core::Timestamp::now();
    let rel = state.store.client_with_relation(&me.user.id, &s.client_id, now).await?;
    if rel.is_some_and(|(_, r)| rapport_core::access::client_read_access(&me.actor(), r).is_some()) {
        return Ok(None);
    }
    let found = state.store.process_note_with_relation(&sid, &me.user.id, &me.user.id).await?;
    let Some((note, _)) =
        found.filter(|(n, _)| rapport_core::notes::author_reads_without_record(&me.user.id, &n.author_id))
    else {
        return Ok(None);
    };
    let mut e = me.event(action::PROCESS_NOTE_READ, "process_note");
    e.resource_id = Some(note.id.to_string());
    e.client_id = Some(note.client_id.to_string());
    e.detail = Some(format!("session {}, by its author; basis=author (no access to the client's record)", sid));
    state.store.audit(e).await?;
    Ok(Some((s, note)))
}

/// Audits a read of a process note (never its text).
#[crate::boxing::boxed_future]
pub async fn log_process_read(
    state: &AppState,
    me: &Identity,
    note: &ProcessNoteRecord,
    reader: ProcessNoteReader,
) -> Result<(), Error> {
    let mut e = me.event(action::PROCESS_NOTE_READ, "process_note");
    e.resource_id = Some(note.id.to_string());
    e.client_id = Some(note.client_id.to_string());
    e.detail = Some(format!(
        "session {}, {}",
        note.session_id,
        match reader {
            ProcessNoteReader::Author => "by its author",
            ProcessNoteReader::Supervisor => "by the author's supervisor (shared)",
        }
    ));
    state.store.audit(e).await?;
    Ok(())
}

/// Audits one view of a session: `progress_note.read` when it has a note,
/// `session.read` otherwise. `via` says where (the session page, the API).
#[crate::boxing::boxed_future]
pub async fn log_session_read(
    state: &AppState,
    me: &Identity,
    sx: &SessionContext,
    note: Option<&ProgressNoteRecord>,
    via: &str,
) -> Result<(), Error> {
    let mut ev = match note {
        Some(n) => {
            let mut ev = me.event(action::PROGRESS_NOTE_READ, "progress_note");
            ev.resource_id = Some(n.id.to_string());
            ev
        }
        None => {
            let mut ev = me.event(action::SESSION_READ, "session");
            ev.resource_id = Some(sx.id().to_string());
            ev
        }
    };
    ev.client_id = Some(sx.cx.client.id.to_string());
    ev.detail = Some(format!("{via}, basis={}", sx.cx.basis.as_str()));
    state.store.audit(ev).await?;
    Ok(())
}
