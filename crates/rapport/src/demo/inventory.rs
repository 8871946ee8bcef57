//! Demo interpersonal inventory: a client in a role-dispute course with six
//! important people, an intake circle snapshot, later changes (kept as
//! versions) and a mid-course snapshot that shows them.

use super::event::event;
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
            ..raw(w.gp_name, "health_worker", "outer")
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

/// The inventory's words in one language (`Texts::inventory`): Sam the
/// partner, Rosa the late mother, Bea the friend, Tom the brother, Priya the
/// colleague and the GP; then the changes seen mid-course.
pub struct Words {
    pub husband: &'static str,
    pub partner_shared: &'static str,
    pub partner_satisfying: &'static str,
    pub partner_unsatisfying: &'static str,
    pub partner_client_expectations: &'static str,
    pub partner_other_expectations: &'static str,
    pub partner_conflict: &'static str,
    pub partner_can_discuss: &'static str,
    pub partner_cannot_discuss: &'static str,
    pub partner_wanted: &'static str,
    pub partner_change: &'static str,
    pub mother_satisfying: &'static str,
    pub mother_change: &'static str,
    pub mother_notes: &'static str,
    pub friend_shared: &'static str,
    pub friend_satisfying: &'static str,
    pub friend_can_discuss: &'static str,
    pub friend_change: &'static str,
    pub younger_brother: &'static str,
    pub brother_unsatisfying: &'static str,
    pub brother_wanted: &'static str,
    pub colleague_shared: &'static str,
    pub colleague_cannot_discuss: &'static str,
    pub colleague_notes: &'static str,
    pub gp: &'static str,
    pub gp_name: &'static str,
    pub brother_later: &'static str,
    pub partner_later: &'static str,
    pub friend_later: &'static str,
    pub symptom_link: &'static str,
    /// The two circle snapshots' labels.
    pub intake: &'static str,
    pub mid_course: &'static str,
}

pub static EN: Words = Words {
    husband: "husband",
    partner_shared: "Evening meals, walking the dog at weekends (less since the new job).",
    partner_satisfying: "Kind with the children; they still laugh together on holidays.",
    partner_unsatisfying: "Since Sam's promotion he works late and she carries the house and the children alone.",
    partner_client_expectations: "That he shares the school runs and the housework as before.",
    partner_other_expectations: "That she supports his new job and does not complain about the hours.",
    partner_conflict: "Role dispute over housework and his working hours. Arguments most evenings, never resolved: she goes silent, he leaves the room.",
    partner_can_discuss: "The children, money.",
    partner_cannot_discuss: "How alone she feels; she fears he would say she is ungrateful.",
    partner_wanted: "To ask him directly for two evenings a week; to say how she feels without shouting.",
    partner_change: "More arguments and less time together since the promotion eight months ago.",
    mother_satisfying: "Phoned every Sunday; knew what to say.",
    mother_change: "She misses asking her mother's advice about the children.",
    mother_notes: "Died after a short illness; the client says she grieved at the time and talks about her easily.",
    friend_shared: "Coffee after the school run; messages most days.",
    friend_satisfying: "Listens without judging.",
    friend_can_discuss: "Nearly everything, including the arguments at home.",
    friend_change: "The client has cancelled their coffees for the last two months.",
    younger_brother: "younger brother",
    brother_unsatisfying: "They drifted apart after their mother's death.",
    brother_wanted: "To see him more; he lives twenty minutes away.",
    colleague_shared: "Works three days a week in the same office.",
    colleague_cannot_discuss: "Anything about home.",
    colleague_notes: "Sam describes Priya as a gossip (third-party information).",
    gp: "GP",
    gp_name: "Dr Mendes",
    brother_later: "After a talk in week 4 he collects the children on Wednesdays.",
    partner_later: "Keep asking directly; agreed two school runs a week, now talking about evenings.",
    friend_later: "Coffee again every Tuesday since week 3.",
    symptom_link: "Low mood began as arguments with Sam over work and home roles grew.",
    intake: "intake",
    mid_course: "mid-course",
};

pub static ES: Words = Words {
    husband: "esposo",
    partner_shared: "Las cenas, pasear al perro los fines de semana (menos desde el trabajo nuevo).",
    partner_satisfying: "Cariñoso con los hijos; todavía se ríen juntos en las vacaciones.",
    partner_unsatisfying: "Desde el ascenso de Sam, él trabaja hasta tarde y ella carga sola con la casa y los hijos.",
    partner_client_expectations: "Que él comparta como antes llevar a los niños a la escuela y las tareas de la casa.",
    partner_other_expectations: "Que ella apoye su trabajo nuevo y no se queje del horario.",
    partner_conflict: "Disputa de roles por las tareas de la casa y el horario de él. Discusiones casi todas las noches, nunca resueltas: ella se calla, él se va del cuarto.",
    partner_can_discuss: "Los hijos, el dinero.",
    partner_cannot_discuss: "Lo sola que se siente; teme que él le diga que es una malagradecida.",
    partner_wanted: "Pedirle directamente dos noches por semana; decir cómo se siente sin gritar.",
    partner_change: "Más discusiones y menos tiempo juntos desde el ascenso, hace ocho meses.",
    mother_satisfying: "Llamaba cada domingo; sabía qué decir.",
    mother_change: "Extraña pedirle consejo a su madre sobre los hijos.",
    mother_notes: "Murió tras una enfermedad breve; la consultante dice que hizo su duelo en su momento y habla de ella con facilidad.",
    friend_shared: "Un café después de dejar a los niños en la escuela; mensajes casi todos los días.",
    friend_satisfying: "Escucha sin juzgar.",
    friend_can_discuss: "Casi todo, incluso las discusiones en casa.",
    friend_change: "La consultante canceló sus cafés en los últimos dos meses.",
    younger_brother: "hermano menor",
    brother_unsatisfying: "Se distanciaron después de la muerte de su madre.",
    brother_wanted: "Verlo más; vive a veinte minutos.",
    colleague_shared: "Trabaja tres días por semana en la misma oficina.",
    colleague_cannot_discuss: "Nada de la casa.",
    colleague_notes: "Sam describe a Priya como chismosa (información de terceros).",
    gp: "médico de cabecera",
    gp_name: "Dra. Mendes",
    brother_later: "Después de una conversación en la semana 4, él recoge a los niños los miércoles.",
    partner_later: "Seguir pidiendo directamente; acordaron que él lleva a los niños a la escuela dos veces por semana, ahora hablan de las noches.",
    friend_later: "De nuevo un café cada martes desde la semana 3.",
    symptom_link: "El ánimo bajo empezó cuando crecieron las discusiones con Sam por los roles en el trabajo y en casa.",
    intake: "inicio",
    mid_course: "mitad del tratamiento",
};

pub static FR: Words = Words {
    husband: "mari",
    partner_shared: "Les repas du soir, promener le chien le week-end (moins depuis le nouveau poste).",
    partner_satisfying: "Gentil avec les enfants ; ils rient encore ensemble en vacances.",
    partner_unsatisfying: "Depuis la promotion de Sam, il rentre tard et elle porte seule la maison et les enfants.",
    partner_client_expectations: "Qu’il partage comme avant les trajets d’école et les tâches ménagères.",
    partner_other_expectations: "Qu’elle soutienne son nouveau poste et ne se plaigne pas des horaires.",
    partner_conflict: "Conflit de rôle sur les tâches ménagères et ses horaires. Disputes presque tous les soirs, jamais résolues : elle se tait, il quitte la pièce.",
    partner_can_discuss: "Les enfants, l’argent.",
    partner_cannot_discuss: "À quel point elle se sent seule ; elle craint qu’il la trouve ingrate.",
    partner_wanted: "Lui demander directement deux soirées par semaine ; dire ce qu’elle ressent sans crier.",
    partner_change: "Plus de disputes et moins de temps ensemble depuis la promotion il y a huit mois.",
    mother_satisfying: "Appelait chaque dimanche ; savait quoi dire.",
    mother_change: "Demander conseil à sa mère au sujet des enfants lui manque.",
    mother_notes: "Décédée après une courte maladie ; la patiente dit avoir fait son deuil à l’époque et parle d’elle facilement.",
    friend_shared: "Un café après l’école ; des messages presque tous les jours.",
    friend_satisfying: "Écoute sans juger.",
    friend_can_discuss: "Presque tout, y compris les disputes à la maison.",
    friend_change: "La patiente a annulé leurs cafés ces deux derniers mois.",
    younger_brother: "frère cadet",
    brother_unsatisfying: "Ils se sont éloignés après la mort de leur mère.",
    brother_wanted: "Le voir plus souvent ; il habite à vingt minutes.",
    colleague_shared: "Travaille trois jours par semaine dans le même bureau.",
    colleague_cannot_discuss: "Rien de ce qui touche à la maison.",
    colleague_notes: "Sam décrit Priya comme une commère (information rapportée par un tiers).",
    gp: "médecin traitant",
    gp_name: "Dr Mendes",
    brother_later: "Après une discussion en semaine 4, il récupère les enfants le mercredi.",
    partner_later: "Continuer à demander directement ; deux trajets d’école par semaine convenus, ils parlent maintenant des soirées.",
    friend_later: "De nouveau un café chaque mardi depuis la semaine 3.",
    symptom_link: "L’humeur basse a commencé quand les disputes avec Sam sur les rôles au travail et à la maison ont augmenté.",
    intake: "début",
    mid_course: "mi-parcours",
};
