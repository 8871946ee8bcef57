//! Where a course stands, in the reader's language: "Session 5 of 16 ·
//! middle phase · 11 left". The numbers are `rapport_core::course::Progress`.

use crate::{msg, Tr};
use rapport_core::course::{Attendance, Progress};
use rapport_core::protocol::{Phase, Protocol};
use time::Date;

impl Tr {
    /// A phase's name as the protocol words it (English) or in the reader's
    /// language; the programme's adaptation first.
    pub fn phase_name(&self, protocol: &Protocol, phase: Phase) -> String {
        self.term("phase", phase.as_str(), &protocol.phase_label(phase))
    }

    /// A session's name inside a sentence: "session 4"; brief IPT's
    /// engagement session "engagement session (session 0)" (decision 51),
    /// never "session 0".
    pub fn session_name(&self, number: u32, engagement: bool) -> String {
        if engagement {
            self.t(msg("session-name-engagement"))
        } else {
            self.ta(msg("session-name"), "number", i64::from(number))
        }
    }

    /// A session's label in lists, choices and links, the one wording every
    /// page uses: "Session 4 · 26 Jan 2026"; the engagement session
    /// "Engagement session (session 0) · 12 Jan 2026"; a session with no
    /// number "19 Jan 2026 (cancelled)".
    pub fn session_label(&self, number: Option<u32>, engagement: bool, attendance: Attendance, date: Date) -> String {
        let day = self.date(date);
        match number {
            _ if engagement => self.ta(msg("session-label-engagement"), "date", day),
            Some(n) => self.tn(msg("session-label"), &[("number", &i64::from(n)), ("date", &day)]),
            None => {
                let attendance = self.t(attendance.message()).to_lowercase();
                self.tn(msg("session-label-not-counted"), &[("date", &day), ("attendance", &attendance)])
            }
        }
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

    #[test]
    fn the_engagement_session_is_never_called_session_0() {
        let d = time::macros::date!(2026 - 01 - 12);
        let en = Tr::new("en");
        assert_eq!(en.session_label(Some(4), false, Attendance::Attended, d), "Session 4 · 12 Jan 2026");
        assert_eq!(
            en.session_label(Some(0), true, Attendance::Attended, d),
            "Engagement session (session 0) · 12 Jan 2026"
        );
        assert_eq!(en.session_label(None, false, Attendance::Cancelled, d), "12 Jan 2026 (cancelled)");
        assert_eq!(en.session_name(4, false), "session 4");
        assert_eq!(en.session_name(0, true), "engagement session (session 0)");
        for code in ["es", "fr"] {
            let tr = Tr::new(code);
            let label = tr.session_label(Some(0), true, Attendance::Attended, d);
            assert!(label.contains(&tr.t("session-engagement")), "{code}: {label}");
            assert_ne!(tr.session_name(0, true), tr.session_name(0, false), "{code}");
        }
    }
}
