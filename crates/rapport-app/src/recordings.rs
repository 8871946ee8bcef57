//! Session recordings for supervision (optional per organisation): the
//! clinician who ran a session uploads its audio with the client's recorded
//! consent; only that clinician and the supervisors whose supervision reaches
//! them can play it (every play audited, in the same transaction as the
//! read); the audio is deleted after the organisation's retention period by
//! the housekeeping job. Anyone else gets 404.

use crate::access::deny;
use crate::access::session::session_for;
use crate::caller::Identity;
use crate::{AppResult, AppState, Error};
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::msg;
use rapport_core::{Id, Timestamp};
use rapport_store::fidelity::{NewRecording, RecordingRow};

/// The largest recording accepted (a 90-minute session in a compressed format fits).
pub const MAX_RECORDING_BYTES: usize = 64 * 1024 * 1024;

/// Audio formats browsers play.
pub const AUDIO_TYPES: [&str; 6] = ["audio/mpeg", "audio/mp4", "audio/ogg", "audio/webm", "audio/wav", "audio/x-m4a"];

/// May `me` play recordings of sessions run by `clinician`?
async fn may_play(state: &AppState, me: &Identity, clinician: &Id) -> AppResult<bool> {
    Ok(&me.user.id == clinician
        || (me.user.role == Role::Supervisor && state.store.supervision_reach(&me.user.id).await?.contains(clinician)))
}

/// Uploads a recording of a session the caller ran. Refused: recordings off
/// for the organisation (403), someone else's session (403), no consent
/// note (422 `consent_note`), not audio (422 `content_type`), empty or too
/// large (422 `audio`).
#[crate::boxing::boxed_future]
pub async fn upload(
    state: &AppState,
    me: &Identity,
    session: &str,
    consent_note: &str,
    content_type: &str,
    audio: Vec<u8>,
) -> AppResult<RecordingRow> {
    let sx = session_for(state, me, None, session).await?;
    let org = state.organisation().await?;
    if org.recording_retention_days <= 0 {
        return Err(Error::forbidden(msg("app-recordings-off"), &[]));
    }
    if sx.s.session.created_by != me.user.id {
        deny(state, me, "session_recording", Some(session)).await?;
        return Err(Error::forbidden(msg("app-recording-uploader"), &[]));
    }
    let consent = consent_note.trim();
    if consent.chars().count() < 10 || consent.chars().count() > 1000 {
        return Err(Error::keyed("consent_note", msg("app-recording-consent"), vec![]));
    }
    let content_type = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if !AUDIO_TYPES.contains(&content_type.as_str()) {
        return Err(Error::keyed(
            "content_type",
            msg("app-recording-type"),
            vec![("types", AUDIO_TYPES.join(", ").into())],
        ));
    }
    if audio.is_empty() || audio.len() > MAX_RECORDING_BYTES {
        return Err(Error::keyed("audio", msg("app-recording-size"), vec![]));
    }
    let new = NewRecording {
        session_id: sx.s.session.id.clone(),
        client_id: sx.cx.client.id.clone(),
        uploaded_by: me.user.id.clone(),
        consent_note: consent.into(),
        content_type,
        audio,
        delete_after: Timestamp::now().plus(time::Duration::days(org.recording_retention_days)),
    };
    let mut e = me.event(action::RECORDING_UPLOAD, "session_recording");
    e.client_id = Some(sx.cx.client.id.to_string());
    e.detail = Some(format!(
        "session {}, {} bytes, kept {} days",
        sx.s.session.id,
        new.audio.len(),
        org.recording_retention_days
    ));
    Ok(state.store.add_recording(&new, e).await?)
}

/// The recordings of a session the caller may play (facts only).
#[crate::boxing::boxed_future]
pub async fn of_session(state: &AppState, me: &Identity, session: &str) -> AppResult<Vec<RecordingRow>> {
    let sx = session_for(state, me, None, session).await?;
    if !may_play(state, me, &sx.s.session.created_by).await? {
        return Ok(Vec::new());
    }
    Ok(state.store.session_recordings(&sx.s.session.id).await?)
}

/// The audio to play, with its content type; 404 for anyone but the
/// clinician who ran the session and their supervisors, and once deleted.
#[crate::boxing::boxed_future]
pub async fn play(state: &AppState, me: &Identity, recording: &str) -> AppResult<(String, Vec<u8>)> {
    let found = match Id::parse(recording) {
        Some(id) => state.store.recording(&id).await?,
        None => None,
    };
    let clinician = match &found {
        Some(r) => state.store.therapy_session(&r.session_id).await?.map(|s| s.created_by),
        None => None,
    };
    let allowed = match &clinician {
        Some(c) => may_play(state, me, c).await?,
        None => false,
    };
    let (Some(rec), true) = (found, allowed) else {
        deny(state, me, "session_recording", Some(recording)).await?;
        return Err(Error::NotFound);
    };
    let mut e = me.event(action::RECORDING_PLAY, "session_recording");
    e.resource_id = Some(rec.id.to_string());
    e.client_id = Some(rec.client_id.to_string());
    e.detail = Some(format!("session {}", rec.session_id));
    match state.store.play_recording(&rec.id, e).await? {
        Some(audio) => Ok((rec.content_type, audio)),
        None => Err(Error::NotFound),
    }
}

/// Deletes the audio of recordings past their retention date (the
/// housekeeping job); returns how many.
#[crate::boxing::boxed_future]
pub async fn delete_expired(state: &AppState, now: Timestamp) -> AppResult<usize> {
    let e = rapport_core::audit::AuditEvent {
        actor_label: "system".into(),
        action: action::RECORDING_DELETE.into(),
        resource_type: "session_recording".into(),
        outcome: rapport_core::audit::Outcome::Success.as_str().into(),
        detail: Some("retention period over".into()),
        ..Default::default()
    };
    Ok(state.store.delete_expired_recordings(now, e).await?)
}
