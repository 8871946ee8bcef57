//! Demo interpersonal inventory: a client in a role-dispute course with six
//! important people, an intake circle snapshot, later changes (kept as
//! versions) and a mid-course snapshot that shows them.

use super::event::event;
use super::lang::inventory::Words;
use super::Texts;
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
fn intake_people(today: time::Date, w: &Words) -> Vec<RawPerson> {
    let died = format_date(today - time::Duration::days(3 * 365 + 40));
    vec![
        RawPerson {
            relationship_detail: s(w.husband),
            lives_with_client: true,
            contact_frequency: s("daily"),
            shared_activities: s(w.partner_shared),
            satisfying: s(w.partner_satisfying),
            unsatisfying: s(w.partner_unsatisfying),
            client_expectations: s(w.partner_client_expectations),
            client_expectations_met: s("no"),
            other_expectations: s(w.partner_other_expectations),
            other_expectations_met: s("partly"),
            conflict: true,
            conflict_description: s(w.partner_conflict),
            support_received: kinds(&["practical"]),
            support_given: kinds(&["emotional", "practical"]),
            can_discuss: s(w.partner_can_discuss),
            cannot_discuss: s(w.partner_cannot_discuss),
            wanted_changes: s(w.partner_wanted),
            change_since_onset: s(w.partner_change),
            ..raw("Sam", "partner", "inner")
        },
        RawPerson {
            deceased: true,
            date_of_death: Some(died),
            satisfying: s(w.mother_satisfying),
            support_received: kinds(&["emotional", "information"]),
            change_since_onset: s(w.mother_change),
            notes: s(w.mother_notes),
            ..raw("Rosa", "parent", "inner")
        },
        RawPerson {
            contact_frequency: s("weekly"),
            shared_activities: s(w.friend_shared),
            satisfying: s(w.friend_satisfying),
            support_received: kinds(&["emotional", "company"]),
            support_given: kinds(&["emotional"]),
            can_discuss: s(w.friend_can_discuss),
            change_since_onset: s(w.friend_change),
            could_support_now: true,
            ..raw("Bea", "friend", "middle")
        },
        RawPerson {
            relationship_detail: s(w.younger_brother),
            contact_frequency: s("less_often"),
            unsatisfying: s(w.brother_unsatisfying),
            wanted_changes: s(w.brother_wanted),
            could_support_now: true,
            ..raw("Tom", "sibling", "outer")
        },
        RawPerson {
            contact_frequency: s("weekly"),
            shared_activities: s(w.colleague_shared),
            support_received: kinds(&["information"]),
            cannot_discuss: s(w.colleague_cannot_discuss),
            third_party_information: true,
            notes: s(w.colleague_notes),
            ..raw("Priya", "colleague", "outer")
        },
        RawPerson {
            relationship_detail: s(w.gp),
            contact_frequency: s("monthly"),
            support_received: kinds(&["information"]),
            ..raw(w.gp_name, "health_worker", "4")
        },
    ]
}

async fn course_for_demo(
    store: &Store,
    (client, clinician): (&Id, &Id),
    today: time::Date,
    texts: &Texts,
) -> R<CourseRecord> {
    let w = texts.inventory;
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
        (ChecklistItem::SymptomReview, 0, Some(texts.diagnosis), Some("F32.1")),
        (ChecklistItem::SuicideRisk, 0, None, None),
        (ChecklistItem::Psychoeducation, 0, None, None),
        (ChecklistItem::SickRole, 0, None, None),
        (ChecklistItem::RoleExplained, 0, None, None),
        (ChecklistItem::Medication, 1, Some("not_needed"), None),
        (ChecklistItem::Timeline, 1, None, None),
        (ChecklistItem::FormulationPresented, 2, None, None),
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
        symptom_link: Some(w.symptom_link.into()),
        ..Default::default()
    };
    let at = Placement { client_id: client.clone(), course_id: Some(course.id.clone()), ..Default::default() };
    store
        .create_record(&at, &formulation, clinician, event(action::RECORD_CREATE, Formulation::KIND))
        .await
        .map_err(err)?;
    Ok(course)
}

/// The demo organisation's closeness-circle rings: four, so the demo shows a
/// count other than the manuals' three (the GP sits in ring 4, the most distant).
pub const CLOSENESS_RINGS: u8 = 4;

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
        validate_snapshot(Some(label), taken_on.as_deref(), None, circle, CLOSENESS_RINGS, Timestamp::now().date())
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
pub async fn seed(store: &Store, client: &Id, clinician: &Id, texts: &Texts) -> R<()> {
    let w = texts.inventory;
    if !store.client_records::<Person>(client).await.map_err(err)?.is_empty() {
        return Ok(());
    }
    let today = Timestamp::now().date();
    let course = course_for_demo(store, (client, clinician), today, texts).await?;
    let sessions: Vec<TherapySession> = super::courses::attended(store, &course).await?;
    let mut people = Vec::new();
    for r in intake_people(today, w) {
        let p = validate_person(&r, Some(today)).map_err(|e| e.to_string())?;
        let at = Placement { client_id: client.clone(), ..Default::default() };
        people.push(
            store.create_record(&at, &p, clinician, event(action::RECORD_CREATE, Person::KIND)).await.map_err(err)?,
        );
    }
    snapshot(store, &course, sessions.first(), w.intake, &people, clinician).await?;

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
                    raw.change_since_onset = s(w.brother_later);
                }
                "Sam" => {
                    raw.support_received = kinds(&["practical", "emotional"]);
                    raw.client_expectations_met = s("partly");
                    raw.wanted_changes = s(w.partner_later);
                }
                "Bea" => raw.change_since_onset = s(w.friend_later),
                _ => continue,
            }
            let p = validate_person(&raw, Some(today)).map_err(|e| e.to_string())?;
            *rec = store
                .update_record(&rec.id, rec.version, &p, clinician, event(action::RECORD_UPDATE, Person::KIND))
                .await
                .map_err(err)?;
        }
        snapshot(store, &course, sessions.last(), w.mid_course, &people, clinician).await?;
    }
    Ok(())
}
