//! Local time for people: the one place that turns an instant into the
//! organisation's local form ("4 Dec 2026, 14:05"), says what day it is
//! locally, and what local time it is now. Stored times stay UTC; session
//! dates and times are local wall-clock values already and are shown as they
//! are.
//!
//! The web layer runs each request inside `in_zone` with the organisation's
//! zone (its cached setting), so templates and handlers call `show(t)` with
//! no zone in hand. Code outside a request (jobs, the CLI) asks
//! `AppState::zone` and calls the zone's own methods, or wraps its work in
//! `in_zone` too.

use crate::AppState;
use rapport_core::zone::Zone;
use rapport_core::Timestamp;
use std::future::Future;
use time::{Date, PrimitiveDateTime};

tokio::task_local! {
    static ZONE: Zone;
}

/// Runs `f` with `zone` as the local zone of `show`, `today` and `now_local`.
pub async fn in_zone<F: Future>(zone: Zone, f: F) -> F::Output {
    ZONE.scope(zone, f).await
}

/// The local zone of the current request (UTC outside one).
pub fn zone() -> Zone {
    ZONE.try_with(Zone::clone).unwrap_or_default()
}

/// A timestamp, or a reference to one (templates hand over either, at any depth).
pub trait Instant {
    fn instant(&self) -> Timestamp;
}

impl Instant for Timestamp {
    fn instant(&self) -> Timestamp {
        *self
    }
}

impl<T: Instant + ?Sized> Instant for &T {
    fn instant(&self) -> Timestamp {
        (**self).instant()
    }
}

/// An instant for people, in local time: "4 Dec 2026, 14:05".
pub fn show(t: impl Instant) -> String {
    let t = t.instant();
    ZONE.try_with(|z| z.show(t)).unwrap_or_else(|_| Zone::utc().show(t))
}

/// An optional instant for people (empty when absent).
pub fn show_opt(t: Option<impl Instant>) -> String {
    t.map(show).unwrap_or_default()
}

/// The local day of an instant in the long form people read: "Friday 4 December 2026".
pub fn long_day(t: impl Instant) -> String {
    rapport_core::time::long_date(zone().local(t.instant()).date())
}

/// Today's local date.
pub fn today() -> Date {
    now_local().date()
}

/// The local date and time now.
pub fn now_local() -> PrimitiveDateTime {
    zone().local(Timestamp::now())
}

impl AppState {
    /// The organisation's time zone (UTC if the settings cannot be read).
    #[crate::boxing::boxed_future]
    pub async fn zone(&self) -> Zone {
        self.organisation().await.map(|o| o.zone()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    #[allow(clippy::needless_borrows_for_generic_args)] // references, as templates pass them
    async fn show_uses_the_zone_of_the_scope_and_utc_outside() {
        let t = Timestamp::parse("2026-07-01T09:30:00Z").unwrap();
        assert_eq!(show(t), "1 Jul 2026, 09:30");
        let london = Zone::parse("Europe/London").unwrap();
        let inside = in_zone(london, async move { (show(t), show(&&t), zone().name().to_string()) }).await;
        assert_eq!(inside, ("1 Jul 2026, 10:30".into(), "1 Jul 2026, 10:30".into(), "Europe/London".into()));
        assert_eq!(show_opt(None::<Timestamp>), "");
        let tokyo = Zone::parse("Asia/Tokyo").unwrap();
        let (today_tokyo, now_tokyo) = in_zone(tokyo.clone(), async { (today(), now_local()) }).await;
        assert_eq!(today_tokyo, now_tokyo.date());
        assert_eq!(today_tokyo, tokyo.date_of(Timestamp::now()));
    }
}
