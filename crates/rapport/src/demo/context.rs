//! A demo care context: a cultural formulation, one current and one past
//! medication, the GP as another provider, and a coordination note.

use super::event::event;
use rapport_core::audit::action;
use rapport_core::context::{CoordinationNote, CulturalFormulation, Medication, OtherProvider};
use rapport_core::records::RecordBody;
use rapport_core::{Id, Timestamp};
use rapport_store::records::Placement;
use rapport_store::Store;
use time::Duration;

fn text(s: &str) -> Option<String> {
    Some(s.to_string())
}

pub async fn seed(store: &Store, client: &Id, clinician: &Id) -> Result<(), String> {
    let err = |e: rapport_store::StoreError| e.to_string();
    let today = Timestamp::now().date();
    let month_ago = |days: i64| rapport_core::time::format_date(today - Duration::days(days))[..7].to_string();
    let at = Placement { client_id: client.clone(), ..Default::default() };
    let cf = CulturalFormulation {
        cultural_identity: text("Grew up in a large Portuguese-speaking family; Catholic, attends Mass at festivals. Sees self as the one who holds the family together."),
        explanations: text("\"My nerves are finished.\" Thinks the low mood comes from \"carrying everyone\" and from the shame of losing the job."),
        stressors: text("Being the main earner is part of their sense of self; the redundancy feels like failing the family."),
        supports: text("Parish friends; cousin Rita; the football group (lost touch since the redundancy)."),
        expectations: text("Hoped for tablets to \"fix the nerves\"; wary of talking about family outside the family. Prefers practical advice."),
        practices: text("Sunday lunch with extended family; Mum's care is a family duty."),
        language_needs: text("Fluent English; written material in English is fine. Mother speaks only Portuguese (relevant if she joins a session)."),
        interpreter_needed: false,
    };
    let current = Medication {
        name: "Sertraline".into(),
        dose: text("50 mg once daily"),
        prescriber: text("Dr Okafor (GP)"),
        start_date: Some(month_ago(50)),
        adherence: text("Takes it most days; missed doses at weekends at first."),
        side_effects: text("Mild nausea in the first fortnight, now settled."),
        ..Default::default()
    };
    let past = Medication {
        name: "Citalopram".into(),
        dose: text("20 mg once daily"),
        prescriber: text("Previous GP"),
        start_date: text("2019"),
        stop_date: text("2020"),
        side_effects: text("Stopped because of nausea and feeling \"flat\"."),
        ..Default::default()
    };
    let gp = OtherProvider {
        name: "Dr R. Okafor, GP".into(),
        organisation: text("Riverside Health Centre (demo)"),
        contact: text("+44 20 7946 0000"),
        provides: text("Prescribes and reviews the antidepressant; sick notes."),
    };
    store
        .create_record(
            &at,
            &cf.validate().map_err(|e| e.to_string())?,
            clinician,
            event(action::RECORD_CREATE, "cultural_formulation"),
        )
        .await
        .map_err(err)?;
    for m in [current, past] {
        let m = m.validate_on(today).map_err(|e| e.to_string())?;
        store.create_record(&at, &m, clinician, event(action::RECORD_CREATE, "medication")).await.map_err(err)?;
    }
    let gp =
        store.create_record(&at, &gp, clinician, event(action::RECORD_CREATE, "other_provider")).await.map_err(err)?;
    let note = CoordinationNote {
        date: rapport_core::time::format_date(today - Duration::days(40)),
        provider_id: Some(gp.id.to_string()),
        note: "Letter to Dr Okafor with the IPT plan (16 weekly sessions, role dispute focus) and a request to review the sertraline dose at 8 weeks.".into(),
    };
    store.create_record(&at, &note, clinician, event(action::RECORD_CREATE, "coordination_note")).await.map_err(err)?;
    Ok(())
}
