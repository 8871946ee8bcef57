//! A demo interpersonal timeline: six events around the onset of the episode
//! (a dispute, a move, a job loss, losing touch with friends, a row at home,
//! starting treatment), dated relative to today so the demo stays current.

use super::event::event;
use super::lang::timeline::{Event, Words};
use rapport_core::audit::action;
use rapport_core::timeline::{ApproxDate, TimelineEvent};
use rapport_core::{Id, Timestamp};
use rapport_store::records::Placement;
use rapport_store::Store;
use time::Duration;

pub async fn seed(store: &Store, client: &Id, clinician: &Id, words: &Words) -> Result<(), String> {
    let today = Timestamp::now().date();
    let ago = |days: i64| ApproxDate::exact(today - Duration::days(days));
    // Keep only the year or the month where the client would not know the day.
    let year = |days: i64| ago(days).to_string()[..4].to_string();
    let month = |days: i64| ago(days).to_string()[..7].to_string();
    let day = |days: i64| ago(days).to_string();
    let ev = |date: String,
              approximate: bool,
              category: &str,
              (title, people, description): Event,
              mood: Option<i64>,
              episode: &str,
              impact: Option<i64>| TimelineEvent {
        date,
        approximate,
        category: category.into(),
        title: title.into(),
        people: people.iter().map(|p| p.to_string()).collect(),
        person_ids: Vec::new(),
        description: Some(description.to_string()).filter(|d| !d.is_empty()),
        mood,
        episode: episode.into(),
        impact,
    };
    let [row, moved, redundant, friends, money, treatment] = words.events;
    let events = [
        ev(year(730), true, "conflict", row, Some(6), "none", Some(5)),
        ev(month(420), false, "move", moved, Some(5), "none", Some(6)),
        ev(day(185), false, "work", redundant, Some(3), "onset", Some(9)),
        ev(month(150), true, "separation", friends, Some(3), "none", Some(7)),
        ev(day(120), false, "conflict", money, Some(2), "worsening", Some(8)),
        ev(month(50), false, "health", treatment, Some(4), "none", Some(4)),
    ];
    let at = Placement { client_id: client.clone(), ..Default::default() };
    for e in events {
        let e = e.validate_on(today).map_err(|e| e.to_string())?;
        store
            .create_record(&at, &e, clinician, event(action::RECORD_CREATE, "timeline_event"))
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}
