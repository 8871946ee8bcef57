## Group IPT pages (templates/groups.html, group.html, group_new.html,
## group_pre_group.html, group_meeting.html, group_meeting_done.html; ui/groups).

group-list-title = Groups
group-list-subtitle-organiser = The IPT groups you run, supervise or organise.
group-list-subtitle = The IPT groups you run or supervise.
group-new = New group
group-list-empty-organiser = No groups yet. Start one with “New group”.
group-list-empty = No groups yet. A supervisor or an administrator sets groups up and names their facilitators.
group-list-caption = Groups with their site, protocol, phase, meetings, members and facilitators
group-col-group = Group
group-col-site = Site
group-col-protocol = Protocol
group-col-phase = Phase
group-col-meetings = Meetings
group-col-members = Members
group-col-facilitators = Facilitators
group-col-member = Member
group-col-status = Status
group-col-areas = Problem areas
group-col-goal = Goal
group-col-attended = Attended
group-col-first = { $measure } first
group-col-latest = { $measure } latest
group-closed = Closed
group-no-site = No site
group-none = None
group-choose = Choose…
group-cancel = Cancel
group-optional = (optional)
group-or = or
group-breadcrumb = Breadcrumb
group-meetings-held = { $held } of { $planned } held
group-members-in-all = ({ $count } in all)

## Phases and member statuses (rapport-core group.rs).

group-phase-pre-group = Pre-group sessions
group-phase-pre-group-before = Pre-group sessions (before the first meeting)
group-phase-initial = Initial phase
group-phase-middle = Middle phase
group-phase-termination = Ending phase
group-phase-finished = Finished
# A phase with the protocol's own words for it: "Initial phase (first meeting)".
group-phase-with-words = { $phase } ({ $words })
group-status-awaiting-pre-group = Pre-group session to do
group-status-pre-group-done = Pre-group done
group-status-active = Active
group-status-completed = Completed
group-status-dropped-out = Dropped out
group-status-referred = Referred

## A group's page (templates/group.html).

group-facilitators-are = Facilitators: { $names }
group-record-meeting = Record meeting { $number }
group-summary-title = Where the group stands
group-meetings-to-go = { $held } of { $planned } held · { $remaining } to go
group-starts = Starts
group-starts-at = { $date } at { $time }
group-members-in-group = { $count } in the group (size { $min } to { $max })
group-members-took-part = { $count } took part (size { $min } to { $max })
group-single-gender = single-gender
group-next-agenda = Next meeting's agenda (meeting { $number })
group-summary-only = You see this group's summary. Its members are seen by its facilitators and the people who supervise them.
group-members-empty = No members yet. Add people below, then hold each one's pre-group session.
group-members-caption = Members with their status, problem areas, goal, attendance and { $measure } scores
group-pre-group-on = Pre-group { $date }
group-record-pre-group = Record the pre-group session
group-record-pre-group-of = of { $name }
group-pre-group-change = (change { $name }'s record)
group-not-yet = Not yet
group-attended-of = { $attended } of { $held }
group-add-title = Add a member
group-full = The group is full ({ $max } members at most).
group-everyone-added = Everyone you can see is already in the group.
group-register-first = { $link } first.
group-register-new-person = Register a new person
group-not-listed = Not listed? { $link } first.
group-register-the-person = Register the person
group-person = Person
group-add-to-group = Add to the group
group-status-title = A member leaves or finishes
group-new-status = New status
group-status-back = Back in the group (active)
group-status-reason = Reason, or where they were referred
group-status-reason-hint = Needed for “dropped out” and “referred”.
group-status-change = Change { $name }'s status
group-meetings-none = No meetings recorded yet.
group-meeting-n = Meeting { $number }
group-meeting-attendance = { $attended } attended, { $absent } absent
group-close = Close the group
group-close-explained =
    { $remaining ->
        [0] Closing ends the group. Members still in it who had their pre-group session are marked completed.
       *[other] Closing ends the group before its last { $remaining } meeting(s). Members still in it who had their pre-group session are marked completed.
    }
group-close-confirm = Close this group? No more meetings can be recorded.
group-forbidden-members = Only the group's facilitators and their supervisors work with its members.
group-done-created = Group created. Add its members next.
group-done-member-added = Member added. Their pre-group session is next.
group-done-pre-group = Pre-group session recorded.
group-done-pre-group-flag = Pre-group session recorded. A risk answer was positive: a risk flag was raised; call your supervisor now.
group-done-status = Member's status changed.
group-done-closed = Group closed. Members who had their pre-group session are marked completed.
# A client's record, section "Groups".
group-membership-attended = attended { $attended } of { $held } meetings held ({ $planned } planned)

## A new group (templates/group_new.html).

group-new-subtitle = Name the group, choose its protocol, site and facilitators. Members are added on the group's page.
group-new-name = Group name
group-new-name-hint = For example the place and the day: “Kisoro women, Tuesdays”
group-new-facilitator = Facilitator
group-new-facilitator-2 = Second facilitator (optional)
group-new-start = Start date
group-new-start-hint = The week of the first meeting (pre-group sessions come before it)
group-new-time = Meeting time (optional)
group-new-time-hint = For example 14:00
group-new-single-gender = Single-gender group
group-new-create = Create group

## A member's pre-group session (templates/group_pre_group.html).

group-pre-group-title = Pre-group session
group-pre-group-page-title = Pre-group session · { $name }
group-pre-group-areas = What is the problem mostly about?
group-pre-group-areas-count =
    { $max ->
        [1] (one)
       *[other] (one or { $max })
    }
group-pre-group-goal = The member's goal for the group
group-pre-group-goal-hint = In their words: what they want to be different by the last meeting
group-pre-group-consent = The member agreed to join the group
group-pre-group-date = Date of the pre-group session
group-pre-group-date-hint = Not after today
group-pre-group-parent-date = Date of the session with a parent or carer (optional)
group-pre-group-baseline = Baseline { $measure }
group-pre-group-baseline-hint = Leave blank if it was not taken. A positive answer to the last question raises a risk flag for the member's care team and your supervisor.
group-grid-caption = { $measure }: one row per question, one column per answer
group-grid-question = Question
group-pre-group-save = Save the pre-group session

## The meeting screen (templates/group_meeting.html).

group-meeting-title = Meeting { $number } · { $group }
group-meeting-of = Meeting { $number } of { $planned }
group-meeting-not-sent = Not sent yet:
group-meeting-not-sent-text = this meeting was typed on this device but not saved. Check it and press “Save meeting { $number }”.
group-meeting-discard = Throw away what was typed
group-meeting-discard-confirm = Throw away what was typed on this device for this meeting?
group-meeting-date = Date of the meeting
group-meeting-agenda = Today's agenda
group-meeting-answers = { $measure } answers:
group-meeting-answers-blank = Leave it blank if it was not asked.
group-meeting-record-later = { $link } when you can.
group-record-it = Record it
group-meeting-was-here = Was { $name } here today?
group-here = Here
group-absent = Absent
group-meeting-absent-note = Absent: no { $measure } today.
group-meeting-note-on = Note on { $name }
group-meeting-the-group = The group
group-meeting-group-note = Group note (optional)
group-meeting-group-note-hint = How the meeting went, for the facilitators and the supervisor
group-meeting-task = This week's task (optional)
group-meeting-task-hint = What members agreed to try before the next meeting
group-meeting-save = Save meeting { $number }
group-all-recorded = All { $planned } meetings of this group are recorded (or it is closed).
group-forbidden-meetings = Only the group's facilitators and their supervisors record its meetings.

## A recorded meeting and its crisis guidance (templates/group_meeting_done.html).

group-meeting-saved = Meeting { $number } saved.
group-crisis-title =
    { $count ->
        [one] A member needs a check today
       *[other] { $count } members need a check today
    }
group-crisis-positive = gave a positive answer to the question about hurting themselves. A risk flag was raised for their care team.
group-crisis-positive-told = gave a positive answer to the question about hurting themselves. A risk flag was raised for their care team, and your supervisor was told.
group-crisis-talk = Talk with { $name } in private today, before they leave if you can. Listen calmly; do not promise to keep it secret.
group-crisis-call-supervisor = Call your supervisor now.
group-crisis-call-supervisor-named = Call your supervisor now: { $names }.
group-crisis-danger-stay = If { $name } may be in danger now, stay with them and use the crisis lines below.
group-crisis-call-recorder = Call { $recorder } today, who ran the meeting: agree who checks on { $name } and when.
group-recorder-unknown = the facilitator who recorded it
group-crisis-assess = Assess the risk on the flag, or make sure the member's responsible clinician does.
group-crisis-danger = If { $name } may be in danger now, use the crisis lines below.
group-crisis-open-flag = Open the risk flag for { $name }
group-crisis-lines = Crisis lines
group-back = Back to the group
group-who-came = Who came
group-score = score { $score }
group-flags-closed-since = Risk flags raised at this meeting, closed since:
group-note = Group note
group-task = This week's task
group-agenda-done = Agenda done
group-none-ticked = None ticked

## What the group rules refuse (rapport-app groups.rs).

group-error-name = Give the group a name of 1 to 120 characters
group-error-protocol = Choose a group protocol: { $ids }
group-error-start-date = Give the start date as YYYY-MM-DD
group-error-meeting-time = Give the meeting time as HH:MM, e.g. 14:00
group-error-facilitators = Name one or two facilitators
group-error-no-caseload = This account does not hold a caseload
group-error-no-such-staff = No active staff account with this id (or named twice)
group-error-date = Give the date as YYYY-MM-DD
group-error-areas = Choose one or { $max } problem areas
group-error-not-an-area = { $area } is not a problem area of this group
group-error-goal = Write the member's goal in 1 to 500 characters
group-error-consent = Record that the member agreed to join the group
group-error-meeting-future = The meeting date must not be in the future
group-error-meeting-earlier = Meeting { $number } was on { $date }; this one cannot be earlier
group-error-not-member = Not a current member of this group
group-error-mark-attendance = Mark { $name } as attended or absent
group-error-note-long = A note is at most { $max } characters
group-error-text-long = At most { $max } characters
group-error-agenda = Agenda items are numbered 1 to { $count } for meeting { $number }
group-error-absent-response = This member is marked absent: a response needs them present
group-error-one-response = Only one response per member per meeting
group-error-finished = This group has finished; add the person to another group
group-error-full = The group is full: { $protocol } allows at most { $max } members
group-error-already-member = This person is already a member of the group
group-error-status-change = A member who is { $from ->
        [awaiting_pre_group] pre-group session to do
        [pre_group_done] pre-group done
        [active] active
        [completed] completed
        [dropped_out] dropped out
       *[referred] referred
    } cannot be marked { $to ->
        [awaiting_pre_group] pre-group session to do
        [pre_group_done] pre-group done
        [active] active
        [completed] completed
        [dropped_out] dropped out
       *[referred] referred
    }
group-error-reason = Give the reason (why they left, or where they were referred)
group-error-reason-long = The reason is at most 500 characters
group-error-choose-status = Choose the member's new status

## Screening outcomes (rapport-core group.rs).

screening-outcome-eligible = Eligible
screening-outcome-not-eligible = Not eligible
screening-outcome-referred = Referred to a clinician

## The fidelity section of a session or group meeting (templates/fidelity_panel.html; ui/fidelity_section.rs).

fidelity-title = Fidelity
fidelity-rate-session = Rate this session
fidelity-self-due = Your self-rating is due.
fidelity-self-due-text = Your organisation asks you to rate each session you run: use "Rate this session".
fidelity-not-rated = Not rated yet.
fidelity-pass = Pass
fidelity-below-pass = Below the pass mark
fidelity-rater-self = Self-rating
fidelity-rater-supervisor = Supervisor
fidelity-rater-peer = Peer
fidelity-mean-scale = { $mean } (scale { $min } to { $max })
fidelity-mean-over = mean { $mean } over { $items } items
fidelity-self-and-supervisor = Self and supervisor: { $checklist }
fidelity-self-rating-and-supervisor = Self-rating and supervisor: { $checklist }
fidelity-agreement-caption = Self-rating and supervisor rating, item by item
fidelity-item = Item
fidelity-differs = Differs
fidelity-share = { $count } of { $items } items ({ $percent }%)
fidelity-agreement = Rated the same on { $same }; within one point on { $within }.

## Screening a person for a group programme (templates/screening_form.html, screening_result.html).

programme-title = Programme
screening-title = Screen a person
screening-subtitle = For a group programme: who may join, and who needs a clinician first
screening-registered-not-saved = { $name } is registered. The screening was not saved yet: correct it below and save again.
screening-who = Who is screened
screening-person-hint = Someone you already work with, or a new person you register now.
screening-new-person-option = A new person (fill in below)
screening-new-person = A new person
screening-new-person-hint = Only when you chose “A new person”. You can add their other details to their record later.
screening-name = Name
screening-for = Screened for
screening-date = Date of the screening
screening-placeholder = This instrument is licensed: its text is not shipped. Use your licensed copy; the items and options below are placeholders in the same order.
screening-blank-hint = Leave a question blank if it was not answered. A “yes” to any question about self-harm always sends the person to a qualified clinician first.
screening-note = Note (optional)
screening-save = Save the screening
screening-of = Screening of { $name }
screening-newly-registered = newly registered
screening-referred-title = Referred to a qualified clinician
screening-self-harm = { $name } gave an answer about self-harm.
screening-referred-text = They do not join a group now: a qualified clinician sees them first.
screening-flag-open = A risk flag is open ({ $link }); call your supervisor today.
screening-see-flag = see the flag
screening-flag-open-plain = A risk flag is open; call your supervisor today.
screening-danger = If they may be in danger now, stay with them and use these lines:
screening-eligible-title = Eligible for the group
screening-eligible-text = { $name } may join a group of this programme. Next: the individual pre-group session, when they are added to a group.
screening-choose-group = { $link } (add them from the group's page).
screening-choose-group-link = Choose their group
screening-not-eligible-title = Not eligible for the group now
screening-no-total = Questions were left blank, so no total could be worked out and eligibility could not be shown. Screen { $name } again when you can ask every question.
screening-below = { $name }'s answers are below the programme's threshold. They do not join a group now; screen them again later if things get worse.
screening-the-measure = The { $measure }
screening-total = Total
screening-no-total-short = not worked out (blank questions)
screening-severity = Severity
screening-eligible-from = Eligible from
screening-open-record = Open { $name }'s record
screening-another = Screen another person
screening-back = Back to the programme
screening-error-programme = Choose a programme: { $ids }
screening-error-other-measure = { $programme } screens with the { $measure }: answer its questions below
screening-error-client = Choose who is screened, or register a new person
screening-error-future = The date of the screening cannot be after today

## The programme page: screening to the end of the group (templates/programme.html; ui/programme.rs).

programme-subtitle = From screening to the end of the group
programme-subtitle-filtered = From screening to the end of the group: { $filters }
programme-filter = Filter the programme
programme-all-sites = All sites
programme-all-facilitators = All facilitators
programme-show = Show
programme-clear = Clear filters
programme-funnel = The funnel
programme-funnel-hint = Each person counts once, at every step they reached (their latest screening and their latest group). Choose a number to list the people.
programme-funnel-region = The funnel, step by step
programme-step = Step
programme-people = People
programme-bar = Bar
programme-step-link = { $count } { $step }: list them
programme-people-at-step =
    { $count ->
        [one] { $step }: { $count } person
       *[other] { $step }: { $count } people
    }
programme-hide-list = Hide the list
programme-nobody-at-step = Nobody has reached this step.
programme-nobody-at-step-filtered = Nobody has reached this step { $filters }.
programme-people-region = People: { $step }
programme-screening = Screening
programme-in-group = In the group
programme-meetings-attended = Meetings attended
programme-not-in-group = Not in a group
programme-not-screened-here = Not screened here
programme-their-group = Their group
programme-by-site = By site
programme-funnel-by-site = Funnel by site
programme-nobody-yet = Nobody screened or in a group yet.
programme-by-facilitator = By facilitator
programme-by-facilitator-hint = A group's facilitators share its members; before a group, a person counts for whoever screened them.
programme-funnel-by-facilitator = Funnel by facilitator
programme-chosen-facilitator = The chosen facilitator
programme-at-chosen-site = at the chosen site
programme-at-site = at { $site }
programme-with-facilitator = with { $name } (groups they run, people they screened)
programme-error-site = Choose a site from the list
programme-error-facilitator = Choose a facilitator from the list
programme-error-step = Choose a step: { $keys }
programme-step-screened = Screened
programme-step-eligible = Eligible
programme-step-not-eligible = Not eligible
programme-step-referred = Referred to a clinician
programme-step-pre-group-done = Pre-group session done
programme-step-enrolled = Enrolled in a group
programme-step-attended = Attended enough meetings
programme-step-completed = Completed
programme-step-dropped-out = Dropped out
programme-col-screened = Screened
programme-col-eligible = Eligible
programme-col-not-eligible = Not eligible
programme-col-referred = Referred
programme-col-pre-group-done = Pre-group done
programme-col-enrolled = Enrolled
programme-col-attended = Attended enough
programme-col-completed = Completed
programme-col-dropped-out = Dropped out

## Rating a session (templates/fidelity_form.html, course_fidelity.html; ui/fidelity.rs).

fidelity-rate-as-self = Myself (I ran this session)
fidelity-rate-as-peer = Peer (a colleague)
fidelity-forbidden = You may not rate this session.
fidelity-scale-from-to = From { $min } to { $max }
fidelity-scale-to = { $min } to { $max }
fidelity-pass-rule = A session passes with a mean of at least { $mean } over { $items } or more items.
fidelity-error-choose = Item { $n }: choose a rating
fidelity-error-number = Item { $n }: the rating must be a number
fidelity-back-session = Back to the session
fidelity-back-meeting = Back to the meeting
fidelity-rate-title = Rate this session · { $name }
fidelity-rate-meeting-title = Rate meeting { $number } · { $group }
fidelity-checklist = Checklist
fidelity-use-checklist = Use this checklist
fidelity-phase-items = Only the items for this session's phase are listed.
fidelity-rating-as = You are rating as
fidelity-rating-as-colon = You are rating as:
fidelity-grid-caption = One row per item, one column per point of the scale
fidelity-comment = Comment (optional)
fidelity-save = Save the rating
fidelity-over-time = Fidelity over time
fidelity-over-time-title = Fidelity over time · { $name }
fidelity-over-time-subtitle = self-rating and supervisor, item by item
fidelity-none-rated = No session of this course is rated yet.
fidelity-none-both = No session is rated by both the clinician and a supervisor yet.
fidelity-trend-hint = Each column is a session rated by both, headed by the date of the supervisor's rating; each cell reads self-rating / supervisor, on a scale from { $scale }. In the small chart the dashed grey line is the self-rating, the solid line the supervisor's.
fidelity-trend-region = { $checklist }, over time
fidelity-trend-caption = { $checklist }: self-rating and supervisor per item and session date
fidelity-chart = Chart
fidelity-differs-hidden = (differs)
fidelity-back-course = Back to the course

## Recordings of a session for supervision (templates/recordings_panel.html).

recording-title = Recordings for supervision
recording-none = No recording of this session.
recording-label = Recording uploaded { $date }
recording-line = Uploaded { $date } · { $size } · deleted automatically on { $deleted }
recording-upload-title = Upload a recording
recording-upload-hint = Only you and your supervisors can play it. Every play is recorded, and the audio is deleted automatically after the retention period.
recording-audio = Audio file (MP3, M4A, OGG, WebM or WAV, up to 64 MB)
recording-consent = The client consented to this recording
recording-consent-how = How they consented (optional)
recording-consent-placeholder = For example: signed consent form, 3 November
recording-upload = Upload the recording
recording-error-consent = Tick the box to confirm the client consented to this recording
recording-error-audio = Choose the audio file of the session

## The client's reflections from the portal (templates/reflections_panel.html).

record-pro-reflections = The client's thoughts (from the portal)

## Supervision: the dashboard, the log and a new meeting (templates/supervision*.html; ui/supervision.rs).

supervision-subtitle = Your supervisees' open cases and groups, those needing attention first.
supervision-subtitle-of = Open cases and groups of { $name }, those needing attention first.
supervision-record-meeting = Record a meeting
supervision-log = Supervision log
supervision-filter = Show one supervisee's cases
supervision-supervisee = Supervisee
supervision-everyone = Everyone
supervision-show-everyone = Show everyone
supervision-open-cases = Open cases
supervision-no-cases = No open cases.
supervision-no-cases-nobody = No open cases: nobody is linked to you as a supervisee yet. An administrator links clinicians and facilitators to their supervisor on their account page.
supervision-cases-caption = Open cases of your supervisees, those needing attention first
supervision-col-client = Client
supervision-col-clinician = Clinician
supervision-col-sessions = Sessions
supervision-col-attention = Needs attention
supervision-col-fidelity = Latest fidelity rating
supervision-groups-title = Groups of your facilitators
supervision-no-groups = No open groups run by people you supervise.
supervision-no-groups-of = No open groups run by { $name }.
supervision-groups-caption = Open groups of the facilitators you supervise, members at risk first
supervision-col-attendance = Attendance
supervision-col-at-risk = Members at risk
supervision-at-risk = { $count } with an open risk flag
supervision-records = Your supervisees' records
supervision-records-hint = Supervision and therapy hours, trainings and progress towards certification.
supervision-badge-flags =
    { $count ->
        [one] { $count } open risk flag
       *[other] { $count } open risk flags
    }
supervision-badge-flags-oldest =
    { $count ->
        [one] { $count } open risk flag
       *[other] { $count } open risk flags
    }, oldest { $unit ->
        [hours] { $n ->
            [one] { $n } hour
           *[other] { $n } hours
        }
       *[days] { $n } days
    }
supervision-badge-not-on-track = Not on track
supervision-badge-initial-overdue = Initial phase overdue: no agreed formulation
supervision-badge-ending = Ending not yet prepared
supervision-badge-fidelity = Latest rating below the pass mark
supervision-badge-over-contract = More sessions than contracted
supervision-badge-no-focus = No problem area chosen
supervision-badge-measures =
    { $count ->
        [one] { $count } measure due or missing
       *[other] { $count } measures due or missing
    }
supervision-badge-on-course = On course
supervision-fidelity-latest = { $mean }, { $pass ->
        [yes] passed
       *[no] below the pass mark
    } ({ $rater ->
        [self] self-rated
        [supervisor] supervisor
       *[peer] peer
    })
supervision-no-meetings = No meetings yet
supervision-percent = { $percent }%
supervision-forbidden = Supervision pages are for supervisors.
supervision-log-subtitle = Supervision meetings you led or attended, newest first.
supervision-log-empty = No supervision meetings recorded yet.
supervision-meeting-label = { $kind ->
        [group] Group
       *[individual] Individual
    } supervision on { $date }
supervision-kind-minutes = { $kind ->
        [group] Group
       *[individual] Individual
    }, { $minutes } minutes
supervision-supervisees = Supervisees
supervision-cases-discussed = Cases discussed
supervision-none-named = None named
supervision-decisions = Decisions
supervision-action-points = Action points
supervision-due = Due { $date }
supervision-done = Done
supervision-overdue = Overdue
supervision-mark-done = Mark done
supervision-mark-done-label = Mark done: { $text }
supervision-a-course = A course
supervision-a-group = A group
supervision-case-with = { $client } (with { $clinician })
supervision-case-group = Group: { $name }
supervision-new-title = Record a supervision meeting
supervision-new-subtitle = The hours count towards each supervisee's supervision total.
supervision-date = Date
supervision-minutes = Length in minutes
supervision-kind = Kind of meeting
supervision-individual = Individual
supervision-present = Supervisees present
supervision-nobody-linked = Nobody is linked to you as a supervisee yet.
supervision-cases-optional = Cases discussed (optional)
supervision-no-open-cases = Your supervisees have no open cases.
supervision-decisions-optional = Decisions (optional)
supervision-actions-optional = Action points (optional)
supervision-actions-hint = Each with who does it and by when. Leave a row empty to skip it.
supervision-action-n = Action point { $n }
supervision-who = Who
supervision-nobody-named = Nobody named
supervision-me = Me
supervision-due-label = Due
supervision-save = Save the meeting

## A practitioner's professional record (templates/professional_record.html; ui/supervision.rs).

record-pro-mine = My record
record-pro-title = Record · { $name }
record-pro-hours = { $form ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }
record-pro-ratio = 1 hour of supervision for every { $hours } hours of therapy
record-pro-no-ratio = No ratio yet: it needs therapy and supervision hours
record-pro-hours-title = Hours
record-pro-supervision = Supervision received
record-pro-therapy = Therapy given
record-pro-ratio-title = Ratio
record-pro-certification = Certification
record-pro-certification-hint = Progress is worked out from what is already recorded: trainings, supervision hours and supervised cases with a passing supervisor rating.
record-pro-expired = Expired { $date }
record-pro-renewal-due = Renewal due: expires { $date }
record-pro-certified = Certified { $date }
record-pro-requirements-met = Requirements met
record-pro-percent = { $percent }% of the way
record-pro-certified-on = Certified on { $date }.
record-pro-certified-until = Certified on { $date }, valid until { $until }.
record-pro-met = Met
record-pro-have-need = { $have } of { $need }
record-pro-requirement-training = Training hours
record-pro-requirement-supervision = Supervision hours
record-pro-requirement-cases = Supervised cases with a passing rating
record-pro-requirement-cases-measured =
    { $sessions ->
        [one] Supervised cases with a passing rating and measures at every session
       *[other] Supervised cases with a passing rating and measures at least every { $sessions } sessions
    }
record-pro-certified-on-label = Certified on
record-pro-certify = Record the certification
record-pro-no-pathways = No certification pathways are set up.
record-pro-trainings = Trainings
record-pro-no-trainings = No trainings recorded yet.
record-pro-course = Course
record-pro-trainer = Trainer
record-pro-trainer-optional = Trainer (optional)
record-pro-not-given = Not given
record-pro-new-training = Record a training
record-pro-save-training = Record the training

## What the supervision rules refuse (rapport-app supervision.rs).

supervision-error-future = A supervision meeting cannot be in the future
supervision-error-minutes = Give the length in minutes, 5 to 600
supervision-error-not-supervisee = Not someone you supervise
supervision-error-no-supervisee = Name at least one supervisee
supervision-error-individual = An individual supervision meeting has one supervisee; choose group
supervision-error-action-long = An action point is at most 500 characters
supervision-error-owner = The owner is you or one of the supervisees present
supervision-error-due = Give the due date as YYYY-MM-DD
supervision-error-course = Name the course in 1 to 200 characters
supervision-error-hours = Give the hours, more than 0 and at most 1000
supervision-error-training-future = A training is recorded once it has taken place
