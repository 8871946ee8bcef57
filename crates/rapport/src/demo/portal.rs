//! Demo client portal: the first client has an account (with the demo
//! password), shares their plan, has diary entries, a reflection and a
//! shared safety plan, so a newcomer can sign in at /portal/login.

use super::event::event;
use super::lang::portal::Words;
use rapport_core::audit::action;
use rapport_core::notes::MoodEffect;
use rapport_core::portal::{DiaryEntry, ReflectionTopic};
use rapport_core::risk::SafetyPlan;
use rapport_core::{Id, Timestamp};
use rapport_store::portal::{Join, PortalSharing};
use rapport_store::Store;

/// Creates the portal account and its content; returns the sign-in e-mail.
pub async fn seed(
    store: &Store,
    client: &Id,
    clinician: &Id,
    password_hash: &str,
    words: &Words,
) -> Result<String, String> {
    let err = |e: rapport_store::StoreError| e.to_string();
    let email = "client1@example.org".to_string();
    let user = account(store, client, clinician, &email, words.account_name, password_hash).await?;
    let sharing = PortalSharing { chart_hidden: false, plan_shared: true };
    store.set_portal_sharing(client, sharing, event(action::PORTAL_SETTINGS, "client")).await.map_err(err)?;
    let today = Timestamp::now().date();
    let entries = [
        (6, Some(4), Some(words.diary[0].0), Some(words.diary[0].1), Some(MoodEffect::Worse)),
        (4, Some(5), None, None, None),
        (2, Some(6), Some(words.diary[1].0), Some(words.diary[1].1), Some(MoodEffect::Better)),
        // Yesterday at the bottom of the scale: "check in" on today's session
        // page (issue 19 item 3; not a risk flag). The caseload's marker is on
        // another client (`seed_check_in`): this course met today.
        (1, Some(1), None, None, None),
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
            words.reflection,
            &user.id,
            event(action::REFLECTION_CREATE, "reflection"),
        )
        .await
        .map_err(err)?;
    let plan = SafetyPlan {
        warning_signs: words.safety_plan[0].into(),
        coping_strategies: words.safety_plan[1].into(),
        distractions: words.safety_plan[2].into(),
        people_to_ask: words.safety_plan[3].into(),
        professionals: words.safety_plan[4].into(),
        environment_safety: words.safety_plan[5].into(),
        reasons_for_living: words.safety_plan[6].into(),
        shared_with_client: true,
    };
    store
        .save_safety_plan(client, &plan, clinician, event(action::SAFETY_PLAN_SAVE, "safety_plan"))
        .await
        .map_err(err)?;
    Ok(email)
}

/// A portal account for `client` (signing in with the demo password).
async fn account(
    store: &Store,
    client: &Id,
    clinician: &Id,
    email: &str,
    name: &str,
    password_hash: &str,
) -> Result<rapport_store::users::User, String> {
    let err = |e: rapport_store::StoreError| e.to_string();
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
    match store
        .join_portal(&code_hash, email, name, password_hash, event(action::PORTAL_JOIN, "user"))
        .await
        .map_err(err)?
    {
        Join::Joined(u) => Ok(u),
        other => Err(format!("demo portal account not created: {other:?}")),
    }
}

/// A diary "check in" on the caseload (issue 19 item 3): another client of
/// `clinician` whose open course last met at least two days ago gets a portal
/// account and moods of 7, 7 and 6, then 2 yesterday, a drop of 4.7 from
/// their recent average. Returns the client's id, if one fits.
pub async fn seed_check_in(
    store: &Store,
    clients: &[(Id, Id)],
    clinician: &Id,
    password_hash: &str,
    words: &Words,
) -> Result<Option<Id>, String> {
    let err = |e: rapport_store::StoreError| e.to_string();
    let today = Timestamp::now().date();
    for (client, _) in clients.iter().filter(|(_, who)| who == clinician).skip(1) {
        let Some(course) = store.client_courses(client).await.map_err(err)?.into_iter().next() else { continue };
        let sessions = store.course_sessions(&course.course.id).await.map_err(err)?;
        let last = sessions.iter().filter(|s| s.attendance.is_held()).map(|s| s.date).max();
        if last.is_some_and(|d| d >= today - time::Duration::days(2)) {
            continue;
        }
        let email = "client.checkin@example.org";
        let user = account(store, client, clinician, email, words.account_name, password_hash).await?;
        for (days_ago, mood) in [(9, 7), (7, 7), (5, 6), (1, 2)] {
            let entry = DiaryEntry {
                date: today - time::Duration::days(days_ago),
                mood: Some(mood),
                person: None,
                event: None,
                effect: None,
            };
            store
                .add_diary_entry(client, &entry, &user.id, event(action::DIARY_CREATE, "diary_entry"))
                .await
                .map_err(err)?;
        }
        return Ok(Some(client.clone()));
    }
    Ok(None)
}
