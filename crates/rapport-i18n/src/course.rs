//! Where a course stands, in the reader's language: "Session 5 of 16 ·
//! middle phase · 11 left". The numbers are `rapport_core::course::Progress`.

use crate::{msg, Tr};
use rapport_core::course::Progress;
use rapport_core::protocol::{Phase, Protocol};

impl Tr {
    /// A phase's name as the protocol words it (English) or in the reader's
    /// language; the programme's adaptation first.
    pub fn phase_name(&self, protocol: &Protocol, phase: Phase) -> String {
        self.term("phase", phase.as_str(), &protocol.phase_label(phase))
    }

    /// "Session 5 of 16 · middle phase · 11 left"; "No sessions held yet of
    /// 16 · initial phase · 16 left"; past the contract, how far past.
    pub fn course_progress(&self, protocol: &Protocol, p: &Progress) -> String {
        let phase = self.phase_name(protocol, p.phase);
        let left = if p.sessions_remaining == 0 && p.sessions_held > p.contracted {
            self.ta("course-progress-past", "count", i64::from(p.sessions_held - p.contracted))
        } else {
            self.ta("course-progress-left", "count", i64::from(p.sessions_remaining))
        };
        let contracted = i64::from(p.contracted);
        if p.sessions_held == 0 {
            self.tn(
                msg("course-progress-none-held"),
                &[("contracted", &contracted), ("phase", &phase), ("left", &left)],
            )
        } else {
            let held = i64::from(p.sessions_held);
            self.tn(
                msg("course-progress"),
                &[("held", &held), ("contracted", &contracted), ("phase", &phase), ("left", &left)],
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rapport_core::protocol::ProtocolSet;

    #[test]
    fn progress_in_words() {
        let set = ProtocolSet::shipped();
        let p = set.get("ipt-individual").unwrap();
        let en = Tr::new("en");
        assert_eq!(en.course_progress(p, &Progress::new(p, 16, 5, false)), "Session 5 of 16 · middle phase · 11 left");
        assert_eq!(
            en.course_progress(p, &Progress::new(p, 16, 0, false)),
            "No sessions held yet of 16 · initial phase · 16 left"
        );
        assert_eq!(
            en.course_progress(p, &Progress::new(p, 16, 16, false)),
            "Session 16 of 16 · termination phase · none left"
        );
        assert_eq!(
            en.course_progress(p, &Progress::new(p, 16, 18, false)),
            "Session 18 of 16 · termination phase · 2 past the contract"
        );
        let es = Tr::new("es").course_progress(p, &Progress::new(p, 16, 5, false));
        assert!(!es.contains("Session") && es.contains("16") && es.contains('5'), "{es}");
    }
}
