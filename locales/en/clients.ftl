## Today (templates/today.html, src/ui/today.rs).

today-title = Today
today-clients-on-teams =
    { $count ->
        [one] { $count } client on your care teams
       *[other] { $count } clients on your care teams
    }
today-no-own-clients = You are on no client's care team, so nothing here is yours yet. The { $caseload } and { $flags } also show the clients you see through supervision.
today-caseload-link = Caseload
today-risk-flags-link = Risk flags
today-sessions-today = Today's sessions
today-no-sessions-today = No sessions today.
today-no-time = No time set
today-attendance =
    { $status ->
        [scheduled] Scheduled
        [attended] Attended
        [cancelled] Cancelled
       *[no_show] Did not attend
    }
today-open-session = Open session
today-open-session-with = with { $client }
today-open-session-with-at = with { $client } at { $time }
today-rest-of-week = Rest of this week
today-open-calendar = Open the calendar
today-no-more-sessions = No more sessions this week.
today-short-date = { $weekday } { $day } { $month }
today-open-flags = Open risk flags
today-no-open-flags = No open risk flags.
today-flag-level =
    { $level ->
        [low] low risk
        [moderate] moderate risk
        [high] high risk
        [imminent] imminent risk
       *[other] { $level } risk
    }
today-flag-not-assessed = not yet assessed
today-flag-not-acknowledged = not acknowledged
today-flag-acknowledged = acknowledged
today-flag-raised =
    { $days ->
        [0] raised today
        [one] raised 1 day ago
       *[other] raised { $days } days ago
    }
today-overdue-tasks = Overdue tasks
today-no-overdue-tasks = No overdue tasks.
today-task-acknowledge = Acknowledge the risk flag
today-task-assessment = Risk assessment
today-task-risk-follow-up = Risk follow-up (the assessment's follow-up date)
today-task-due-today = due today
today-task-follow-up =
    { $months ->
        [one] Follow-up measures at 1 month ({ $instruments })
       *[other] Follow-up measures at { $months } months ({ $instruments })
    }
today-task-due = due { $date }
today-task-overdue =
    { $days ->
        [0] overdue
        [one] 1 day overdue
       *[other] { $days } days overdue
    }
today-notes-to-sign = Notes to sign
today-notes-all-signed = All notes of held sessions are signed.
today-note-draft = draft not signed
today-note-none = no note yet
today-age =
    { $days ->
        [0] today
        [one] 1 day
       *[other] { $days } days
    }
today-notes-more = { $count } more, newer
today-measures-due = Measures due
today-no-measures-due = No measures due.
today-measure-overdue = { $measure } overdue
today-measure-due = { $measure } due

## Caseload (templates/caseload.html, caseload_rows.html, src/ui/clients.rs).

caseload-title = Caseload
caseload-new-client = New client
caseload-status-tabs = Client status
caseload-active = Active
caseload-archived = Archived
caseload-search-label = Search clients by name or identifier
caseload-search-placeholder = Search by name or identifier
caseload-clinician = Clinician
caseload-all-clinicians = All clinicians
caseload-sort = Sort
caseload-sort-name = By name
caseload-sort-need = By need
caseload-show = Show
caseload-by-clinician = By clinician
caseload-subtitle-of = Clients { $name } is responsible for
caseload-subtitle-archived-of = Archived clients { $name } is responsible for
caseload-subtitle-supervised = Clients of the clinicians you supervise, and those whose care team you are on
caseload-subtitle-archived-supervised = Archived clients of the clinicians you supervise, and those whose care team you are on
caseload-subtitle-own = Clients whose care team you are on
caseload-subtitle-archived-own = Archived clients whose care team you are on
caseload-clinician-summary =
    { $clients ->
        [one] { $clients } client
       *[other] { $clients } clients
    } · { $flags ->
        [one] { $flags } open risk flag
       *[other] { $flags } open risk flags
    } · { $overdue ->
        [one] { $overdue } overdue measure
       *[other] { $overdue } overdue measures
    }
caseload-clinician-you = { $name } (you)
caseload-no-match = No clients match “{ $search }”.
caseload-no-archived = No archived clients.
caseload-empty = Your caseload is empty. { $link } to begin.
caseload-create-link = Create a client record
caseload-count =
    { $count ->
        [one] { $count } client
       *[other] { $count } clients
    }
caseload-count-matching =
    { $count ->
        [one] { $count } client matching “{ $search }”
       *[other] { $count } clients matching “{ $search }”
    }
caseload-most-in-need-first = most in need first
caseload-col-name = Name
caseload-col-course = IPT course
caseload-col-measures = Measures
caseload-col-date-of-birth = Date of birth
caseload-col-age = Age
caseload-col-pronouns = Pronouns
caseload-col-responsible = Responsible clinician
caseload-col-updated = Last updated
caseload-raise-ending = Raise the ending
caseload-no-open-course = No open course
caseload-marker-risk-flag = Open risk flag
caseload-marker-risk-unanswered = Risk question not answered: ask at next contact
caseload-marker-overdue = Overdue: { $measures }
caseload-marker-due = Due: { $measures }
caseload-marker-not-on-track = Not on track: { $measures }
caseload-pagination = Pagination
caseload-previous = Previous
caseload-next = Next
caseload-page-status = Page { $page } of { $pages }

## Calendar (templates/calendar.html, src/ui/calendar.rs).

calendar-title = Calendar
calendar-session-count =
    { $count ->
        [one] { $count } session
       *[other] { $count } sessions
    }
calendar-week-of = Week of { $date }
calendar-month-title = { $month } { $year }
calendar-previous = Previous
calendar-next = Next
calendar-view-name =
    { $view ->
        [week] week
       *[month] month
    }
calendar-today = Today
calendar-views = Calendar view
calendar-week = Week
calendar-month = Month
calendar-clinician = Clinician
calendar-everyone = Everyone I see
calendar-show = Show
calendar-no-sessions = No sessions
calendar-all-day = All day
calendar-minutes = { $minutes } min
calendar-move-or-cancel = Move or cancel
calendar-session-with = the session with { $client } on { $date }
calendar-new-date = New date
calendar-new-time = New time
calendar-move = Move
calendar-cancel-session = Cancel session
calendar-book-title = Book a session
calendar-no-courses = No open course to book in: start a course from a client's page first.
calendar-client-course = Client and course
calendar-choose = Choose…
calendar-course-choice = { $client } ({ $minutes } min sessions)
calendar-date = Date
calendar-time = Time
calendar-duration = Minutes
calendar-as-planned = as planned
calendar-book = Book session
calendar-book-hint = Times are local wall-clock times. The session is added to the client's course as scheduled; record attendance from the session page.
calendar-duration-whole = Duration must be a whole number of minutes
calendar-weekday-short-1 = Mon
calendar-weekday-short-2 = Tue
calendar-weekday-short-3 = Wed
calendar-weekday-short-4 = Thu
calendar-weekday-short-5 = Fri
calendar-weekday-short-6 = Sat
calendar-weekday-short-7 = Sun

calendar-error-date = Date must be in the form YYYY-MM-DD
calendar-error-course = Choose the client's course
calendar-error-not-scheduled = Only a scheduled session can be moved or cancelled from the calendar
calendar-feed-name = { $organisation } sessions ({ $clinician })
calendar-feed-summary = IPT session: { $client }
calendar-feed-summary-engagement = IPT engagement session (session 0): { $client }
calendar-feed-description = { $attendance } · { $modality } · { $minutes } min

## A client's record page (templates/client.html, src/ui/clients.rs).

client-not-recorded = Not recorded
client-breadcrumb = Breadcrumb
client-break-glass-title = Emergency access.
client-break-glass-text = You are not on this client's care team. This access is recorded with your reason and will be reviewed by an administrator.
client-age = { $years } years
client-responsible = Responsible clinician: { $name }
client-archived = Archived
client-edit = Edit record
client-raise-concern = Raise a risk concern
client-kiosk = Hand over for questionnaires
client-restore = Restore to caseload
client-archive-confirm = Archive this client? The record is kept and can be restored.
client-archive = Archive
client-courses = Courses of IPT
client-start-course = Start a course
client-no-courses = No courses yet.
client-course-started = started { $date }
client-course-status =
    { $status ->
        [planned] Planned
        [active] Active
        [completed] Completed
        [ended_early] Ended early
       *[transferred] Transferred
    }
client-groups = Groups
client-no-groups = Not in any group.
client-group-goal = goal: { $goal }
client-group-joined = joined { $date }
client-details = Details
client-display-name = Display name
client-legal-name = Legal name
client-date-of-birth = Date of birth
client-pronouns = Pronouns
client-preferred-language = Preferred language
client-external-ids = External identifiers
client-none-recorded = None recorded
client-contact = Contact
client-email = Email
client-phone = Phone
client-address = Address
client-emergency-contact = Emergency contact
client-emergency-name = Name
client-emergency-relationship = Relationship
client-no-emergency-contact = No emergency contact recorded.
client-add-emergency-contact = Add one
client-consent = Consent
client-no-consent = No consent notes recorded.
client-reminders = Reminders sent
client-reminder-setting = Session reminders by e-mail: { $setting }
client-reminder-default = { $lead } (the organisation's default)
client-reminder-lead =
    { $hours ->
        [off] Off
       *[other] { $hours } hours before
    }
client-no-email = no e-mail address
client-none-can-be-sent = none can be sent
client-change = Change
client-no-reminders = No reminders sent yet.
client-reminder-session = Session on { $when }
client-reminder-when = { $date } at { $time }
client-reminder-queued = queued { $when }
client-reminder-emailed = e-mailed { $when }
client-reminder-attempts = { $count } attempt(s): { $error }
client-reminder-waiting = waiting in the outbox
client-reminder-status =
    { $status ->
        [sent] sent
        [pending] pending
        [retrying] retrying
       *[failed] failed
    }
client-created-updated = Created { $created } · last updated { $updated } · version { $version }

## The client form (templates/client_form.html) and its checks (rapport-core client.rs).

client-form-edit-crumb = Edit
client-form-edit-title = Edit client record
client-form-edit-page-title = Edit { $name }
client-form-identity = Identity
client-form-display-name-hint = The name used day to day in Rapport.
client-form-legal-name = Legal name (optional)
client-form-pronouns = Pronouns (optional)
client-form-pronouns-hint = For example she/her, he/him, they/them.
client-form-preferred-language = Preferred language (optional)
client-form-preferred-language-hint = The language of the client's portal, e-mails and questionnaires, where Rapport has it.
client-form-language-not-set = Not set
client-form-site = Site
client-form-site-hint = The village, school or clinic the person belongs to, for the group programme.
client-form-no-site = No site
client-form-external-ids = External identifiers (optional)
client-form-external-ids-hint = One per line, as system: value. For example “Hospital number: H123456”.
client-form-email = Email (optional)
client-form-phone = Phone (optional)
client-form-address = Address (optional)
client-form-reminder = Session reminders by e-mail
client-form-reminder-hint = Sent before each scheduled session, with links to the questionnaires due; only with an e-mail address above.
client-form-reminder-default = The organisation's default
client-form-consent-notes = Consent notes (optional)
client-form-consent-hint = What the client has agreed to: treatment, contact methods, sharing with other professionals.
client-form-save = Save changes
client-form-create = Create client
client-form-cancel = Cancel
client-form-conflict = Someone else saved this record while you were editing. Your changes are below and have not been saved; the current record is on its page. Review and save again.
client-error-name-single-line = Display name must be a single line
client-error-name-required = Enter a display name
client-error-date-of-birth-format = Date of birth must be a real date written YYYY-MM-DD
client-error-date-of-birth-future = Date of birth cannot be in the future
client-error-email = Email must look like name@example.org
client-error-external-ids-max = At most { $max } external identifiers
client-error-external-id-parts = Each external identifier needs a system and a value, e.g. "Hospital number: H123456"
client-error-external-id-length = External identifier systems and values must be at most 80 characters
client-error-external-id-twice = "{ $system }" is listed twice
client-error-external-id-colon = "{ $line }" needs a colon between system and value, e.g. "Hospital number: H123456"
client-error-preferred-language = Choose a language from the list
caseload-error-clinician = Choose a clinician from the list
caseload-error-sort = Sort by name or by need
caseload-error-page = That page of the list is no longer available: start again from the first page

## Parts shown to clients (templates/client_blank_prompt.html, client_support.html, diary_entry.html).

client-blank-send-anyway = You can still answer above, or send what you have: your clinician will see which questions are blank.
client-support-title = You do not have to cope alone
client-support-intro = Thank you for telling us how things have been. If you are thinking about harming yourself or ending your life, or you feel unsafe now, please contact one of these straight away:
client-support-not-live = Your clinician will see your answers at or before your next appointment. This is not monitored live, so please use the contacts above if you need help before then.
client-diary-mood = mood { $mood } out of 10
client-diary-with = With { $person }:

## The sections of a client's record (templates/client_tabs.html).

client-tabs = Client record sections
client-tab-record = Record
client-tab-measures = Measures
client-tab-portal = Portal
client-tab-care-team = Care team

## A client's care team (templates/care_team.html, src/ui/care_team.rs).

care-team-title = Care team
care-team-page-title = Care team · { $name }
care-team-members = Members
care-team-members-table = Care team members
care-team-name = Name
care-team-role = Role
care-team-since = On the team since
care-team-actions = Actions
care-team-member = Member
care-team-staff = Staff
care-team-make-responsible = Make responsible
care-team-remove-confirm = Remove { $name } from the care team? They will lose access to this record.
care-team-remove = Remove
care-team-add-title = Add a member
care-team-everyone = Everyone who can hold a caseload is already on this team.
care-team-add = Add to care team
care-team-only-members = Only members of the care team and their supervisors can change it.
care-team-error-choose = Choose a clinician to add

## Emergency access (templates/break_glass_search.html, break_glass_reason.html).

break-glass-title = Emergency access
break-glass-subtitle = Open the record of a client who is not on your caseload, for example when covering a crisis.
break-glass-search-intro = Every emergency access is recorded with your reason, lasts { $hours } hours, and is reviewed by an administrator. Use it only when a client's care needs it now.
break-glass-find-title = Find the client
break-glass-search-label = Client name or identifier
break-glass-search-placeholder = Client name or identifier (at least 2 characters)
break-glass-find = Find client
break-glass-too-short = Type at least 2 characters of the client's name or identifier.
break-glass-no-match = No client in the organisation matches “{ $search }”.
break-glass-count =
    { $count ->
        [one] { $count } matching client
       *[other] { $count } matching clients
    }
break-glass-results = Matching clients
break-glass-action = Action
break-glass-request = Request access
break-glass-request-to = to { $name }
break-glass-to = Emergency access to { $name }
break-glass-reason-intro = You are not on this client's care team. Access lasts { $hours } hours, is recorded in the audit log with your reason, and is reviewed by an administrator.
break-glass-reason = Reason for emergency access
break-glass-reason-hint = Say why the client's care needs this now, for example “Covering a crisis call while their clinician is on leave”. At least 10 characters.
break-glass-open = Open record
break-glass-error-reason = Give the reason for emergency access in { $min } to { $max } characters (spaces and invisible characters do not count)

## A client's care context (templates/context.html, context_add.html,
## context_fields.html, context_item.html, src/ui/context.rs, rapport-core context.rs).

context-title = { $client } · { $what }
context-page-title = Care context
context-intro = The client's care context is shared by all their courses. Recording a medication changes nothing else: tick the checklist's medication item yourself when the need has been assessed.
context-cultural = Cultural formulation
context-change-cultural = Change the cultural formulation
context-version = Version { $version }
context-change-or-history = Change or see history
context-cultural-empty = Not recorded yet: the client's cultural identity, their own words for the distress, stressors and supports, what they expect of help, and language needs.
context-cultural-record = Record the cultural formulation
context-cultural-identity = Cultural identity
context-cultural-identity-hint = Heritage, faith, language and community, as the client describes them.
context-explanations = Explanations of distress
context-explanations-hint = The client's own words and idioms for what they feel and why.
context-stressors = Cultural stressors
context-stressors-hint = e.g. discrimination, migration, family obligations.
context-supports = Cultural supports
context-supports-hint = Community, faith, family.
context-expectations = Expectations of help
context-expectations-hint = What the client expects of treatment and of the helper.
context-practices = Relevant practices
context-practices-hint = Religious, healing or family practices that matter for the care.
context-language-needs = Language and interpreter needs
context-language-needs-hint = Preferred language for sessions and written material.
context-interpreter-needed = Interpreter needed
context-interpreter-is-needed = An interpreter is needed
context-yes = Yes
context-no = No
context-medication = Medication
context-current = Current
context-no-current-meds = No current medication recorded.
context-current-meds = Current medication
context-past = Past
context-no-past-meds = No past medication recorded.
context-past-meds = Past medication
context-med-name = Medication
context-med-dose = Dose
context-med-dose-hint = e.g. 50 mg once daily
context-med-prescriber = Prescriber
context-med-started = Started
context-med-stopped = Stopped
context-med-stopped-hint = Leave blank while it is taken.
context-med-adherence = Adherence
context-med-adherence-hint = How regularly it is taken; missed doses and why.
context-med-side-effects = Side effects
context-med-adherence-side-effects = Adherence and side effects
context-med-stops = stops { $date }
context-med-adherence-text = Adherence: { $text }
context-med-side-effects-text = Side effects: { $text }
context-med-taken = Taken
context-med-taken-range = { $from } to { $to }
context-approx-date-hint = A year (2024), a month (2024-03) or a day (2024-03-14).
context-notes-label = Notes
context-change = Change
context-add-medication = Add medication
context-change-medication = Change medication
context-providers = Other treatment and providers
context-no-providers = No other providers recorded.
context-provider-name = Name or role
context-provider-name-hint = e.g. Dr Lee, GP
context-provider-organisation = Organisation
context-provider-contact = Contact
context-provider-contact-hint = Phone, e-mail or address.
context-provider-provides = What they provide
context-provider-provides-short = Provides
context-add-provider = Add provider
context-change-provider = Change provider
context-coordination = Coordination notes
context-no-coordination = No coordination notes yet.
context-note-of = note of { $date }
context-note-date = Date
context-note-provider = Provider
context-note-no-provider = Not about one provider
context-note-note = Note
context-note-note-hint = Who was contacted, what was agreed.
context-removed-provider = (removed provider)
context-add-note = Add coordination note
context-change-note = Change coordination note
context-back = ← Back to the care context
context-save = Save
context-remove = Remove
context-remove-hint = For entries made in error. Its history, and the removal, are kept.
context-remove-medication-hint = A medication the client stopped is better kept with its stop date.
context-remove-confirm = Remove this entry?
context-conflict = { $name } saved a change here at { $at } while you were editing. Your version is in the form; theirs is shown beside it. Saving again replaces theirs.
context-error-cultural-empty = Fill in at least one part of the cultural formulation
context-error-stop-before-start = The stop date is before the start date
context-error-note-date = Enter the date (YYYY-MM-DD)

## A record's versions (templates/record_history.html, record_conflict.html).

record-history = History
record-change =
    { $change ->
        [Created] Created
        [Removed] Removed
       *[other] Changed
    }
record-version = version { $version }
record-saved-meanwhile = Saved meanwhile (version { $version })
record-by-at = By { $name } at { $at }.

## Between-session signals: the diary "check in" marker (issue 19 item 3, decision 50)
check-in-marker = Check in
check-in-low = Diary mood { $mood } of 10 on { $date }: the bottom of the scale
check-in-drop = Diary mood { $mood } of 10 on { $date }: 4 or more below the recent average of { $average }
check-in-not-risk = Ask how they are at the next contact. This is not a risk flag.
