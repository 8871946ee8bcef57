//! The audit entry every piece of demo data is written with.

use rapport_core::audit::{AuditEvent, Outcome};

/// An entry by the demo seeder (no signed-in actor), marked as synthetic.
pub fn event(act: &str, resource: &str) -> AuditEvent {
    AuditEvent {
        actor_label: "system (rapport demo)".into(),
        action: act.into(),
        resource_type: resource.into(),
        outcome: Outcome::Success.as_str().into(),
        detail: Some("synthetic demo data".into()),
        ..Default::default()
    }
}
