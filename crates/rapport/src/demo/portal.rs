//! Demo client portal: the first client has an account (with the demo
//! password), shares their plan, has diary entries, a reflection and a
//! shared safety plan, so a newcomer can sign in at /portal/login.

use super::event::event;
use rapport_core::audit::action;
use rapport_core::notes::MoodEffect;
use rapport_core::portal::{DiaryEntry, ReflectionTopic};
use rapport_core::risk::SafetyPlan;
use rapport_core::{Id, Timestamp};
use rapport_store::portal::{Join, PortalSharing};
use rapport_store::Store;

/// Creates the portal account and its content; returns the sign-in e-mail.
pub async fn seed(store: &Store, client: &Id, clinician: &Id, password_hash: &str) -> Result<String, String> {
    let err = |e: rapport_store::StoreError| e.to_string();
    let email = "client1@example.org".to_string();
    let code_hash = rapport_app::caller::secret_hash(&rapport_app::caller::new_secret());
    let expires = Timestamp::now().plus(time::Duration::days(rapport_core::portal::INVITE_DAYS));
    store
        .create_portal_invite(
            &code_hash,
            client,
            clinician,
            expires,
            rapport_core::portal::InvitePurpose::Join,
            None,
            &[],
            event(action::PORTAL_INVITE, "portal_invite"),
        )
        .await
        .map_err(err)?;
    let user = match store
        .join_portal(&code_hash, &email, "Demo client", password_hash, event(action::PORTAL_JOIN, "user"))
        .await
        .map_err(err)?
    {
        Join::Joined(u) => u,
        other => return Err(format!("demo portal account not created: {other:?}")),
    };
    let sharing = PortalSharing { chart_hidden: false, plan_shared: true };
    store.set_portal_sharing(client, sharing, event(action::PORTAL_SETTINGS, "client")).await.map_err(err)?;
    let today = Timestamp::now().date();
    let entries = [
        (
            6,
            Some(4),
            Some("Sister"),
            Some("Phoned my sister; we argued about looking after Mum again."),
            Some(MoodEffect::Worse),
        ),
        (4, Some(5), None, None, None),
        (
            2,
            Some(6),
            Some("Colleague"),
            Some("Had lunch with Priya from work and talked about the move."),
            Some(MoodEffect::Better),
        ),
    ];
    for (days_ago, mood, person, what, effect) in entries {
        let entry = DiaryEntry {
            date: today - time::Duration::days(days_ago),
            mood,
            person: person.map(str::to_string),
            event: what.map(str::to_string),
            effect,
        };
        store
            .add_diary_entry(client, &entry, &user.id, event(action::DIARY_CREATE, "diary_entry"))
            .await
            .map_err(err)?;
    }
    store
        .add_reflection(
            client,
            None,
            ReflectionTopic::Goals,
            "I would like to be able to tell my sister when I need a break, without it turning into a row.",
            &user.id,
            event(action::REFLECTION_CREATE, "reflection"),
        )
        .await
        .map_err(err)?;
    let plan = SafetyPlan {
        warning_signs: "Not sleeping; staying in bed all day; thinking everyone would be better off without me.".into(),
        coping_strategies: "A walk round the park; music; a hot shower.".into(),
        distractions: "The library café; my neighbour's dog.".into(),
        people_to_ask: "My friend Sam; my aunt.".into(),
        professionals: "My clinician (office hours); the crisis line on the Help now page.".into(),
        environment_safety: "Tablets kept by my aunt.".into(),
        reasons_for_living: "My niece; the allotment in spring.".into(),
        shared_with_client: true,
    };
    store
        .save_safety_plan(client, &plan, clinician, event(action::SAFETY_PLAN_SAVE, "safety_plan"))
        .await
        .map_err(err)?;
    Ok(email)
}
