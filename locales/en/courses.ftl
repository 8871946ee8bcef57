## Course pages: the head shared by every course page (templates/course_head.html).

course-breadcrumb = Breadcrumb
course-progress = Session { $held } of { $contracted } · { $phase } · { $left }
course-progress-none-held = No sessions held yet of { $contracted } · { $phase } · { $left }
course-progress-left =
    { $count ->
        [0] none left
       *[other] { $count } left
    }
course-progress-past = { $count } past the contract
course-latest-score = Latest:
course-score-on = on { $date }
course-open-risk-flag = Open risk flag
course-ending-prompt-title = Raise the ending.
course-ending-prompt =
    { $count ->
        [one] { $count } session is left: discuss the end of treatment with the client, how they feel about it, and whether maintenance sessions are wanted.
       *[other] { $count } sessions are left: discuss the end of treatment with the client, how they feel about it, and whether maintenance sessions are wanted.
    }
course-initial-overrun-title =
    { $count ->
        [one] The initial phase has run past { $count } session
       *[other] The initial phase has run past { $count } sessions
    }
course-initial-overrun = while the formulation or contract is still outstanding.
course-tabs-label = Course sections
course-tab-overview = Overview
course-tab-inventory = Inventory
course-tab-timeline = Timeline
course-tab-formulation = Formulation
course-tab-goals = Goals
course-tab-worksheets = Worksheets
course-tab-context = Care context
course-tab-ending = Ending
course-tab-measures = Measures
course-tab-more = More
course-tab-more-hidden = course sections

## Course statuses, frequencies, the initial-phase checklist and medication outcomes (rapport-core).

course-status-planned = Planned
course-status-active = Active
course-status-completed = Completed
course-status-ended-early = Ended early
course-status-transferred = Transferred
course-frequency-weekly = Weekly
course-frequency-twice-monthly = Twice a month
course-frequency-monthly = Monthly
course-checklist-symptom-review = Symptom review and diagnosis
course-checklist-psychoeducation = Illness named, psychoeducation given
course-checklist-sick-role = Sick role discussed
course-checklist-medication = Medication evaluated
course-checklist-inventory = Interpersonal inventory done
course-checklist-timeline = Interpersonal timeline done
course-checklist-formulation = Client agreed the formulation
course-checklist-contract = Treatment contract agreed
course-medication-not-needed = Not needed
course-medication-referred = Referred for evaluation
course-medication-already-on = Already on medication

## The course page (templates/course.html).

course-next-session = Next session
course-next-none = None booked. At this frequency the next would be around { $date }.
course-next-on = { $date } ({ $modality })
course-next-at = { $date } at { $time } ({ $modality })
course-kiosk-handover = Hand over for questionnaires
course-contract = Contract
course-sessions = Sessions
course-contract-sessions = { $count } × { $minutes } min
course-dates = Dates
course-dates-planned = { $start } to { $end } (planned)
course-status = Status
course-collateral-sessions = { $who } sessions
course-no-area = No problem area chosen yet.
course-write-formulation = Write the formulation
course-focus = Focus:
course-agreed-on = agreed { $date }
course-not-agreed = not yet agreed
course-formulation-link = Formulation and problem-area work
course-no-goals = No open goals.
course-add-goal = Add a goal
course-rate-goals = Rate goals for a session
course-last-plan = Last session's plan
course-last-plan-from = From the signed note of { $date }
course-last-plan-none = No signed progress note with a plan yet.
course-checklist = Initial-phase checklist
course-checklist-complete = Initial-phase checklist: complete
course-checklist-done-count = { $done } of { $total } done
course-checklist-outstanding = { $count } outstanding of { $total }.
course-checklist-done-hidden = (done)
course-checklist-open-hidden = (outstanding)
course-checklist-clear = Mark not done
course-checklist-record = Record as done
course-checklist-mark-done = Mark done
course-diagnosis = Diagnosis
course-diagnosis-hint = e.g. Major depressive disorder, single episode, moderate
course-diagnosis-code = ICD-10 or ICD-11 code (optional)
course-diagnosis-code-placeholder = F32.1 or 6A70.1
course-outcome = Outcome
course-note-optional = Note (optional)
course-sessions-none = No sessions recorded yet.
course-sessions-number = No.
course-sessions-note = Note
course-sessions-write = Write
course-change = Change
course-attendance-for = Attendance for { $date }
course-record-session = Record a session
course-attended-count = Only attended sessions count towards the contract.
course-record-session-button = Record session
course-fidelity = Fidelity
course-fidelity-over-time = Self and supervisor ratings over time
course-fidelity-none = No session of this course is rated yet. Rate a session from its page.
course-fidelity-table = Fidelity ratings by session
course-fidelity-session = Session
course-fidelity-self = Self-rating (latest)
course-fidelity-supervisor = Supervisor (latest)
course-fidelity-mean = Mean { $mean }
course-fidelity-pass = Pass
course-fidelity-below = Below the pass mark
course-fidelity-not-rated = Not rated
course-contract-history = Contract history
course-event-renegotiated = Contract renegotiated from { $old } to { $new } sessions
course-event-contract-set = Contract set at { $new } sessions
course-event-status-from = Status changed from { $old } to { $new }
course-event-status = Status changed to { $new }
course-event-reason = Reason: { $reason }
course-renegotiate = Renegotiate the number of sessions
course-new-number = New number of sessions
course-reason = Reason
course-renegotiate-hint = Agreed with the client; recorded with the old and new count.
course-renegotiate-button = Change the contract
course-close = Close the course
course-close-reason = Reason (needed when ended early or transferred)
course-completing = Completing the course
# Followed by a link (course-review-read) and a full stop.
course-review-saved = Ending review saved:
course-review-read = read the ending review
# Followed by a link (course-review-write), then course-review-none-after.
course-review-none = No ending review yet:
course-review-write = write the ending review
course-review-none-after = before completing, or give the reason for completing without one.
course-skip-review-reason = Reason for completing without an ending review
course-end-measure-taken = An end-of-treatment measure was taken in the last two sessions.
# Followed by a link (course-end-measure-record), then course-end-measure-none-after.
course-end-measure-none = No PHQ-9 or GAD-7 in the last two sessions:
course-end-measure-record = record the end-of-treatment measures
course-end-measure-none-after = , or confirm completing without them.
course-end-measure-skip = Complete without an end-of-treatment measure
course-end-measure-skip-reason = Reason for no end-of-treatment measure
course-close-button = Close course
course-reopen = Reopen course

## Starting a course (templates/course_new.html).

course-new-title = New course for { $name }
course-new-crumb = New course
course-new-heading = Start a course of IPT
course-protocol = Protocol
course-protocol-sessions =
    { $count ->
        [one] { $count } session, { $frequency }
       *[other] { $count } sessions, { $frequency }
    }
course-protocol-sessions-range = { $min }-{ $max } sessions, { $frequency }
course-new-contract-hint = Leave blank to use the protocol's defaults. The planned end date is worked out from the number of sessions and their frequency.
course-number-of-sessions = Number of sessions
course-frequency = Frequency
course-frequency-default = Protocol default
course-session-minutes = Session length (minutes)
course-start-date = Start date
course-planned-end-date = Planned end date (optional)
course-start = Start course
course-cancel = Cancel

## The end-of-treatment summary (templates/course_summary.html).

course-summary-crumb = Summary
course-summary-heading = End-of-treatment summary
course-summary-born = born { $date }
course-summary-prepared = prepared { $date } by { $name }
course-summary-edit-review = Edit the ending review
course-summary-print = Use your browser's Print command; navigation and buttons are left out of the printout. Confidential: this summary contains no psychotherapy process notes.
course-summary-treatment = Treatment
course-dates-held = { $start } to { $end }
course-summary-attendance = { $attended } attended · { $cancelled } cancelled · { $noshow } did not attend
course-summary-formulation = Formulation and focus
course-summary-no-area = No problem area was recorded.
course-summary-sensitivity = Interpersonal sensitivity: { $answer }.
course-summary-areas =
    { $count ->
        [one] Problem area:
       *[other] Problem areas:
    }
course-summary-progress = Progress
course-summary-helped = What helped
course-summary-alternatives = Alternatives discussed
course-summary-staying-well = Staying well
course-summary-warning-signs = Early warning signs
course-summary-none-recorded = None recorded.
course-summary-if-they-appear = If they appear
course-summary-supports = Supports
course-summary-coming-back = Coming back
course-summary-medication = Medication
course-summary-follow-up = Follow-up measures at { $months } months.
course-summary-maintenance = Maintenance
course-summary-maintenance-course = { $count } sessions, { $frequency }, from { $date }
course-summary-no-review = The ending review has not been completed yet.
course-summary-complete-it = Complete it

## Sessions: how they are held and attended (rapport-core), and the session page (templates/session.html).

session-modality-in-person = In person
session-modality-video = Video
session-modality-phone = Phone
session-attendance-scheduled = Scheduled
session-attendance-attended = Attended
session-attendance-cancelled = Cancelled
session-attendance-no-show = Did not attend
session-label = Session { $number } · { $date }
session-label-not-counted = { $date } ({ $attendance })
session-heading-counted = Session { $number } of { $count } · { $phase }
session-heading-not-counted = { $attendance } session (not counted)
session-remaining-after =
    { $count ->
        [0] the last contracted session
        [one] { $count } left after this one
       *[other] { $count } left after this one
    }
session-of = Session of { $date }
session-break-glass-title = Emergency access.
session-break-glass = You are not on this client's care team. This access is recorded with your reason and will be reviewed by an administrator.
session-raise-concern = Raise a risk concern
session-other-sessions = Other sessions
session-remind-remaining = Mention the sessions left: { $count } after today.
session-remind-remaining-why = The time limit keeps the work on the focus; say the number in every middle-phase session.
session-heading = Session
session-date = Date
session-time = Time
session-time-optional = Time (optional)
session-not-recorded = Not recorded
session-modality = Modality
session-attendance = Attendance
session-phase = Phase
session-number-and-phase = Number and phase
session-number-of = { $number } of { $count } · { $phase }
session-phase-set = Set by the clinician
session-not-counted = Not counted: only attended sessions count (course in the { $phase })
session-sessions-left = Sessions left
session-left-in-course = { $count } in the course
session-change-details = Change date, time, modality or attendance
session-save-details = Save session details
session-set-phase = Set this session's phase
session-set-phase-hint = The phase follows from the contract and the sessions held. Set it when the work is in another phase, e.g. the initial phase runs on while the focus is agreed.
session-phase-computed = As computed
session-phase-reason = Reason (needed when you set a phase)
session-save-phase = Save the phase
session-previous-plan = Plan from the last session
session-draft-note = Draft note
session-previous-plan-none = No plan recorded for the session before this one.
session-measures = Measures since the last session
session-measures-none = No measures taken since the last session.
session-risk-positive = risk question positive
session-measure-taken = taken { $date } ({ $mode })
session-measure-of = { $measure } of { $date }
session-record-measure = Record { $name }

## The progress note (session page, note_macros.html, note_autosave.html) and its rules.

note-progress-note = Progress note
note-status-draft = Draft
note-status-signed = Signed
note-not-started = Not started
note-meta-signed = Started by { $author } · signed by { $signer }
note-meta-signed-at = Started by { $author } · signed by { $signer } at { $time }
note-meta-draft = Started by { $author } · last saved by { $name } at { $time } · version { $version }
note-record-hint = Part of the client's record: the care team and supervisors can read it. Signing makes it final; after that only addenda can be added.
note-conflict-signed-title = Not saved: this note has been signed
note-conflict-signed = { $signer } signed it. A signed note never changes. Your version is shown beside it, not saved: copy what is still needed into an addendum.
note-conflict-signed-at = { $signer } signed it at { $time }. A signed note never changes. Your version is shown beside it, not saved: copy what is still needed into an addendum.
note-conflict-stale-title = Not saved: someone else changed this note
note-conflict-stale = { $name } saved version { $version } at { $time }, after you started. Nothing is lost: your version is still in the form below. Save yours over the stored one (which stays in the note's history), or discard yours.
note-stored-version = Stored version ({ $version })
note-your-version = Your version (not saved)
note-discard-mine = Discard mine, keep the stored version
note-save-mine = Save mine over the stored version
note-risk-unanswered-title = Risk question not answered: ask at this session.
note-risk-unanswered = { $measure } of { $date }: the risk question was left blank.
note-since-we-last-met = Since we last met: the client's diary
note-interval = Interval history: since the last session
note-mood = Mood (0 to 10)
note-mood-hint = How the client's mood has been since the last session: 0 is the worst, 10 the best.
note-events = Interpersonal events and their effect on mood
note-events-hint = What happened with other people, and whether the client's mood was better or worse after it. Mood and relationships affect each other.
note-event-n = Event { $n }
note-effect-on-mood = Effect on mood
note-choose = Choose
note-more-rows = Need more rows? Save the draft and two more appear.
note-problem-area-work = Problem-area work
note-problem-area-work-hint = Work on the agreed focus this session.
note-techniques = Techniques used
note-work-reviewed = Work at home reviewed
note-work-reviewed-hint = Last session's task, and how it went.
note-work-set = Work at home set
note-work-set-hint = What the client will try before the next session.
note-risk-check = Risk check
note-positive = positive
note-risk-details = Details
note-risk-details-hint = Required when a risk is identified: what, and what was done (assessment, safety plan, who was told).
note-sign-raises-flag = Signing with "Risk identified" raises a risk flag for this session.
note-sign-raises-flag-open = Signing with "Risk identified" raises a risk flag for this session (here: links the note to the client's open flag).
# Followed by a link (note-see-flag) and a full stop.
note-open-flag = This client has a risk flag not yet closed, raised { $date }:
note-open-flag-status = { $status }, raised { $date }:
note-see-flag = see the flag
note-confirm-open-flag = To sign "No risk identified": I confirm no risk was identified in this session although the flag is open (the note records the open flag)
note-plan = Plan for the next session
note-sign-confirm-title = The note is complete. Sign it now?
note-sign-confirm = A signed note can never be changed; later corrections are added as addenda.
note-sign-yes = Yes, sign the note
note-sign-not-yet = Not yet
note-save-draft = Save draft
note-sign = Sign note
note-draft-saved-version = Draft saved · version { $version }
note-autosave-hint = Drafts save by themselves a couple of seconds after you stop typing.
note-risk-context = Beside the risk check: the measures since the last session and any open flag.
note-risk-flag = Risk flag
# Followed by a link (note-risk-flag-this) and a full stop.
note-risk-flag-raised = Signing raised or joined
note-risk-flag-this = this risk flag
# Followed by a link (note-signed-with-open-flag-link), then note-signed-with-open-flag-after.
note-signed-with-open-flag = Signed "No risk identified" while
note-signed-with-open-flag-link = a risk flag
note-signed-with-open-flag-after = was open; the signer confirmed it.
note-addenda = Addenda
note-addenda-none = None.
note-addendum-add = Add an addendum
note-addendum-hint = The signed note stays as it is. An addendum is added after it with your name and the time, and cannot be changed or removed either.
note-addendum-button = Add addendum
note-addenda-only-signed = Addenda are added to signed notes; edit the draft instead.
note-view-mood = Mood since the last session
note-view-mood-value = { $mood } out of 10
note-view-events = Interpersonal events since last time
note-view-none-recorded = None recorded
note-view-effect-not-recorded = effect on mood not recorded
note-risk-none-identified = No risk identified
note-risk-identified = Risk identified
note-effect-better = Mood better
note-effect-worse = Mood worse
note-effect-no-change = No change in mood
note-technique-exploration-nondirective = Non-directive exploration
note-technique-direct-elicitation = Direct elicitation
note-technique-encouragement-of-affect = Encouragement of affect
note-technique-clarification = Clarification
note-technique-communication-analysis = Communication analysis
note-technique-therapeutic-relationship = Use of the therapeutic relationship
note-technique-directive = Directive techniques (education, advice, modelling)
note-technique-decision-analysis = Decision analysis
note-technique-role-play = Role play
note-technique-adjunctive = Adjunctive (contract, practical arrangements)
note-technique-between-session-work = Work between sessions
note-error-confirm-open-flag = This client has an open risk flag: tick the box to confirm no risk was identified in this session, or record the risk
note-autosave-saved = Draft saved at { $time } UTC
note-autosave-not-saved = Not saved: { $reason }
note-autosave-signed = Not saved: this note was signed by { $signer }.
note-autosave-stale = Not saved: { $name } saved a newer version at { $time }.
note-autosave-still-in-form = Your text is still in the form.
note-autosave-nothing-lost = Nothing you typed is lost: your version is still in the form. The stored version is below.
note-autosave-nothing-lost-signed = Nothing you typed is lost: your version is still in the form. The stored version is below; a signed note cannot change, so copy anything still needed into an addendum after reloading.
note-autosave-stored-version = The stored version (version { $version }, { $name }, { $time })
note-autosave-history = Saving yours keeps the stored version in the note's history.

## The process note (session page, process_note.html, process_note_own.html).

note-process-note = Process note
note-process-title = Process note · { $session }
note-process-private-badge = Private to you
note-process-only-you = Only you can read this.
note-process-explainer = Your own reflections on the session (a psychotherapy note), kept apart from the client's record: the care team, administrators and emergency access cannot see it, and it is never exported or shown to the client.
note-process-may-share = You may share it with your supervisor and stop sharing at any time.
note-process-logged = Every read and change is logged.
note-process-conflict-title = Not saved: you saved a newer version in another window
note-process-conflict = Version { $version } was saved at { $time }. Your text is still in the form below.
note-process-stored-text = The stored text (version { $version })
note-process-yours = Your process note
note-process-save = Save process note
note-process-save-mine = Save mine over the stored text
note-process-discard-mine = Discard mine, keep the stored text
note-process-saved-version = Saved · version { $version }
note-process-shared-title = Shared with your supervisor.
note-process-shared = They can read it (read-only) while it is shared.
note-process-stop-sharing = Stop sharing
note-process-not-shared = Not shared.
note-process-share-confirm = Share this process note with your supervisor? They will be able to read it until you stop sharing.
note-process-share = Share with my supervisor
note-process-shared-with-you = Shared with you as supervisor
note-process-read = Read { $name }'s process note
note-process-private = Private process note
note-process-shared-by = { $name } shared this with you as their supervisor.
note-process-shared-by-explainer = It stays private: it is not part of the client's record, nobody else can read it, and { $name } can stop sharing at any time. Your reading it is logged.
note-process-only-you-shared = Only you can read this, and your supervisor while you share it.
note-process-not-record = It is not part of the client's record. Every read is logged.
note-process-last-changed = Last changed { $time } · version { $version }
note-process-empty = Empty.
note-process-back = Back to the session
note-process-own-title = Your process note
note-process-session-of = Session of { $date }
note-process-own-still = You wrote this note and can still read it
note-process-own-explainer = , although you no longer have access to the client's record. Only the note is shown. Your reading it is logged.
note-process-back-caseload = Back to your caseload
note-autosave-process-stale = Not saved: you saved a newer version at { $time } (in another window?).
note-autosave-process-nothing-lost = Nothing you typed is lost: your version is still in the form. The stored text is below.

## Refusals of the course, checklist, session and note rules (rapport-core), worded for the forms.

course-error-protocol = Choose a protocol
course-error-protocol-maintenance = { $id } is a maintenance protocol; start it from the ending review
course-error-protocol-unknown = Unknown protocol { $id }; choose one of { $known }
course-error-sessions-range = { $protocol } allows { $min }-{ $max } sessions (got { $got })
course-error-frequency = Unknown frequency { $value }; use weekly, twice_monthly or monthly
course-error-session-minutes = Session length must be 5-240 minutes (got { $got })
course-error-start-date = Start date must be a date in the form YYYY-MM-DD
course-error-end-before-start = Planned end date must not be before the start date
course-error-end-date = Planned end date must be a date in the form YYYY-MM-DD
course-error-new-number = Enter the new number of sessions
course-error-renegotiate-range = { $got } sessions is outside what { $protocol } allows ({ $min }-{ $max })
course-error-already-held = { $held } sessions are already held; the contract cannot be shorter
course-error-same-contract = The contract is already { $count } sessions
course-error-renegotiate-reason = Say why the contract changes (renegotiation is part of the record)
course-error-status = Choose completed, ended_early, transferred or active
course-error-status-reason =
    { $status ->
        [ended_early] Give the reason the course was ended early
        [transferred] Give the reason the course was transferred
        [completed] Give the reason the course was completed
        [active] Give the reason the course was active
       *[other] Give the reason the course was planned
    }
course-error-back-to-planned = A course cannot be set back to planned
course-error-done-future = The date cannot be in the future
course-error-done-format = Date must be in the form YYYY-MM-DD
course-error-diagnosis = Record the diagnosis (the code is optional)
course-error-medication = Choose not needed, referred or already on medication
course-error-diagnosis-code = A diagnosis code has letters, digits and dots only (e.g. F32.1 or 6A70.1)
session-error-phase = Choose the initial, middle or termination phase (or the computed phase)
session-error-phase-reason = Say why this session's phase differs from the computed one
session-error-phase-not-held = Only attended sessions have a phase of their own
session-engagement = Engagement session (session 0)
session-engagement-record = This is the engagement session (session 0), before session 1
session-engagement-hint = Brief IPT's optional engagement session: it is numbered 0 and counts toward no session count, phase or measure schedule.
session-label-engagement = Engagement session (session 0) · { $date }
session-name = session { $number }
session-name-engagement = engagement session (session 0)
session-error-engagement-protocol = { $protocol } has no engagement session; record session 1
session-error-engagement-twice = This course already has its engagement session (session 0)
session-error-engagement-late = Session 1 is already recorded; the engagement session comes before it
session-error-engagement-phase = The engagement session (session 0) has no phase of its own
session-error-before-course = The session date cannot be before the course started ({ $date })
session-error-after-course = The session date cannot be after the course ended ({ $date })
session-error-date-missing = Enter the session date
session-error-date-format = Date must be in the form YYYY-MM-DD
session-error-time = Time must be in the form HH:MM (24-hour)
session-error-modality = Modality must be in_person, video or phone
session-error-attendance-missing = Record whether the session was attended, cancelled or a no-show
session-error-attendance = Attendance must be attended, cancelled, no_show or scheduled
session-error-future-attended = A session in the future cannot have been attended yet; record it as scheduled
session-error-past-scheduled = A past session was attended, cancelled or a no-show
session-error-duration = Duration must be 1-480 minutes (got { $got })
note-error-mood = Mood is rated from { $min } to { $max } (got { $got })
note-error-event-text = Describe the event, or clear its effect on mood
note-error-effect = Effect on mood must be better, worse or no_change
note-error-too-many-events = At most { $max } events per note
note-error-risk-value = Risk check must be none_identified or identified
note-error-risk = Record the risk check before signing
note-error-risk-detail = Describe the risk identified and what was done about it
note-error-event-effect = Say how "{ $event }" went with the client's mood
note-error-addendum = Write the addendum
course-progress-held =
    { $count ->
        [one] 1 session held
       *[other] { $count } sessions held
    }

## Protocol edge cases (issue 19 item 5, decision 50)
course-error-maintenance-undecided = Record the maintenance discussion first: this protocol concludes acute treatment with a maintenance agreement. Choose the maintenance decision in the ending review
course-maintenance-discussion = This protocol concludes acute treatment with a maintenance agreement: completing asks for the maintenance decision in the ending review.
course-checklist-formulation-presented = Formulation presented to the client
course-checklist-role-explained = Client's role in treatment explained
course-checklist-suicide-risk = Initial suicide-risk check
# IPT-A (Mufson et al.): the initial risk check lists the exclusion criteria; the sick role is limited.
course-checklist-suicide-risk-ipt-a = Initial suicide-risk check; exclusion criteria (refer on): actively suicidal, psychotic, bipolar disorder, substance dependence, intellectual disability
course-checklist-sick-role-ipt-a = Limited sick role discussed
