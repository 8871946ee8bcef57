//! The interpersonal inventory for a caller, shared by the Inventory tab and
//! the API: person and snapshot records reached only through their client's
//! access rules, the circle drawn from them, and taking a snapshot.

use crate::access::course::CourseContext;
use crate::access::deny;
use crate::access::records::change_event;
use crate::caller::Identity;
use crate::AppState;
use crate::Error;
use rapport_core::audit::action;
use rapport_core::inventory::circle::{svg, SvgOptions};
use rapport_core::inventory::{validate_snapshot, CirclePerson, CircleSnapshot, Person};
use rapport_core::records::RecordBody;
use rapport_core::{Id, Timestamp, ValidationErrors};
use rapport_store::records::{Placement, Record};

/// The people on the circle, from their records.
pub fn circle_people(records: &[Record<Person>]) -> Vec<CirclePerson> {
    records.iter().map(|r| CirclePerson::of(r.id.to_string(), &r.body)).collect()
}

/// The closeness circle as inline SVG.
pub fn circle_svg(people: &[CirclePerson], id: &str, title: &str) -> String {
    svg(people, &SvgOptions { id, title })
}

/// The held session a snapshot refers to, if it belongs to the course.
pub fn session_of(cx: &CourseContext, session_id: Option<&str>) -> Result<Option<Id>, ValidationErrors> {
    match session_id.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => Id::parse(s)
            .filter(|id| cx.session(id).is_some())
            .map(Some)
            .ok_or_else(|| ValidationErrors::single("session_id", "Choose one of this course's sessions")),
    }
}

/// The number of the held session a record refers to ("session 3").
pub fn session_number(cx: &CourseContext, session: Option<&Id>) -> Option<u32> {
    session.and_then(|s| cx.session(s)).and_then(|s| s.number)
}

/// Freezes the client's current people into a snapshot of the course.
pub async fn take_snapshot(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    label: Option<&str>,
    taken_on: Option<&str>,
    session_id: Option<&str>,
    note: Option<&str>,
) -> Result<Record<CircleSnapshot>, Error> {
    cx.require_open()?;
    let session = session_of(cx, session_id);
    let people = circle_people(&state.store.client_records::<Person>(&cx.client.id).await?);
    let (snapshot, session) = match (validate_snapshot(label, taken_on, note, people, Timestamp::now().date()), session)
    {
        (Ok(s), Ok(session)) => (s, session),
        (snapshot, session) => {
            let mut e = snapshot.err().unwrap_or_default();
            e.0.extend(session.err().unwrap_or_default().0);
            return Err(Error::Invalid(e));
        }
    };
    let at = Placement {
        client_id: cx.client.id.clone(),
        course_id: Some(cx.course.id.clone()),
        session_id: session,
        parent_id: None,
    };
    let detail = format!("taken on {}: {} people", snapshot.taken_on, snapshot.people.len());
    let ev = change_event::<CircleSnapshot>(me, action::RECORD_CREATE, detail);
    Ok(state.store.create_record(&at, &snapshot, &me.user.id, ev).await?)
}

/// A snapshot of this course (404 for another course's, with a denial logged).
pub async fn snapshot_of_course(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    id: &str,
) -> Result<Record<CircleSnapshot>, Error> {
    let found = match Id::parse(id) {
        Some(sid) => state.store.record::<CircleSnapshot>(&sid).await?,
        None => None,
    };
    match found {
        Some(s) if s.course_id.as_ref() == Some(&cx.course.id) => Ok(s),
        _ => {
            deny(state, me, CircleSnapshot::KIND, Some(id)).await?;
            Err(Error::NotFound)
        }
    }
}
