//! Demo interpersonal inventory: a client in a role-dispute course with six
//! important people, an intake circle snapshot, later changes (kept as
//! versions) and a mid-course snapshot that shows them.

use super::event::event;
use rapport_core::audit::action;
use rapport_core::course::Modality;
use rapport_core::formulation::Formulation;
use rapport_core::inventory::{validate_person, validate_snapshot, CirclePerson, CircleSnapshot, Person, RawPerson};
use rapport_core::protocol::ChecklistItem;
use rapport_core::records::RecordBody;
use rapport_core::time::format_date;
use rapport_core::{Id, Timestamp};
use rapport_store::courses::{CourseRecord, TherapySession};
use rapport_store::records::{Placement, Record};
use rapport_store::Store;

type R<T> = Result<T, String>;

fn err(e: rapport_store::StoreError) -> String {
    e.to_string()
}

fn raw(name: &str, relationship: &str, ring: &str) -> RawPerson {
    RawPerson {
        display_name: Some(name.into()),
        relationship: Some(relationship.into()),
        ring: Some(ring.into()),
        ..Default::default()
    }
}

fn s(v: &str) -> Option<String> {
    Some(v.into())
}

fn kinds(v: &[&str]) -> Vec<String> {
    v.iter().map(|k| k.to_string()).collect()
}

/// The people at intake: a partner in conflict, a parent who has died, a
/// supportive friend, a distant sibling, a colleague and the GP.
fn intake_people(today: time::Date) -> Vec<RawPerson> {
    let died = format_date(today - time::Duration::days(3 * 365 + 40));
    vec![
        RawPerson {
            relationship_detail: s("husband"),
            lives_with_client: true,
            contact_frequency: s("daily"),
            shared_activities: s("Evening meals, walking the dog at weekends (less since the new job)."),
            satisfying: s("Kind with the children; they still laugh together on holidays."),
            unsatisfying: s("Since Sam's promotion he works late and she carries the house and the children alone."),
            client_expectations: s("That he shares the school runs and the housework as before."),
            client_expectations_met: s("no"),
            other_expectations: s("That she supports his new job and does not complain about the hours."),
            other_expectations_met: s("partly"),
            conflict: true,
            conflict_description: s(
                "Role dispute over housework and his working hours. Arguments most evenings, never resolved: she goes silent, he leaves the room.",
            ),
            support_received: kinds(&["practical"]),
            support_given: kinds(&["emotional", "practical"]),
            can_discuss: s("The children, money."),
            cannot_discuss: s("How alone she feels; she fears he would say she is ungrateful."),
            wanted_changes: s("To ask him directly for two evenings a week; to say how she feels without shouting."),
            change_since_onset: s("More arguments and less time together since the promotion eight months ago."),
            ..raw("Sam", "partner", "inner")
        },
        RawPerson {
            deceased: true,
            date_of_death: Some(died),
            satisfying: s("Phoned every Sunday; knew what to say."),
            support_received: kinds(&["emotional", "information"]),
            change_since_onset: s("She misses asking her mother's advice about the children."),
            notes: s("Died after a short illness; the client says she grieved at the time and talks about her easily."),
            ..raw("Rosa", "parent", "inner")
        },
        RawPerson {
            contact_frequency: s("weekly"),
            shared_activities: s("Coffee after the school run; messages most days."),
            satisfying: s("Listens without judging."),
            support_received: kinds(&["emotional", "company"]),
            support_given: kinds(&["emotional"]),
            can_discuss: s("Nearly everything, including the arguments at home."),
            change_since_onset: s("The client has cancelled their coffees for the last two months."),
            could_support_now: true,
            ..raw("Bea", "friend", "middle")
        },
        RawPerson {
            relationship_detail: s("younger brother"),
            contact_frequency: s("less_often"),
            unsatisfying: s("They drifted apart after their mother's death."),
            wanted_changes: s("To see him more; he lives twenty minutes away."),
            could_support_now: true,
            ..raw("Tom", "sibling", "outer")
        },
        RawPerson {
            contact_frequency: s("weekly"),
            shared_activities: s("Works three days a week in the same office."),
            support_received: kinds(&["information"]),
            cannot_discuss: s("Anything about home."),
            third_party_information: true,
            notes: s("Sam describes Priya as a gossip (third-party information)."),
            ..raw("Priya", "colleague", "outer")
        },
        RawPerson {
            relationship_detail: s("GP"),
            contact_frequency: s("monthly"),
            support_received: kinds(&["information"]),
            ..raw("Dr Mendes", "health_worker", "outer")
        },
    ]
}

async fn course_for_demo(store: &Store, client: &Id, clinician: &Id, today: time::Date) -> R<CourseRecord> {
    // A course another part of the demo made for this client is reused.
    if let Some(c) = store.client_courses(client).await.map_err(err)?.into_iter().find(|c| c.course.status.is_open()) {
        return Ok(c.course);
    }
    let start = today - time::Duration::weeks(6);
    let course = super::courses::start_course(store, client, clinician, "ipt-individual", 16, start, today).await?;
    super::courses::hold_weekly(store, &course, clinician, start, "12:45", 6, |_| Modality::InPerson).await?;
    // The initial phase is done apart from the inventory itself, so the Inventory tab
    // shows its reminder.
    let done = [
        (ChecklistItem::SymptomReview, 0, Some("Major depressive disorder, single episode, moderate"), Some("F32.1")),
        (ChecklistItem::Psychoeducation, 0, None, None),
        (ChecklistItem::SickRole, 0, None, None),
        (ChecklistItem::Medication, 1, Some("not_needed"), None),
        (ChecklistItem::Timeline, 1, None, None),
        (ChecklistItem::Formulation, 2, None, None),
        (ChecklistItem::Contract, 2, None, None),
    ];
    for (item, week, detail, code) in done {
        store
            .record_checklist_item(
                &course.id,
                item,
                start + time::Duration::weeks(week),
                detail.map(str::to_string),
                code.map(str::to_string),
                None,
                clinician,
                event(action::CHECKLIST_RECORD, "course"),
            )
            .await
            .map_err(err)?;
    }
    let formulation = Formulation {
        problem_areas: vec!["role_dispute".into()],
        symptom_link: Some("Low mood began as arguments with Sam over work and home roles grew.".into()),
        ..Default::default()
    };
    let at = Placement { client_id: client.clone(), course_id: Some(course.id.clone()), ..Default::default() };
    store
        .create_record(&at, &formulation, clinician, event(action::RECORD_CREATE, Formulation::KIND))
        .await
        .map_err(err)?;
    Ok(course)
}

async fn snapshot(
    store: &Store,
    course: &CourseRecord,
    session: Option<&TherapySession>,
    label: &str,
    people: &[Record<Person>],
    by: &Id,
) -> R<()> {
    let circle: Vec<CirclePerson> = people.iter().map(|r| CirclePerson::of(r.id.to_string(), &r.body)).collect();
    let taken_on = session.map(|s| format_date(s.date));
    let snap: CircleSnapshot =
        validate_snapshot(Some(label), taken_on.as_deref(), None, circle, Timestamp::now().date())
            .map_err(|e| e.to_string())?;
    let at = Placement {
        client_id: course.client_id.clone(),
        course_id: Some(course.id.clone()),
        session_id: session.map(|s| s.id.clone()),
        parent_id: None,
    };
    store.create_record(&at, &snap, by, event(action::RECORD_CREATE, CircleSnapshot::KIND)).await.map_err(err)?;
    Ok(())
}

/// Seeds the inventory for `client` (on `clinician`'s caseload); does nothing
/// if the client already has people recorded.
pub async fn seed(store: &Store, client: &Id, clinician: &Id) -> R<()> {
    if !store.client_records::<Person>(client).await.map_err(err)?.is_empty() {
        return Ok(());
    }
    let today = Timestamp::now().date();
    let course = course_for_demo(store, client, clinician, today).await?;
    let sessions: Vec<TherapySession> = super::courses::attended(store, &course).await?;
    let mut people = Vec::new();
    for r in intake_people(today) {
        let p = validate_person(&r, Some(today)).map_err(|e| e.to_string())?;
        let at = Placement { client_id: client.clone(), ..Default::default() };
        people.push(
            store.create_record(&at, &p, clinician, event(action::RECORD_CREATE, Person::KIND)).await.map_err(err)?,
        );
    }
    snapshot(store, &course, sessions.first(), "intake", &people, clinician).await?;

    // Mid-course: Tom has come closer and helps with the children; Bea is seen again;
    // the dispute with Sam continues but he now does two school runs.
    if sessions.len() >= 2 {
        for rec in people.iter_mut() {
            let mut raw = rec.body.to_raw();
            match rec.body.display_name.as_str() {
                "Tom" => {
                    raw.ring = s("middle");
                    raw.contact_frequency = s("weekly");
                    raw.support_received = kinds(&["practical", "company"]);
                    raw.change_since_onset = s("After a talk in week 4 he collects the children on Wednesdays.");
                }
                "Sam" => {
                    raw.support_received = kinds(&["practical", "emotional"]);
                    raw.client_expectations_met = s("partly");
                    raw.wanted_changes =
                        s("Keep asking directly; agreed two school runs a week, now talking about evenings.");
                }
                "Bea" => raw.change_since_onset = s("Coffee again every Tuesday since week 3."),
                _ => continue,
            }
            let p = validate_person(&raw, Some(today)).map_err(|e| e.to_string())?;
            *rec = store
                .update_record(&rec.id, rec.version, &p, clinician, event(action::RECORD_UPDATE, Person::KIND))
                .await
                .map_err(err)?;
        }
        snapshot(store, &course, sessions.last(), "mid-course", &people, clinician).await?;
    }
    Ok(())
}
