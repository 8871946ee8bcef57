//! A demo care context: a cultural formulation, one current and one past
//! medication, the GP as another provider, and a coordination note.

use super::event::event;
use super::lang::context::Words;
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

pub async fn seed(store: &Store, client: &Id, clinician: &Id, w: &Words) -> Result<(), String> {
    let err = |e: rapport_store::StoreError| e.to_string();
    let today = Timestamp::now().date();
    let month_ago = |days: i64| rapport_core::time::format_date(today - Duration::days(days))[..7].to_string();
    let at = Placement { client_id: client.clone(), ..Default::default() };
    let cf = CulturalFormulation {
        cultural_identity: text(w.cultural_identity),
        explanations: text(w.explanations),
        stressors: text(w.stressors),
        supports: text(w.supports),
        expectations: text(w.expectations),
        practices: text(w.practices),
        language_needs: text(w.language_needs),
        interpreter_needed: false,
    };
    let current = Medication {
        name: w.medicines[0].into(),
        dose: text(w.doses[0]),
        prescriber: text(w.prescribers[0]),
        start_date: Some(month_ago(50)),
        adherence: text(w.adherence),
        side_effects: text(w.side_effects[0]),
        ..Default::default()
    };
    let past = Medication {
        name: w.medicines[1].into(),
        dose: text(w.doses[1]),
        prescriber: text(w.prescribers[1]),
        start_date: text("2019"),
        stop_date: text("2020"),
        side_effects: text(w.side_effects[1]),
        ..Default::default()
    };
    let gp = OtherProvider {
        name: w.gp.into(),
        organisation: text(w.gp_practice),
        contact: text("+44 20 7946 0000"),
        provides: text(w.gp_provides),
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
        note: w.letter.into(),
    };
    store.create_record(&at, &note, clinician, event(action::RECORD_CREATE, "coordination_note")).await.map_err(err)?;
    Ok(())
}
