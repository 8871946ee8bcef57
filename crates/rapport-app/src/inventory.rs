//! The interpersonal inventory for a caller, shared by the Inventory tab and
//! the API: person and snapshot records reached only through their client's
//! access rules, the circle drawn from them, and taking a snapshot.

use crate::access::course::CourseContext;
use crate::access::records::{change_event, read_event};
use crate::access::{client_for, deny, Purpose};
use crate::caller::Identity;
use crate::error::field_error;
use crate::AppState;
use crate::Error;
use rapport_core::audit::action;
use rapport_core::inventory::circle::{svg, CircleWords, English, SvgOptions};
use rapport_core::inventory::{check_ring_in_circle, validate_snapshot, CirclePerson, CircleSnapshot, Person, Ring};
use rapport_core::records::RecordBody;
use rapport_core::{Id, Timestamp, ValidationErrors};
use rapport_store::records::{Placement, Record, RecordVersion};

/// The people on the circle, from their records.
pub fn circle_people(records: &[Record<Person>]) -> Vec<CirclePerson> {
    records.iter().map(|r| CirclePerson::of(r.id.to_string(), &r.body)).collect()
}

/// The closeness circle of `rings` rings as inline SVG.
pub fn circle_svg(people: &[CirclePerson], rings: u8, id: &str, title: &str) -> String {
    svg(people, &SvgOptions { id, title, words: &English, rings })
}

/// [`circle_svg`] with labels, legend and description in `words` (the reader's language).
pub fn circle_svg_with(people: &[CirclePerson], rings: u8, id: &str, title: &str, words: &dyn CircleWords) -> String {
    svg(people, &SvgOptions { id, title, words, rings })
}

/// How many rings the organisation's closeness circle has now.
#[crate::boxing::boxed_future]
pub async fn ring_count(state: &AppState) -> Result<u8, Error> {
    Ok(state.organisation().await?.closeness_rings)
}

/// How many people, across every client's inventory, sit in a ring beyond
/// `rings` (what lowering the organisation's ring count to `rings` would
/// leave outside the circle).
#[crate::boxing::boxed_future]
pub async fn people_beyond_ring(state: &AppState, rings: u8) -> Result<usize, Error> {
    /// The one field this check needs of a person's stored body.
    #[derive(serde::Deserialize)]
    struct RingOnly {
        ring: Ring,
    }
    let beyond = move |body: &str| serde_json::from_str::<RingOnly>(body).is_ok_and(|p| p.ring.number() > rings);
    Ok(state.store.count_live_bodies(Person::KIND, &beyond).await?)
}

/// A person's ring must be one of the organisation's rings.
async fn check_ring(state: &AppState, person: &Person) -> Result<(), Error> {
    check_ring_in_circle(person.ring, ring_count(state).await?).map_err(Error::Invalid)
}

/// The held session a snapshot refers to, if it belongs to the course.
pub fn session_of(cx: &CourseContext, session_id: Option<&str>) -> Result<Option<Id>, ValidationErrors> {
    match session_id.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => Id::parse(s).filter(|id| cx.session(id).is_some()).map(Some).ok_or_else(|| {
            ValidationErrors(vec![field_error(
                "session_id",
                rapport_core::msg("inventory-error-snapshot-session"),
                vec![],
            )])
        }),
    }
}

/// The number of the held session a record refers to ("session 3").
pub fn session_number(cx: &CourseContext, session: Option<&Id>) -> Option<u32> {
    session.and_then(|s| cx.session(s)).and_then(|s| s.number)
}

/// Freezes the client's current people into a snapshot of the course.
#[crate::boxing::boxed_future]
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
    let rings = ring_count(state).await?;
    let (snapshot, session) =
        match (validate_snapshot(label, taken_on, note, people, rings, Timestamp::now().date()), session) {
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
#[crate::boxing::boxed_future]
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

/// The order the inventory lists people in: ring, then name.
pub fn sort_people(people: &mut [Record<Person>]) {
    people.sort_by(|a, b| {
        (a.body.ring, a.body.display_name.to_lowercase()).cmp(&(b.body.ring, b.body.display_name.to_lowercase()))
    });
}

/// The client's people, in circle order, for the API (the read is audited
/// with the caller's access basis).
#[crate::boxing::boxed_future]
pub async fn people(state: &AppState, me: &Identity, client_id: &str) -> Result<Vec<Record<Person>>, Error> {
    let (client, basis) = client_for(state, me, client_id, Purpose::Write).await?;
    let mut people = state.store.client_records::<Person>(&client.id).await?;
    let detail = format!("{} people via API, basis={}", people.len(), basis.as_str());
    state.store.audit(read_event(me, Person::KIND, None, &client.id, detail)).await?;
    sort_people(&mut people);
    Ok(people)
}

/// Everything the Inventory tab shows: the client's people, those removed, and
/// the course's snapshots (the read is audited).
pub struct Inventory {
    pub people: Vec<Record<Person>>,
    pub removed: Vec<Record<Person>>,
    pub snapshots: Vec<Record<CircleSnapshot>>,
}

#[crate::boxing::boxed_future]
pub async fn inventory(state: &AppState, me: &Identity, cx: &CourseContext) -> Result<Inventory, Error> {
    let people = state.store.client_records::<Person>(&cx.client.id).await?;
    let removed = state.store.removed_client_records::<Person>(&cx.client.id).await?;
    let snapshots = state.store.course_records::<CircleSnapshot>(&cx.course.id).await?;
    let detail = format!("inventory: {} people, {} snapshots", people.len(), snapshots.len());
    state.store.audit(read_event(me, Person::KIND, None, &cx.client.id, detail)).await?;
    Ok(Inventory { people, removed, snapshots })
}

/// One of the course's client's people (404, with a denial logged, for anyone
/// else's); `Purpose::AuditRead` logs the read.
#[crate::boxing::boxed_future]
pub async fn person_of_course(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    person_id: &str,
    purpose: Purpose,
) -> Result<Record<Person>, Error> {
    let found = match Id::parse(person_id) {
        Some(pid) => state.store.record::<Person>(&pid).await?,
        None => None,
    };
    match found {
        Some(p) if p.client_id == cx.client.id => {
            if purpose == Purpose::AuditRead {
                let e =
                    read_event(me, Person::KIND, Some(&p.id), &cx.client.id, format!("basis={}", cx.basis.as_str()));
                state.store.audit(e).await?;
            }
            Ok(p)
        }
        _ => {
            deny(state, me, Person::KIND, Some(person_id)).await?;
            Err(Error::NotFound)
        }
    }
}

/// A person of the course's client with every version, newest first, even
/// after removal (then with the time removed). The read is audited.
#[crate::boxing::boxed_future]
pub async fn person_history(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    person_id: &str,
) -> Result<(Record<Person>, Option<Timestamp>, Vec<RecordVersion<Person>>), Error> {
    // Removed people keep their history, so look past removal here.
    let found = match Id::parse(person_id) {
        Some(pid) => state.store.record_including_removed::<Person>(&pid).await?,
        None => None,
    };
    let (record, removed_at) = match found {
        Some((r, removed)) if r.client_id == cx.client.id => (r, removed),
        _ => {
            deny(state, me, Person::KIND, Some(person_id)).await?;
            return Err(Error::NotFound);
        }
    };
    let e = read_event(me, Person::KIND, Some(&record.id), &cx.client.id, "history".into());
    state.store.audit(e).await?;
    let history = state.store.record_history::<Person>(&record.id).await?;
    Ok((record, removed_at, history))
}

/// Adds a checked person to the client's inventory (`via`: "" or " via API").
#[crate::boxing::boxed_future]
pub async fn add_person(
    state: &AppState,
    me: &Identity,
    client: &Id,
    person: &Person,
    via: &str,
) -> Result<Record<Person>, Error> {
    check_ring(state, person).await?;
    let at = Placement { client_id: client.clone(), ..Placement::default() };
    let ev = change_event::<Person>(me, action::RECORD_CREATE, format!("ring={}{via}", person.ring.code()));
    Ok(state.store.create_record(&at, person, &me.user.id, ev).await?)
}

/// Stores a checked person as the next version of `current`, which must still
/// be at `version`; `detail` says what changed (no clinical content).
#[crate::boxing::boxed_future]
pub async fn change_person(
    state: &AppState,
    me: &Identity,
    current: &Record<Person>,
    version: i64,
    person: &Person,
    detail: String,
) -> Result<Record<Person>, Error> {
    // A person already beyond the circle (a count lowered by hand in the
    // database) may still be saved where they are; moving further out may not.
    if person.ring != current.body.ring {
        check_ring(state, person).await?;
    }
    let ev = change_event::<Person>(me, action::RECORD_UPDATE, detail);
    Ok(state.store.update_record(&current.id, version, person, &me.user.id, ev).await?)
}

/// Removes a person (every version stays in the history).
#[crate::boxing::boxed_future]
pub async fn remove_person(
    state: &AppState,
    me: &Identity,
    current: &Record<Person>,
    version: i64,
    via: &str,
) -> Result<(), Error> {
    let ev = change_event::<Person>(me, action::RECORD_REMOVE, format!("ring={}{via}", current.body.ring.code()));
    state.store.remove_record::<Person>(&current.id, version, &me.user.id, ev).await?;
    Ok(())
}

/// The client's people on the circle as it stands now, for the API (the read is audited).
#[crate::boxing::boxed_future]
pub async fn circle_now(state: &AppState, me: &Identity, cx: &CourseContext) -> Result<Vec<CirclePerson>, Error> {
    let records = state.store.client_records::<Person>(&cx.client.id).await?;
    let detail = format!("circle: {} people via API", records.len());
    state.store.audit(read_event(me, Person::KIND, None, &cx.client.id, detail)).await?;
    Ok(circle_people(&records))
}

/// The client's people on the circle now, for a comparison (audited by `audit_comparison`).
#[crate::boxing::boxed_future]
pub async fn current_circle(state: &AppState, cx: &CourseContext) -> Result<Vec<CirclePerson>, Error> {
    Ok(circle_people(&state.store.client_records::<Person>(&cx.client.id).await?))
}

/// The course's snapshots, oldest first (not audited: see `snapshots_read`).
#[crate::boxing::boxed_future]
pub async fn snapshots(state: &AppState, cx: &CourseContext) -> Result<Vec<Record<CircleSnapshot>>, Error> {
    Ok(state.store.course_records::<CircleSnapshot>(&cx.course.id).await?)
}

/// The course's snapshots for the API (the read is audited).
#[crate::boxing::boxed_future]
pub async fn snapshots_read(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
) -> Result<Vec<Record<CircleSnapshot>>, Error> {
    let list = snapshots(state, cx).await?;
    let detail = format!("{} snapshots via API", list.len());
    state.store.audit(read_event(me, CircleSnapshot::KIND, None, &cx.client.id, detail)).await?;
    Ok(list)
}

/// Logs that two circles of the course were compared (`detail`: which).
#[crate::boxing::boxed_future]
pub async fn audit_comparison(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    detail: String,
) -> Result<(), Error> {
    state.store.audit(read_event(me, CircleSnapshot::KIND, None, &cx.client.id, detail)).await?;
    Ok(())
}

/// A snapshot of this course, viewed (the read is audited).
#[crate::boxing::boxed_future]
pub async fn view_snapshot(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    id: &str,
) -> Result<Record<CircleSnapshot>, Error> {
    let snapshot = snapshot_of_course(state, me, cx, id).await?;
    let e = read_event(me, CircleSnapshot::KIND, Some(&snapshot.id), &cx.client.id, "view".into());
    state.store.audit(e).await?;
    Ok(snapshot)
}
