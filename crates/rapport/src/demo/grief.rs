//! Demo grief formulation (issue 19, problem-area facts): the third course
//! (individual IPT, thirteen sessions held) focuses on the death of the
//! client's father, recorded in the interpersonal inventory; the grief
//! workspace names him, links to him there and dates the death, and the
//! formulation is agreed at session 3.

use super::event::event;
use super::lang::grief::Words;
use rapport_core::audit::action;
use rapport_core::formulation::{
    check_agreement_facts, validate_workspace, AreaWork, AreaWorkspace, Formulation, GriefWork, LossType,
};
use rapport_core::inventory::{validate_person, Person, RawPerson};
use rapport_core::records::RecordBody;
use rapport_core::time::format_date;
use rapport_core::timeline::TimelineEvent;
use rapport_core::{Id, Timestamp};
use rapport_store::records::Placement;
use rapport_store::Store;

/// Seeds the grief formulation in `client`'s open course; returns the course id
/// (None when the client has no open course with three sessions held).
pub async fn seed(store: &Store, client: &Id, clinician: &Id, w: &Words) -> Result<Option<Id>, String> {
    let err = |e: rapport_store::StoreError| e.to_string();
    let today = Timestamp::now().date();
    let Some(course) = store.client_courses(client).await.map_err(err)?.into_iter().find(|c| c.course.status.is_open())
    else {
        return Ok(None);
    };
    let course = course.course;
    if store.course_formulation(&course.id).await.map_err(err)?.is_some() {
        return Ok(None);
    }
    let sessions = super::courses::attended(store, &course).await?;
    let Some(third) = sessions.get(2) else { return Ok(None) };
    let died = format_date(course.start_date - time::Duration::days(150));

    let raw = RawPerson {
        display_name: Some(w.person.into()),
        relationship: Some("parent".into()),
        relationship_detail: Some(w.relationship_detail.into()),
        ring: Some("inner".into()),
        deceased: true,
        date_of_death: Some(died.clone()),
        satisfying: Some(w.relationship_good.into()),
        unsatisfying: Some(w.relationship_bad.into()),
        ..Default::default()
    };
    let raw = RawPerson { linked_to_onset: true, ..raw };
    let person = validate_person(&raw, Some(today)).map_err(|e| e.to_string())?;
    let at = Placement { client_id: client.clone(), ..Default::default() };
    let person =
        store.create_record(&at, &person, clinician, event(action::RECORD_CREATE, Person::KIND)).await.map_err(err)?;

    // The sister, with the manuals' inventory fields (knows about the depression, how they
    // communicate, how the client feels together, linked to the onset).
    let sister = RawPerson {
        display_name: Some(w.sister.into()),
        relationship: Some("sibling".into()),
        ring: Some("middle".into()),
        contact_frequency: Some("monthly".into()),
        knows_about_depression: Some("partly".into()),
        communication: Some(w.sister_communication.into()),
        feelings_together: Some(w.sister_feelings.into()),
        could_support_now: true,
        ..Default::default()
    };
    let sister = validate_person(&sister, Some(today)).map_err(|e| e.to_string())?;
    store.create_record(&at, &sister, clinician, event(action::RECORD_CREATE, Person::KIND)).await.map_err(err)?;
    // The timeline: the death, then the months alone after it.
    let alone = format_date(course.start_date - time::Duration::days(90));
    for (date, category, title, ids) in [
        (died.clone(), "death", w.death_title, vec![person.id.to_string()]),
        (alone, "isolation", w.isolation_title, Vec::new()),
    ] {
        let e = TimelineEvent {
            date,
            category: category.into(),
            title: title.into(),
            person_ids: ids,
            episode: if category == "death" { "onset".into() } else { "worsening".into() },
            ..Default::default()
        };
        let e = e.validate_on(today).map_err(|e| e.to_string())?;
        store.create_record(&at, &e, clinician, event(action::RECORD_CREATE, "timeline_event")).await.map_err(err)?;
    }

    let at = Placement { client_id: client.clone(), course_id: Some(course.id.clone()), ..Default::default() };
    let work = AreaWorkspace {
        area: "grief".into(),
        work: AreaWork::Grief(GriefWork {
            person: Some(w.person.into()),
            person_id: Some(person.id.to_string()),
            loss_type: LossType::Death,
            date_of_death: Some(died),
            circumstances: Some(w.circumstances.into()),
            relationship_good: Some(w.relationship_good.into()),
            relationship_bad: Some(w.relationship_bad.into()),
            mourning_tasks: Some(w.mourning_tasks.into()),
            ..GriefWork::default()
        }),
    };
    let work = validate_workspace(work, today).map_err(|e| e.to_string())?;
    let formulation = Formulation {
        problem_areas: vec!["grief".into()],
        symptom_link: Some(w.symptom_link.into()),
        shared_text: Some(w.shared_text.into()),
        rationale: Some(w.rationale.into()),
        agreed_on: Some(format_date(third.date)),

        ..Formulation::default()
    };
    // The same rule the formulation form applies: the facts come before the agreement.
    check_agreement_facts(&formulation, std::slice::from_ref(&work)).map_err(|e| e.to_string())?;
    store.create_record(&at, &work, clinician, event(action::RECORD_CREATE, "area_workspace")).await.map_err(err)?;
    store
        .create_record(&at, &formulation, clinician, event(action::RECORD_CREATE, "formulation"))
        .await
        .map_err(err)?;
    Ok(Some(course.id))
}
