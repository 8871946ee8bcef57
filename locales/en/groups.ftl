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
