# Messages the application layer words: refusals, conflicts and field errors
# of the use cases every face calls (crates/rapport-app).

## Refusals and conflicts

app-admin-only = This page is for administrators.
app-no-caseload = Your account does not hold a caseload. An administrator can mark an admin account as practising.
app-emergency-portal = Emergency access does not include the client's portal: invitations, the portal account, sharing and questionnaire links stay with the care team.
app-deactivate-self = You cannot deactivate your own account.
app-last-admin = This is the only active administrator.
app-kiosk-caseload = Kiosk mode is for accounts that hold a caseload
app-kiosk-browser = Kiosk mode needs a browser session
app-fidelity-self-rater = A self-rating is made by the person who ran the session.
app-fidelity-supervisor-rater = A supervisor's rating is made by a supervisor of the person who ran the session.
app-fidelity-peer-rater = A peer rating is made by a colleague on the care team (or a co-facilitator).
app-portal-reset-responsible = Only the responsible clinician ({ $name }) can reset this client's portal access.
app-portal-reset-no-account = This client has no portal account to reset; invite them instead.
app-portal-invite-has-account = This client already has a portal account. An invitation cannot change it; the responsible clinician can reset the client's portal access instead.
app-portal-invitation-closed = This invitation is no longer open: it was used, expired or already withdrawn.
app-portal-no-active-account = This client has no active portal account.
app-archive-emergency = Emergency access does not allow archiving or restoring a record.
app-care-team-change = Only the care team and their supervisors can change the care team.
app-care-team-hand-over = Only the responsible clinician, or a supervisor of someone on the care team, can hand over responsibility for this client.
app-emergency-staff = Emergency access is for clinical staff.
app-formulation-stale = Nothing is recorded yet at that version; reload and try again.
app-recordings-off = This organisation does not take session recordings (Administration > Settings).
app-recording-uploader = A recording is uploaded by the clinician who ran the session.
app-course-closed = This course is { $status }; it can no longer be changed.
app-mfa-required = Your organisation requires two-step verification; it cannot be turned off.
app-supervision-supervisors = The supervision dashboard is for supervisors.
app-certification-recorder = A certification is recorded by a supervisor or an administrator.
app-context-exists = A cultural formulation already exists for this client; send the version you edited.
app-facilitator-course = Group facilitators run groups; an individual course is opened by a clinician.
app-maintenance-exists = A maintenance course already continues this course.
app-groups-setup = Groups and sites are set up by a supervisor or an administrator.
app-group-members = Only the group's facilitators and their supervisors work with its members.
app-group-list-staff = Groups are for the staff who run, supervise or organise them.
app-group-closed = This group is already closed.
app-group-meetings-recorded = All { $count } meetings of this group are recorded (or it is closed).
app-funnel-staff = The programme funnel lists people; it is for staff who work with clients.
app-schedule-changed = The schedule changed since the page was loaded.
app-schedule-no-risk-item = None of these questionnaires asks about suicide or self-harm. Add one that does (PHQ-9, EPDS, HAM-D-17 or QIDS-SR16), or tick the box to confirm that risk will be asked about another way.
app-changed-meanwhile = The record was changed by someone else; reload and try again.
app-reauth-wrong = Your current password is not right
app-reauth-throttled = Too many wrong passwords. Wait { $seconds } seconds, then try again.

## Field errors

app-audit-date = { $field } must be a date written YYYY-MM-DD
app-audit-before = before must be an entry number
app-audit-limit = limit must be between 1 and 1000
app-supervision-circle-named = { $name } already supervises { $supervisee } (directly or through others): this would make a circle
app-supervision-circle = This would make a circle of supervision
app-review-note-long = The review note must be at most 1000 characters
app-course-not-this-client = no course with this id for this client
app-share-no-supervisor = You have no supervisor to share it with.
app-join-throttled = Too many wrong codes. Wait { $seconds } seconds, then try again.
app-join-code-required = Enter the code from your invitation
app-join-code-format = The code has 12 letters and numbers, like 7KQ2-M9XA-4TRB
app-join-email = Enter your email address, like name@example.org
app-join-password-mismatch = The two passwords do not match
app-join-code-unknown = This code does not work. Check it against your invitation.
app-join-code-used = This code has already been used. Sign in instead, or ask for a new one.
app-join-code-expired = This code has expired. Ask your clinician for a new one.
app-join-code-replaced = This code was replaced by a newer one. Use the newest invitation.
app-join-account-exists = You already have a portal account: sign in instead. If you cannot, ask your clinician to reset your portal access.
app-join-email-taken = This email address already has an account here. Use another one.
app-join-code-closed = This code can no longer be used. Ask your clinician for a new one.
app-fidelity-rater-unknown = rater must be self, supervisor or peer
app-fidelity-rater-not-allowed = { $checklist } is not rated by { $rater }
app-fidelity-comment-long = The comment is at most 4000 characters
app-fidelity-choose-checklist = Choose a checklist for this session: { $checklists }
app-fidelity-no-checklist = No such checklist
app-area-none-chosen = { $area } is not a chosen problem area of this course: no problem areas are chosen yet; record them in the formulation first
app-area-not-chosen = { $area } is not a chosen problem area of this course: the chosen areas are { $areas }
app-recording-consent = Record how the client consented to the recording (10 to 1000 characters)
app-recording-type = Upload audio: { $types }
app-recording-size = The recording must be 1 byte to 64 MB
app-provider-not-this-client = Choose a provider recorded for this client
app-response-future = completed_at must not be in the future
app-response-unscored-count = { $instrument } has { $count } unscored questions; got { $given }
app-response-not-an-option = not an option of this question
app-supervision-no-course = No course you can see
app-supervision-no-group = No group you supervise
app-certification-no-pathway = No such certification pathway
app-certification-date = Give the date as YYYY-MM-DD, not in the future
app-site-name = Give the site a name of 1 to 120 characters
app-site-kind = The kind of site is at most 60 characters
app-site-unknown = No site with this id
app-site-facilitator = A facilitator registers people at their own site or a site of their groups
app-group-sessions-range = { $protocol } runs { $min } to { $max } meetings
app-client-unknown = No client with this id
app-member-status-unknown = status must be completed, dropped_out, referred or active
app-instrument-unknown = Unknown instrument
app-group-choose-protocol = Choose a group protocol: { $protocols }
app-text-too-long = At most { $max } characters
app-link-choose = Choose a questionnaire to send
app-link-not-sendable = { $instrument } cannot be sent as a link: it is clinician-rated or its text is licensed and not shipped

## Text for pages

app-blank-prompt =
    { $count ->
        [one] You left question { $questions } blank. Send anyway?
       *[other] You left { $count } questions blank ({ $questions }). Send anyway?
    }
# The ending review's first closeness circle: "At Start of therapy (4 Dec 2026)".
app-circle-at = At { $label } ({ $date })

## The kiosk PIN's rules (rapport_core::kiosk::check_pin)

kiosk-pin-empty = Enter a PIN of 4 to 8 digits
kiosk-pin-digits-only = The PIN must be digits only (0 to 9)
kiosk-pin-length = The PIN must be 4 to 8 digits long
kiosk-pin-repeated = The PIN must not be one digit repeated (like 1111); choose one that is hard to guess
kiosk-pin-sequence = The PIN must not be a simple sequence (like 1234 or 9876); choose one that is hard to guess

## Text for pages (continued)

app-follow-up-due =
    { $months ->
        [one] Follow-up at { $months } month: due from { $date }
       *[other] Follow-up at { $months } months: due from { $date }
    }
# Which responses the outcomes are computed over (the measures page).

## The storage layer's refusals, worded here

app-care-team-already = This person is already on the care team.
app-care-team-remove-responsible = Only other members can be removed: make someone else responsible first.
app-care-team-not-member = Add this person to the care team first.
app-site-exists = A site named “{ $name }” already exists.
