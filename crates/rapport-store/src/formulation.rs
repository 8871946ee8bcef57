//! Read models over the formulation, problem-area workspaces and goals of a
//! course (all stored as versioned clinical records, see `records`), and the
//! one write that is more than a record write: rating a goal at a session
//! (one rating per goal per session; re-rating updates it).

use crate::records::{Placement, Record};
use crate::{Result, Store, StoreError};
use rapport_core::audit::AuditEvent;
use rapport_core::formulation::{AreaWorkspace, Formulation};
use rapport_core::goals::{trend, Goal, GoalRating, Trend};
use rapport_core::protocol::Protocol;
use rapport_core::Id;
use std::collections::HashMap;
use time::Date;

/// One rating of a goal, in session order.
#[derive(Clone, Debug)]
pub struct RatingPoint {
    pub record_id: Id,
    pub version: i64,
    pub session_id: Id,
    pub session_date: Date,
    pub rating: u8,
}

#[derive(Clone, Debug)]
pub struct GoalWithRatings {
    pub goal: Record<Goal>,
    /// In session order, one per session.
    pub ratings: Vec<RatingPoint>,
    pub trend: Option<Trend>,
}

impl GoalWithRatings {
    pub fn values(&self) -> Vec<u8> {
        self.ratings.iter().map(|r| r.rating).collect()
    }
    pub fn latest(&self) -> Option<&RatingPoint> {
        self.ratings.last()
    }
    pub fn rating_at(&self, session: &Id) -> Option<&RatingPoint> {
        self.ratings.iter().find(|r| &r.session_id == session)
    }
}

/// What the course overview shows of the formulation and goals.
#[derive(Clone, Debug)]
pub struct FormulationSummary {
    /// (area id, protocol label), in the formulation's order.
    pub areas: Vec<(String, String)>,
    /// `YYYY-MM-DD` the client agreed, if recorded.
    pub agreed_on: Option<String>,
    pub formulation: Option<Record<Formulation>>,
    pub goals: Vec<GoalWithRatings>,
}

impl Store {
    /// The course's formulation (the latest, should there ever be two).
    #[crate::boxing::boxed_future]
    pub async fn course_formulation(&self, course: &Id) -> Result<Option<Record<Formulation>>> {
        Ok(self.course_records::<Formulation>(course).await?.pop())
    }

    /// The workspace of `area` in a course, if one was started.
    #[crate::boxing::boxed_future]
    pub async fn area_workspace(&self, course: &Id, area: &str) -> Result<Option<Record<AreaWorkspace>>> {
        Ok(self.course_records::<AreaWorkspace>(course).await?.into_iter().rev().find(|r| r.body.area == area))
    }

    /// A course's goals (oldest first), each with its ratings in session order
    /// and the trend. Three queries whatever the number of goals.
    #[crate::boxing::boxed_future]
    pub async fn goals_with_ratings(&self, course: &Id) -> Result<Vec<GoalWithRatings>> {
        let goals = self.course_records::<Goal>(course).await?;
        if goals.is_empty() {
            return Ok(Vec::new());
        }
        let ratings = self.course_records::<GoalRating>(course).await?;
        let sessions = self.course_sessions(course).await?;
        // Session order as the course numbers them: date, time, id.
        let order: HashMap<&Id, (usize, Date)> =
            sessions.iter().enumerate().map(|(i, s)| (&s.id, (i, s.date))).collect();
        let mut by_goal: HashMap<Id, Vec<(usize, RatingPoint, rapport_core::Timestamp)>> = HashMap::new();
        for r in ratings {
            let (Some(goal), Some(session)) = (r.parent_id.clone(), r.session_id.clone()) else { continue };
            let Some(&(pos, date)) = order.get(&session) else { continue };
            let point = RatingPoint {
                record_id: r.id,
                version: r.version,
                session_id: session,
                session_date: date,
                rating: r.body.rating,
            };
            by_goal.entry(goal).or_default().push((pos, point, r.updated_at));
        }
        Ok(goals
            .into_iter()
            .map(|goal| {
                let mut points = by_goal.remove(&goal.id).unwrap_or_default();
                // One per session: should two ever exist, the latest written wins.
                points.sort_by_key(|p| (p.0, p.2));
                let mut ratings: Vec<RatingPoint> = Vec::with_capacity(points.len());
                for (_, p, _) in points {
                    match ratings.last_mut() {
                        Some(last) if last.session_id == p.session_id => *last = p,
                        _ => ratings.push(p),
                    }
                }
                let values: Vec<u8> = ratings.iter().map(|r| r.rating).collect();
                GoalWithRatings { goal, trend: trend(&values), ratings }
            })
            .collect())
    }

    /// For the course page: chosen areas with the protocol's labels, the date
    /// agreed, and the goals with their ratings and trend.
    #[crate::boxing::boxed_future]
    pub async fn formulation_summary(&self, course: &Id, protocol: &Protocol) -> Result<FormulationSummary> {
        let formulation = self.course_formulation(course).await?;
        let (areas, agreed_on) = match &formulation {
            Some(f) => (
                f.body.problem_areas.iter().map(|a| (a.clone(), protocol.area_label(a).to_string())).collect(),
                f.body.agreed_on.clone(),
            ),
            None => (Vec::new(), None),
        };
        let goals = self.goals_with_ratings(course).await?;
        Ok(FormulationSummary { areas, agreed_on, formulation, goals })
    }

    /// Rates `goal` at `session` (a held session of the goal's course): the
    /// first rating creates a `goal_rating` record, a later one for the same
    /// session updates it (history kept). `event(new)` makes the audit entry.
    /// Returns the record and whether it was new.
    pub async fn rate_goal(
        &self,
        goal: &Record<Goal>,
        session: &Id,
        rating: u8,
        by: &Id,
        event: impl Fn(bool) -> AuditEvent,
    ) -> Result<(Record<GoalRating>, bool)> {
        let body = GoalRating { rating };
        let existing = |records: Vec<Record<GoalRating>>| {
            records.into_iter().rev().find(|r| r.session_id.as_ref() == Some(session))
        };
        if let Some(r) = existing(self.child_records::<GoalRating>(&goal.id).await?) {
            return Ok((self.update_record(&r.id, r.version, &body, by, event(false)).await?, false));
        }
        let at = Placement {
            client_id: goal.client_id.clone(),
            course_id: goal.course_id.clone(),
            session_id: Some(session.clone()),
            parent_id: Some(goal.id.clone()),
        };
        match self.create_record(&at, &body, by, event(true)).await {
            Ok(r) => Ok((r, true)),
            // Someone rated it at the same moment (the unique index refused a
            // second record): this rating updates theirs.
            Err(StoreError::Conflict) => {
                let r = existing(self.child_records::<GoalRating>(&goal.id).await?).ok_or(StoreError::Conflict)?;
                Ok((self.update_record(&r.id, r.version, &body, by, event(false)).await?, false))
            }
            Err(e) => Err(e),
        }
    }
}
