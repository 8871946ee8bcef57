//! Structured clinical records stored as versioned documents: inventory
//! people, timeline events, formulations, problem-area workspaces, goals,
//! worksheets and the like. Each kind is a serde struct that validates and
//! normalises itself; the store keeps every version (nothing is edited in
//! place without history) and checks the version a writer started from.

use crate::validation::ValidationErrors;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Where a kind of record hangs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Belongs to the client across courses (inventory, timeline, medication).
    Client,
    /// Belongs to one course (formulation, goals, worksheets, ending review).
    Course,
}

pub trait RecordBody: Serialize + DeserializeOwned + Clone + Send + Sync + 'static {
    /// Stored kind, e.g. "person"; also the audit resource type.
    const KIND: &'static str;
    const SCOPE: Scope;
    /// Checks and normalises (trims, drops blanks) the body.
    fn validate(self) -> Result<Self, ValidationErrors>;
}
