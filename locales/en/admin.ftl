## Shared words of the administration and account pages.

admin-name = Name
admin-email = Email
admin-role = Role
admin-password = Password
admin-country = Country
admin-actions = Actions
admin-cancel = Cancel
admin-optional = (optional)
admin-two-step = Two-step verification
admin-form-too-large = The form is too large.
admin-form-unreadable = Unreadable form: { $reason }

## admin_users.html

admin-users-title = Users
admin-users-subtitle = Staff accounts of this organisation
admin-users-new = New user
admin-users-status = Status
admin-users-created = Created
admin-users-holds-caseload = Holds a caseload
admin-users-two-step = Two-step
admin-users-active = Active
admin-users-deactivated = Deactivated
admin-users-your-account = Your account
admin-users-deactivate-confirm = Deactivate { $name }? They are signed out everywhere at once and cannot sign in until reactivated.
admin-users-deactivate = Deactivate
admin-users-reactivate = Reactivate

## admin_user_form.html

admin-user-edit-title = Edit { $name }
admin-user-is-self = This is your own account.
admin-user-account = Account
admin-user-email-hint = The email address is used to sign in and cannot be changed here.
admin-user-own-role-hint = You cannot change your own role, caseload or supervision; another administrator can.
admin-user-role-clinician = Clinician: sees the clients whose care team they are on
admin-user-role-supervisor = Supervisor: also sees the clients of the clinicians they supervise
admin-user-role-facilitator = Group facilitator: runs groups and sees only their members; no individual therapy
admin-user-role-programme-manager = Programme manager: sees programme outcomes across the organisation as totals and rates, never a client's record
admin-user-role-admin = Administrator: accounts, settings and the audit log
admin-user-practises = Administrators only: also holds a caseload
admin-user-site = Site
admin-user-works-at = Works at
admin-user-site-hint = A facilitator registers new people at this site.
admin-user-no-sites = No sites yet:
admin-user-add-site = add one
admin-user-manage-sites = Manage sites
admin-user-no-site = No site
admin-user-supervision = Supervision
admin-user-supervised-by = Supervised by
admin-user-supervisor-hint = Their supervisor sees their clients and groups and is told when a group member needs a check. Supervisors can be supervised too (a master trainer).
admin-user-nobody-yet = Nobody yet
admin-user-nobody-to-supervise = Nobody to supervise yet: no active clinicians, facilitators or other supervisors.
admin-user-supervisees = People this person supervises
admin-user-supervisees-hint = For supervisors only. Ignored for other roles.
admin-user-new-password-title = Set a new password
admin-user-initial-password = Initial password
admin-user-new-password = New password (leave empty to keep the current one)
admin-user-password-hint = At least 12 characters; not a common password. Give it to the person securely.
admin-user-password-signs-out = Setting it signs them out everywhere.
admin-user-save = Save account
admin-user-create = Create account
admin-user-sessions = Sessions
admin-user-sessions-hint = Sign { $name } out on every device, for example after a lost phone or a shared computer. They can sign in again with their password.
admin-user-sessions-confirm = Sign { $name } out on every device?
admin-user-sign-out-everywhere = Sign out everywhere
admin-user-mfa-hint = On. If { $name } lost their phone and their recovery codes, reset it: they then sign in with their password alone and can set it up again.
admin-user-mfa-reset-confirm = Reset two-step verification for { $name }?
admin-user-mfa-reset = Reset two-step verification

## admin_reassign.html

admin-reassign-title = Hand over { $name }'s clients
admin-reassign-crumb = Hand over clients
admin-reassign-subtitle = { $name } is the responsible clinician of the clients below, who have an open course or an open risk flag. Nobody may be left without someone who sees their risk flags.
admin-reassign-not-deactivated = Not deactivated.
admin-reassign-refused = Choose a new responsible clinician for these clients first; you can deactivate the account in the same step.
admin-reassign-nobody = { $name } is not responsible for any client with an open course or an open risk flag.
admin-reassign-all-title = Everyone to one person
admin-reassign-to-all = New responsible clinician for all
admin-reassign-per-client = Choose per client below
admin-reassign-one-by-one = Or one by one
admin-reassign-one-by-one-hint = A choice here wins over the one above. The new clinician joins the client's care team.
admin-reassign-table = Clients to hand over
admin-reassign-open-work = Open work
admin-reassign-new-clinician = New responsible clinician
admin-reassign-new-clinician-for = New responsible clinician for { $name }
admin-reassign-as-above = As above
admin-reassign-then-deactivate = Then deactivate { $name }
admin-reassign-submit = Hand over
admin-reassign-open-courses =
    { $courses ->
        [one] { $courses } open course
       *[other] { $courses } open courses
    }
admin-reassign-open-flags =
    { $flags ->
        [one] { $flags } open risk flag
       *[other] { $flags } open risk flags
    }
admin-reassign-open-both =
    { $courses ->
        [one] { $courses } open course
       *[other] { $courses } open courses
    }, { $flags ->
        [one] { $flags } open risk flag
       *[other] { $flags } open risk flags
    }

## admin_settings.html

admin-settings-title = Settings
admin-settings-organisation = Organisation
admin-settings-org-name = Organisation name
admin-settings-default-language = Default language
admin-settings-default-language-hint = The language of pages and e-mails for anyone who has not chosen one and whose browser asks for none that Rapport has.
admin-settings-default-language-unknown = Choose one of the languages listed
admin-settings-sessions = Sessions and access
admin-settings-sessions-hint = Signed-in users are signed out after this long without activity, and in any case after the maximum session length (automatic logoff).
admin-settings-idle = Idle timeout (minutes)
admin-settings-range = From { $min } to { $max }
admin-settings-lifetime = Maximum session length (hours)
admin-settings-break-glass = Emergency access duration (hours)
admin-settings-risk = Risk flags: deadlines and escalation
admin-settings-risk-hint = Counted from the moment a flag is raised. A missed deadline goes to the supervisors of the client's responsible clinician; after the same interval again to the duty clinician (or, when none is set, to the administrators); then a reminder repeats at that interval until the work is done. Acknowledging does not stop the assessment deadline.
admin-settings-risk-ack = Acknowledgement deadline (hours)
admin-settings-risk-ack-hint = From 1 to 72 (default 4)
admin-settings-risk-assess = Assessment deadline (hours)
admin-settings-risk-assess-hint = From 1 to 72 (default 24): an assessment with a risk level recorded
admin-settings-duty = Duty clinician
admin-settings-duty-hint = Told after the supervisors (optional)
admin-settings-duty-none = None: the administrators
admin-settings-require-mfa = Require two-step verification for every staff account
admin-settings-require-mfa-hint = People without an authenticator app set up are taken to set one up the next time they sign in, and can use nothing else until they have.
admin-settings-self-rating = Ask clinicians and facilitators to rate each session they run
admin-settings-self-rating-hint = The session page then reminds them until their self-rating is saved.
admin-settings-recordings = Keep session recordings for (days)
admin-settings-recordings-hint = From 0 to 365. 0: the organisation takes no recordings. Otherwise a clinician may upload a session's audio, with the client's consent, for their supervisors to play; it is deleted after this many days.
admin-settings-closeness-title = Interpersonal inventory
admin-settings-closeness-rings = Rings of the closeness circle
admin-settings-closeness-rings-hint = From 3 to 6. The IPT manuals draw three (inner, middle, outer); more rings let clients place people more finely. Rings are numbered from 1, the closest. Snapshots keep the rings they were taken with.
admin-settings-time-zone = Time zone
admin-settings-time-zone-hint = Every time in Rapport is shown in this zone, and session times are read in it (for example in calendar feeds). A name from the time-zone database, such as Europe/London, America/New_York or Australia/Sydney.
admin-settings-crisis = Crisis resources
admin-settings-none-yet = None yet
admin-settings-no-crisis-lines = Add the crisis lines of the country you work in. Until you do, clients see only: "{ $line }"
admin-settings-crisis-hint = Shown to clients straight after a risk answer on a measure link or in the portal, and always reachable in the portal. One per line, with the number and when it is open, e.g. "Emergency services: 112" or "Crisis line: 0800 000 000 (free, 24 hours)".
admin-settings-save = Save settings
admin-settings-reminders = Session reminders
admin-settings-reminders-hint = An e-mail to each client before a scheduled session, with links to the questionnaires due. Clients without an e-mail address get none; each client's record can choose differently. Sent through the outbox below.
admin-settings-send-reminders = Send reminders
admin-settings-save-reminders = Save reminders
admin-reminders-choose = Choose when reminders go
admin-settings-no-smtp = No mail server is set ({ $option }), so notifications such as risk-flag escalations are kept in the outbox and not e-mailed.
admin-settings-smtp = Notifications are e-mailed through { $server }.
admin-settings-see-outbox = See every message and whether it was sent

## admin_email.html

admin-email-title = E-mail notifications
admin-email-crumb = E-mail
admin-email-subtitle = The outbox: notifications such as risk-flag escalations, and whether each was e-mailed.
admin-email-server = Mail server
admin-email-not-configured = Not configured
admin-email-configured = Configured
admin-email-no-smtp = Rapport was started without { $option }: nothing is e-mailed and messages wait here. Once a mail server is configured, waiting messages are sent, oldest first.
admin-email-sent = Sent
admin-email-waiting = Waiting
admin-email-failed-count = Failed (gave up after { $attempts } attempts)
admin-email-messages = Messages
admin-email-none = No messages yet.
admin-email-newest = Newest first, at most 200. Message texts are not shown here.
admin-email-table = Outbox messages, newest first
admin-email-recipient = Recipient
admin-email-recipient-user = user { $id }
admin-email-recipient-none = (none)
admin-email-retrying = Retrying
admin-email-failed-attempts =
    { $count ->
        [one] { $count } failed attempt
       *[other] { $count } failed attempts
    }
admin-email-next-try =
    { $count ->
        [one] { $count } failed attempt; next try after { $time }
       *[other] { $count } failed attempts; next try after { $time }
    }
admin-email-failed = Failed
admin-email-gave-up = gave up after { $count } attempts
admin-email-last-error = Last error: { $error }
admin-email-kind-account-notice = Account notice
admin-email-kind-security-notice = Security notice
admin-email-kind-session-reminder = Session reminder
admin-email-kind-portal-invite = Portal invitation
admin-email-kind-certification-renewal = Certification renewal
admin-email-kind-risk-flag-raised = Risk flag raised
admin-email-kind-risk-flag-escalated = Risk flag passed to supervisors
admin-email-kind-risk-flag-escalated-no-supervisor = Risk flag passed on (no supervisor)
admin-email-kind-risk-flag-escalated-duty = Risk flag passed to the duty clinician
admin-email-kind-risk-flag-reminder = Risk flag reminder
admin-email-kind-risk-flag-group = Group member needs a check
admin-reminder-lead-off = Off
admin-reminder-lead =
    { $hours ->
        [one] { $hours } hour before
       *[other] { $hours } hours before
    }

## admin_sites.html

admin-sites-title = Sites
admin-sites-subtitle = Villages, schools and clinics where groups meet and people are registered
admin-sites-none = No sites yet. Add the first one below.
admin-sites-kind = Kind
admin-sites-added = Added
admin-sites-not-given = Not given
admin-sites-add = Add a site
admin-sites-kind-optional = Kind (optional)
admin-sites-kind-hint = In your own words, for example village, school or clinic.
admin-sites-add-button = Add the site

## admin_audit.html

admin-audit-title = Audit log
admin-audit-subtitle = Every sign-in and every read and change of client data, newest first. Tamper-evident: check with
admin-audit-download = Download CSV
admin-audit-filter-title = Filter entries
admin-audit-person = Person
admin-audit-anyone = Anyone
admin-audit-action = Action
admin-audit-any-action = Any action
admin-audit-outcome = Outcome
admin-audit-any-outcome = Any outcome
admin-audit-client-id = Client id
admin-audit-from = From (date)
admin-audit-to = To (date)
admin-audit-filter = Filter
admin-audit-clear = Clear filters
admin-audit-none = No entries match.
admin-audit-entries = Audit entries
admin-audit-time = Time
admin-audit-who = Who
admin-audit-resource = Resource
admin-audit-client = Client
admin-audit-address = From
admin-audit-detail = Detail
admin-audit-client-entries = All entries for client { $id }
admin-audit-pagination = Pagination
admin-audit-older = Older entries

## admin_break_glass.html

admin-reviews-title = Access reviews
admin-reviews-subtitle = Emergency (break-glass) access to client records. Review each one: was it justified?
admin-reviews-none = No emergency access has been used.
admin-reviews-table = Emergency accesses
admin-reviews-when = When
admin-reviews-reason = Reason
admin-reviews-review = Review
admin-reviews-until = until { $time }
admin-reviews-trail = Audit trail
admin-reviews-trail-for = Audit trail for { $name }
admin-reviews-reviewed = Reviewed
admin-reviews-reviewed-by = { $time } by { $name }
admin-reviews-waiting = Waiting for review
admin-reviews-note = Review note
admin-reviews-note-placeholder = e.g. Confirmed with the team
admin-reviews-mark = Mark reviewed

## account.html

account-title = My account
account-my-record = My record
account-new-token-title = New API token “{ $name }”
account-new-token-hint = Copy it now: it is shown only once. It acts with your rights; keep it secret.
account-copy-token = Copy token
account-new-feed-title = Your calendar feed address
account-new-feed-hint = Copy it now: it is shown only once. Add it to your calendar app as a subscription ("add calendar from URL"). Anyone with this address sees your sessions, so keep it private; reset it below if it may have been seen by someone else.
account-copy-address = Copy address
account-change-password = Change password
account-current-password = Current password
account-new-password = New password
account-password-hint = At least 12 characters; not a common password.
account-confirm-password = Confirm new password
account-password-signs-out = Changing your password signs out your other sessions.
account-feed-title = Calendar feed
account-feed-hint = A private address your calendar app (Outlook, Google Calendar, Apple Calendar) subscribes to, so your scheduled and held sessions appear there, in the organisation's time zone. It needs no sign-in: treat it like a password. Each time a calendar app reads it, the audit log records it.
account-on = On
account-off = Off
account-feed-set-up = Your feed is set up. Its address was shown when it was made; get a new one (the old one stops working) if you lost it or it may have been seen.
account-feed-none = No feed yet.
account-feed-reset = Reset the feed address
account-feed-make = Make my feed address
account-feed-names = Clients in the feed are named by
account-feed-initials = Initials only (A.B.)
account-feed-full-names = Full names (your calendar app and its provider will then hold them)
account-feed-save-naming = Save naming
account-feed-names-invalid = Choose initials or full names
account-tokens-title = API tokens
account-tokens-hint = For scripts using the JSON API
account-openapi = OpenAPI document
account-tokens-rights = A token acts with your rights.
account-no-tokens = No tokens.
account-last-used = Last used
account-never = never
account-revoked = Revoked
account-revoke-confirm = Revoke the token “{ $name }”? Scripts using it stop working at once.
account-revoke = Revoke
account-token-name = New token name
account-token-placeholder = e.g. reporting script
account-create-token = Create token
account-mfa-on = Signing in needs your password and a code from your authenticator app.
account-mfa-manage = Manage two-step verification and recovery codes
account-mfa-off = Protect your account: with two-step verification, a stolen password alone cannot open it.
account-mfa-set-up = Set up two-step verification
account-kiosk-pin = Kiosk PIN
account-pin-set = Set
account-pin-not-set = Not set
account-kiosk-hint = The PIN unlocks a device you hand to a client for their questionnaires ("Hand over for questionnaires" on a client's page). While it is handed over, the device shows only that client's questionnaires; five wrong PINs sign you out.
account-new-kiosk-pin = New kiosk PIN
account-pin-hint = 4 to 8 digits; not one digit repeated (1111) or a simple sequence (1234).
account-pin-confirm = Confirm the PIN
account-your-current-password = Your current password
account-change-kiosk-pin = Change kiosk PIN
account-set-kiosk-pin = Set kiosk PIN
account-sessions-title = Where you are signed in
account-session-limits = Sessions end after { $minutes } minutes without activity and after { $hours } hours at most.
account-signed-in = Signed in
account-last-active = Last active
account-address = Address
account-browser = Browser
account-this-session = This session
account-handed-over = Handed over (kiosk)
account-sign-out-here = Sign out here
account-end-session = End session
account-sign-out-others = Sign out all other sessions
account-browser-unknown = Unknown
account-browser-on = { $browser } on { $system }
account-browser-on-system = Browser on { $system }

## account_mfa.html, login_verify.html

mfa-title = Two-step verification
mfa-required-flash = Your organisation requires two-step verification. Set it up to continue.
mfa-qr-label = QR code for your authenticator app
mfa-status-on = On: signing in needs your password and a code from your authenticator app.
mfa-status-off = Off: signing in needs only your password.
mfa-your-codes = Your recovery codes
mfa-codes-hint = Each code signs you in once if you lose your phone. Save them somewhere safe now (a password manager, or print them): they are not shown again.
mfa-copy-codes = Copy codes
mfa-recovery-codes = Recovery codes
mfa-codes-left =
    { $count ->
        [one] { $count } unused recovery code left.
       *[other] { $count } unused recovery codes left.
    }
mfa-new-codes = Make new recovery codes
mfa-new-codes-hint = New codes replace all the old ones.
mfa-turn-off-title = Turn off
mfa-turn-off-confirm = Turn off two-step verification? Anyone with your password could then sign in.
mfa-turn-off = Turn off two-step verification
mfa-required-title = Required
mfa-required-hint = Your organisation requires two-step verification, so it cannot be turned off. If you lose your phone, use a recovery code or ask an administrator to reset it.
mfa-set-up-title = Set up your authenticator app
mfa-step-install = Install an authenticator app on your phone (for example FreeOTP, Aegis, Google Authenticator or Microsoft Authenticator).
mfa-step-scan = In the app, add an account and scan this QR code.
mfa-cannot-scan = Cannot scan? Enter this key instead (time-based):
mfa-enter-code = Enter the 6-digit code the app shows
mfa-turn-on = Turn on two-step verification
mfa-verify-intro = Open the authenticator app on your phone and enter the 6-digit code for Rapport.
mfa-verify-code = Authentication code
mfa-verify-code-hint = Lost your phone? Enter one of your recovery codes instead (like { $example }).
mfa-verify = Verify
mfa-start-again = Start again

## setup.html

setup-title = Set up Rapport
setup-intro = Create the first administrator account. You can add colleagues afterwards.
setup-country-hint = Where you see clients. Rapport ships no country's crisis numbers: you add your own below.
setup-crisis-lines = Crisis lines
setup-crisis-hint = Shown to clients straight after a risk answer and always reachable in the portal. One per line, with the number and when it is open, e.g. "Emergency services: 112". You can add or change them later under Settings; until then clients see only: "{ $line }"
setup-your-name = Your name
setup-password-hint = At least 12 characters. A few unrelated words work well. Paste from a password manager is fine.
setup-confirm-password = Confirm password
setup-practises = I also see clients myself
setup-practises-hint = Tick this in a solo or small practice. Otherwise this account manages users, settings and the audit log and sees no clinical records.
setup-create = Create administrator account
setup-link-unusable = This setup link cannot be used
setup-link-unusable-why = It has expired, was already used, or Rapport is already set up.
setup-restart = If nobody has set up Rapport yet, restart { $command }: it prints a new setup link.
setup-otherwise = Otherwise
setup-sign-in = sign in

## error.html and the messages of each kind of error (pages and API)

error-page-not-found = Page not found
error-page-not-allowed = Not allowed
error-page-conflict = Changed by someone else
error-page-too-large = Too large
error-page-too-many = Too many attempts
error-page-went-wrong = Something went wrong
error-page-problem = There is a problem
error-page-status = Error { $status }.
error-page-start = Go to the start page
error-page-not-found-message = Not found.
error-page-unauthenticated = Sign in first (browser) or send a valid bearer token (API).
error-page-invalid = Invalid input.
error-page-retry = Too many attempts. Try again in { $seconds } seconds.
error-page-internal = Something went wrong on our side. It has been logged; please try again.

## E-mails: account notices (rapport-app notices.rs), worded in the recipient's language.

mail-hello = Hello { $name },
mail-never-password = This message was sent by Rapport automatically. It never contains a password.
mail-by-admin = { $name } <{ $email }>, an administrator,
mail-by-operator = An operator using the rapport command on the server
mail-by-operator-short = the server's command line
mail-by-operator-whoever = whoever runs the Rapport server
mail-role-admin-practising = Administrator (holding a caseload)
mail-no-one = no one
mail-change-role = role changed
mail-change-supervision = supervision changed
mail-change-supervisor-added = supervisor added
mail-change-supervisor-removed = supervisor removed
mail-change-password = password reset
mail-change-role-to-person = changed your role from { $from } to { $to }
mail-change-role-to-admins = changed the role of { $name } <{ $email }> from { $from } to { $to }
mail-change-supervision-to-person = changed whom you supervise; you now supervise { $list }, and see the clients of the clinicians you supervise
mail-change-supervision-to-admins = changed whom { $name } <{ $email }> supervises; now: { $list }
mail-change-supervisor-added-to-person = made { $supervisor } <{ $supervisor_email }> your supervisor; they can now see the clients on your caseload
mail-change-supervisor-removed-to-person = removed { $supervisor } <{ $supervisor_email }> as your supervisor; they no longer see the clients on your caseload
mail-change-supervisor-added-to-admins = made { $supervisor } <{ $supervisor_email }> the supervisor of { $name } <{ $email }>
mail-change-supervisor-removed-to-admins = removed { $supervisor } <{ $supervisor_email }> as the supervisor of { $name } <{ $email }>
mail-change-password-to-person = set a new password for your account and signed you out everywhere
mail-change-password-to-admins = set a new password for { $name } <{ $email }> and signed them out everywhere
mail-contact-nobody = the person responsible for Rapport in your organisation
mail-contact-admins = another administrator ({ $list })
mail-account-subject = Your Rapport account: { $change }
mail-account-changed = { $by } { $change } on your Rapport account ({ $email }) at { $when }.
mail-account-unexpected = If this was not expected, contact { $contact } straight away.
mail-admin-subject = Rapport: { $change } of { $name } by { $by }
mail-admin-changed = { $by } { $change } at { $when }.
mail-admin-why = You are told because you are an administrator. If this was not expected, check the audit log (Administration > Audit log) and speak to { $actor } straight away.

## The audit log's CSV export: column headers.

export-audit-seq = seq
export-audit-time-utc = time_utc
export-audit-actor-id = actor_id
export-audit-actor = actor
export-audit-action = action
export-audit-resource-type = resource_type
export-audit-resource-id = resource_id
export-audit-client-id = client_id
export-audit-ip = ip
export-audit-user-agent = user_agent
export-audit-outcome = outcome
export-audit-detail = detail
export-audit-prev-hash = prev_hash
export-audit-hash = hash

## E-mails: session reminders to clients (rapport-app reminders.rs).

mail-reminder-subject = Reminder: your session on { $when }
mail-reminder-when-at = { $date } at { $time }
mail-reminder-body = This is a reminder of your session with { $org } on { $when }.
mail-reminder-fill-in = Before the session, please fill in:
mail-reminder-links = Each link works once and for 7 days.
mail-reminder-cannot-come = If you cannot come, please tell your clinician.
mail-reminder-danger = If you are in danger or cannot keep yourself safe, call your local emergency number now.

## E-mails: wrong two-step codes (rapport-app auth/second_step.rs).

mail-wrong-codes-subject = { $org }: wrong two-step codes on your account
mail-wrong-codes-body = On { $when } someone signed in to your { $org } account with your password and then entered { $count } wrong two-step verification codes (from address { $address }).
mail-wrong-codes-advice = If this was not you, your password is known to someone else: change it now on your account page and tell your administrator.
mail-wrong-codes-unknown-address = unknown

## E-mails: certification renewals (rapport-app supervision.rs) and group checks (groups.rs).

mail-renewal-subject =
    { $state ->
        [expired] Rapport: your { $pathway } certification expired on { $date }
       *[other] Rapport: your { $pathway } certification expires on { $date }
    }
mail-renewal-body =
    { $state ->
        [expired] Your { $pathway } certification expired on { $date }. Talk with your supervisor about renewing it; your progress is on your professional record (My account in Rapport: { $url }).
       *[other] Your { $pathway } certification expires on { $date }. Talk with your supervisor about renewing it; your progress is on your professional record (My account in Rapport: { $url }).
    }
mail-renewal-supervisor-subject =
    { $state ->
        [expired] Rapport: { $name }'s { $pathway } certification expired on { $date }
       *[other] Rapport: { $name }'s { $pathway } certification expires on { $date }
    }
mail-renewal-supervisor-body =
    { $state ->
        [expired] { $name }'s { $pathway } certification expired on { $date }. Their professional record in Rapport shows what renewal needs: { $url }
       *[other] { $name }'s { $pathway } certification expires on { $date }. Their professional record in Rapport shows what renewal needs: { $url }
    }
mail-group-check-subject = Rapport: a group member needs a check today
mail-group-check-body =
    { $count ->
        [one] { $name } recorded a group meeting in which { $count } member gave a positive answer to a question about self-harm. The risk flag is open in Rapport: { $url }
       *[other] { $name } recorded a group meeting in which { $count } members gave a positive answer to a question about self-harm. The risk flag is open in Rapport: { $url }
    }
mail-group-check-call = Please call { $name } today.

## E-mails: client portal invitations and resets (rapport-app portal_access.rs), in the client's language.

mail-portal-hello = Hello,
mail-portal-subject =
    { $purpose ->
        [reset] Your new sign-in code for { $org }'s client portal
       *[other] Your invitation to { $org }'s client portal
    }
mail-portal-intro =
    { $purpose ->
        [reset] { $name } has reset your access to the client portal of { $org }. There you can fill in questionnaires before your appointments, keep a diary between sessions and see what you and your clinician agreed.
       *[other] { $name } has invited you to the client portal of { $org }. There you can fill in questionnaires before your appointments, keep a diary between sessions and see what you and your clinician agreed.
    }
mail-portal-how =
    { $purpose ->
        [reset] To set your e-mail address and a new password, open { $url } and choose a password. Your code is { $code } and it works until { $until }.
       *[other] To set up your account, open { $url } and choose a password. Your code is { $code } and it works until { $until }.
    }
mail-portal-ignore = If you did not expect this e-mail, you can ignore it.
mail-portal-reset-subject = Your { $org } client portal access is being reset
mail-portal-reset-body = On { $when } { $name } issued a code that lets someone set a new e-mail address and password for your client portal account at { $org }. When the code is used, this address ({ $email }) will no longer sign in.
mail-portal-reset-advice = If you asked for this, there is nothing to do. If you did not, contact { $org } straight away.

## Validation errors of these pages (rapport-app admin, account, setup; rapport-core organisation).

admin-error-role = Choose a role: administrator, supervisor, clinician, group facilitator or programme manager
admin-error-name = Enter a name
admin-error-name-long = The name must be at most 120 characters
admin-error-supervisees = Choose supervisees from the list of active clinicians, facilitators and other supervisors
admin-error-site = Choose a site from the list
admin-error-email = Enter an email address like name@example.org
admin-error-supervisor = Choose an active supervisor from the list
admin-error-admin-supervised = Administrators and programme managers are not supervised
admin-error-role-still-responsible =
    { $count ->
        [one] Still the responsible clinician of { $count } client with an open course or risk flag: hand it over to another clinician before making this person a programme manager
       *[other] Still the responsible clinician of { $count } clients with open courses or risk flags: hand them over to another clinician before making this person a programme manager
    }
admin-error-email-taken = An account with this email address already exists
admin-error-last-admin = This is the only active administrator; make someone else an administrator first
admin-error-own-role = You cannot change your own role or caseload; ask another administrator
admin-error-own-supervision = You cannot change your own supervision; ask another administrator
admin-error-holder = Choose an active clinician who holds a caseload
admin-error-not-theirs = This client is not one of theirs with open work
admin-error-takes-over = Choose who takes over: one person for all, or one for each client
admin-error-org-name = Enter the organisation's name
admin-error-org-name-long = The organisation's name must be at most 120 characters
admin-error-duty = The duty clinician must be an active account that holds a caseload
account-error-new-mismatch = The two new passwords do not match
account-error-same = The new password must differ from the current one
account-error-token-name = Name the token (at most 80 characters), e.g. “reporting script”
account-error-language = Choose one of the languages listed
setup-error-org-name = Enter the name of your practice or organisation
setup-error-country = Enter the country you work in, so clients are shown the right crisis lines
setup-error-name = Enter your name
setup-error-mismatch = The two passwords do not match
admin-error-crisis-none = Enter at least one crisis resource (one per line)
admin-error-crisis-lines = Crisis resources: at most 12 lines
admin-error-crisis-line-long = Crisis resources: each line must be at most 200 characters
admin-error-country = The country must be at most 60 characters on one line
admin-error-time-zone = Time zone: enter a name from the time-zone database, such as Europe/London
admin-error-idle = Idle timeout must be a whole number from { $min } to { $max }
admin-error-lifetime = Maximum session length must be a whole number from { $min } to { $max }
admin-error-break-glass = Emergency access duration must be a whole number from { $min } to { $max }
admin-error-risk-ack = Acknowledgement deadline (hours) must be a whole number from { $min } to { $max }
admin-error-recordings = Keep session recordings for (days; 0: no recordings) must be a whole number from { $min } to { $max }
admin-error-closeness-rings = Rings of the closeness circle must be a whole number from { $min } to { $max }
admin-error-closeness-rings-in-use =
    { $count ->
        [one] One person is in a ring beyond ring { $rings }. Move them closer in their client’s inventory first, or keep more rings.
       *[other] { $count } people are in rings beyond ring { $rings }. Move them closer in their clients’ inventories first, or keep more rings.
    }
admin-error-risk-assess = Assessment deadline (hours) must be a whole number from { $min } to { $max }
account-password-too-short = Password must be at least { $min } characters (a few words work well)
account-password-too-long = Password must be at most { $max } characters
account-password-common = This password is too common: choose something others would not guess
account-password-contains-email = Password must not contain your email address
admin-audit-outcome-success = success
admin-audit-outcome-denied = denied

## Machine clients (SMART Backend Services)
admin-fhir-clients-title = Machine clients
admin-fhir-clients-subtitle = Systems that may fetch records in bulk over FHIR, such as a data warehouse or another clinic's system
admin-fhir-clients-none = No machine clients yet.
admin-fhir-clients-id = Client id
admin-fhir-clients-scopes = Scopes
admin-fhir-clients-disabled = Disabled
admin-fhir-clients-actions = Actions
admin-fhir-clients-disable = Disable
admin-fhir-clients-disable-named = Disable { $name }
admin-fhir-clients-add = Register a machine client
admin-fhir-clients-how = The system signs a short message with its private key and sends it to { $url } to get a five-minute access token. Its client id (shown above once registered) goes in that message.
admin-fhir-clients-keys = Public keys
admin-fhir-clients-keys-hint = Paste the system's public key set as JSON (a JWKS with RSA or EC P-384 keys). Never paste a private key.
admin-fhir-clients-scopes-hint = What it may read, separated by spaces: system/*.read for everything, or for example system/Observation.read system/Patient.read.
admin-fhir-clients-add-button = Register the client
