## The client's side: the portal, measure links and the kiosk, in the client's
## language; and the care team's portal page and kiosk hand-over.

## The portal's frame (templates/portal_base.html).

portal-help-now = Help now
portal-nav-label = Your pages
portal-nav-home = Home
portal-nav-diary = Diary
portal-nav-safety-plan = Safety plan
portal-footer-unsafe = If you feel unsafe or might harm yourself, { $link }. Messages here are not watched live.
portal-footer-get-help = get help now
portal-back-home = Back to your home page
portal-crisis-title = If you need help now
portal-language-unknown = Choose one of the languages listed

## Notices after a change.

portal-notice-reauth-failed = You were signed out after too many wrong passwords. Sign in again.
portal-notice-diary = Saved in your diary. Your clinician will see it before your next appointment.
portal-notice-reflection = Thank you. Your clinician will read your thoughts before your next appointment.
portal-notice-password = Password changed. You were signed out everywhere else.

## Sign in and set up (portal_login.html, portal_join.html).

portal-login-email = Email address
portal-login-first-time = First time here? { $link }.
portal-login-join-link = Set up your account with your invitation code
portal-login-forgotten = Forgotten your password? Ask your clinician to reset your portal access.
portal-join-title = Set up your account
portal-join-intro = Your clinician gave you an invitation with a code. Enter it here and choose a password.
portal-join-code = Invitation code
portal-join-email = Your email address
portal-join-email-hint = You will use it to sign in.
portal-join-password = Choose a password
portal-join-password-again = Type the password again
portal-join-submit = Create my account
portal-join-already = Already set up? { $link }.

## Help now (portal_help.html).

portal-help-intro = If you are thinking about harming yourself or ending your life, or you feel unsafe, please contact one of these straight away. You do not have to wait for your next appointment.
portal-help-not-live = This portal is not watched live. Your clinician reads what you send here at or before your next appointment.

## Home (portal_home.html).

portal-home-hello = Hello, { $name }
portal-home-due-title = Questionnaires for you
portal-home-due-none = Nothing to fill in right now. Thank you.
portal-home-due-intro = Please fill these in before your next appointment. Each takes a few minutes.
portal-home-due-waiting = Waiting since your last appointment
portal-home-due-follow-up =
    { $months ->
        [one] Follow-up at { $months } month
       *[other] Follow-up at { $months } months
    }
portal-home-work-title = Work at home
portal-home-work-agreed = Agreed at your appointment on { $date }
portal-home-work-none = Nothing agreed yet. You and { $clinician } may agree something to try between appointments.
portal-home-next-title = Your next appointment
portal-home-next-at = { $date } at { $time }
portal-home-next = { $when }, with { $clinician }.
portal-home-next-none = No appointment is booked yet. Your clinician is { $clinician }.
portal-home-diary-title = Since we last met
portal-home-diary-intro = Write down how you feel and what happens with the people in your life. Your clinician reads it before your next appointment.
portal-home-diary-count =
    { $count ->
        [0] No diary entries in the last 7 days.
        [one] { $count } diary entry in the last 7 days.
       *[other] { $count } diary entries in the last 7 days.
    }
portal-home-diary-write = Write in my diary

## Questionnaires (portal_measure.html, portal_measure_done.html; the measure-link
## and kiosk pages share these).

portal-measure-send = Send my answers
portal-measure-send-anyway = Send anyway
portal-measure-who-reads = Your answers go to your clinician, who will read them at or before your next appointment. This is not watched live. If you need help now, { $link }.
portal-measure-who-to-contact = see who to contact
portal-done-title = Thank you
portal-done-sent = Your answers have been sent to your clinician.
portal-done-not-live = Your clinician will see them at or before your next appointment. They are not monitored live.
portal-done-follow-up-title = One more questionnaire, please
portal-done-follow-up = Your answers suggest it would help your clinician to know a little more. Please fill in the { $questionnaire } now; it takes a few minutes.
portal-done-follow-up-answer = Answer the { $questionnaire }

## My progress (portal_progress.html).

portal-progress-title = My progress
portal-progress-hidden = Your clinician will go through your questionnaire results with you at your appointments.
portal-progress-none = Your results will show here once you have filled in a questionnaire.
portal-progress-intro = Each line shows your scores over time. For these questionnaires a lower score means fewer symptoms. The shaded bands show what ranges of scores usually mean; your clinician can talk them through with you.
portal-progress-as-table = { $questionnaire } as a table
portal-progress-scores = { $questionnaire } scores
portal-progress-date = Date
portal-progress-score = Score
portal-progress-range = Range

## My plan (portal_plan.html).

portal-plan-title = My plan
portal-plan-focus-title = What we are working on
portal-plan-focus-none = You and your clinician will agree what to focus on in the first few appointments. It will show here.
portal-plan-agreed-on = Agreed on { $date }
portal-plan-goals-title = My goals
portal-plan-goals-none = No goals agreed yet.
portal-plan-goal-rated = last rated { $rating } out of 10
portal-goal-active = Active
portal-goal-achieved = Achieved
portal-goal-revised = Revised
portal-goal-dropped = Dropped
portal-plan-thoughts-title = My thoughts
portal-plan-thoughts-intro = Is something missing, or not quite right? Write it here for your clinician.
portal-plan-thoughts-about = About
portal-plan-thoughts-yours = Your thoughts
portal-plan-thoughts-send = Send to my clinician
portal-plan-thoughts-before = What you wrote before
portal-reflection-error-topic = Choose what your thoughts are about: formulation or goals
portal-reflection-error-body = Write your thoughts before sending

## My diary (portal_diary.html).

portal-diary-title = My diary
portal-diary-new-title = How has it been?
portal-diary-new-intro = Note your mood, something that happened with someone, or both. Your clinician reads it before your next appointment.
portal-diary-day = Day
portal-diary-mood = My mood, from 0 (very low) to 10 (very good)
portal-diary-event = What happened with someone? (optional)
portal-diary-person = Who was it with? (optional)
portal-diary-effect = How did it leave you feeling? (optional)
portal-diary-effect-better = I felt better
portal-diary-effect-worse = I felt worse
portal-diary-effect-no-change = No change
portal-diary-save = Save in my diary
portal-diary-past-title = The last 60 days
portal-diary-past-none = Nothing written yet.
portal-diary-error-day-missing = Choose the day this is about
portal-diary-error-day-too-old = The day must be within the last 60 days
portal-diary-error-mood-number = Mood must be a whole number from 0 to 10
portal-diary-error-effect = Choose better, worse or no change
portal-diary-error-event-missing = Write what happened
portal-diary-error-empty = Choose your mood, or write what happened (or both)

## My safety plan (portal_safety_plan.html).

portal-safety-title = My safety plan
portal-safety-version = Made with your clinician · version { $version }, { $date }
portal-safety-warning-signs = 1. Warning signs that a crisis may be coming
portal-safety-coping = 2. Things I can do on my own to take my mind off things
portal-safety-distractions = 3. People and places that help me feel better
portal-safety-people = 4. People I can ask for help
portal-safety-professionals = 5. Professionals and services I can contact
portal-safety-environment = 6. Making my surroundings safer
portal-safety-reasons = 7. What matters to me and is worth living for

## Change my password (portal_password.html).

portal-password-title = Change my password
portal-password-current = Current password
portal-password-new = New password
portal-password-hint = At least 12 characters. A few ordinary words together work well.
portal-password-again = Type the new password again
portal-password-signs-out = Changing it signs you out on your other phones and computers.

## Measure links without an account (link_*.html).

link-created-title = Measure link · { $client }
link-footer-unsafe = If you feel unsafe or might harm yourself, { $link }. Answers here are not watched live.
link-form-who-reads = Your answers go to your clinician, who will read them at or before your next appointment. This is not watched live.
link-done-close = You can close this page.
link-gone-unknown-title = This link does not work
link-gone-unknown = Check that you copied the whole link. If it still does not work, ask your clinician for a new one.
link-gone-used-title = This questionnaire has already been sent
link-gone-used = Thank you: your answers were received. Each link can be used once. If you need to change an answer, tell your clinician at your next appointment.
link-gone-expired-title = This link has expired
link-gone-expired = Links last 7 days. Ask your clinician for a new one if they would like you to fill it in.
link-gone-refused-title = This link can no longer be used
link-gone-refused = Nothing was saved. Ask your clinician for a new link.

## Kiosk mode: the questionnaires handed to the client (kiosk_*.html).

kiosk-footer-unsafe = If you feel unsafe or might harm yourself, { $link }. Your answers are not watched live.
kiosk-return-title = Return to clinician
kiosk-greeting =
    { $after ->
        [0] Hello { $name }. Your clinician asked you to answer this questionnaire.
       *[other] Hello { $name }. Your clinician asked you to answer this and { $after } more.
    }
kiosk-measure-who-reads = Your answers go to your clinician. If you need help now, { $link }.
kiosk-done-thanks = Thank you, { $name }
kiosk-done-all-title = All done
kiosk-done-all = All done, { $name }
kiosk-support-title = You do not have to cope alone
kiosk-support-intro = Thank you for telling us how things have been. Please tell your clinician how you are feeling when you hand the device back. If you are thinking about harming yourself or ending your life, or you feel unsafe now, you can also contact one of these straight away:
kiosk-done-one-more = There is one more questionnaire: the { $questionnaire }.
kiosk-done-next = Next questionnaire
kiosk-done-hand-back = There are no more questionnaires. Please hand the device back to your clinician.
kiosk-help-intro = If you are thinking about harming yourself or ending your life, or you feel unsafe, please tell your clinician now, or contact one of these straight away:
kiosk-back = Back to the questionnaires

## Kiosk mode: the clinician's side (kiosk_handover.html, kiosk_unlock.html).

kiosk-handover-page-title = Hand over: { $client }
kiosk-handover-crumb = Hand over
kiosk-handover-title = Hand over for questionnaires
kiosk-handover-pin-first = Set a kiosk PIN first.
kiosk-handover-pin-why = The PIN locks this device back to you when the client hands it back.
kiosk-handover-pin-set = Set a kiosk PIN on your account page
kiosk-handover-intro = This browser will show only { $client }'s questionnaires, in the client's own words and without scores, until you type your kiosk PIN. Your caseload, other clients and the rest of Rapport stay locked meanwhile; five wrong PINs sign you out.
kiosk-handover-due = Due now
kiosk-handover-choose = Nothing is due now. Choose what to offer
kiosk-handover-start = Hand over now
kiosk-handover-back = Back to { $client }
kiosk-handover-no-pin = Set a kiosk PIN on your account page before handing over the device
kiosk-handover-unknown = Choose questionnaires from the list
kiosk-handover-none-picked = Nothing is due: choose at least one questionnaire to offer
kiosk-pin-mismatch = The two PINs do not match
kiosk-unlock-intro = For { $clinician }: type your kiosk PIN to end kiosk mode. Five wrong PINs sign you out.
kiosk-unlock-pin = Kiosk PIN
kiosk-unlock-submit = Unlock
kiosk-unlock-wrong-pin =
    { $left ->
        [1] That PIN is not right. One more wrong PIN signs you out.
       *[other] That PIN is not right. { $left } of { $tries } tries are left.
    }

## The care team's portal page (client_portal.html) and a printed code
## (portal_invite_created.html).

portal-staff-breadcrumb = Breadcrumb
portal-staff-page-title = Portal · { $client }
portal-staff-crumb = Portal
portal-staff-subtitle = Client portal
portal-staff-emergency = Emergency access.
portal-staff-emergency-text = You are not on this client's care team. This access is recorded with your reason and will be reviewed by an administrator.
portal-staff-account-title = Account
portal-staff-active = Active
portal-staff-turned-off = Turned off
portal-staff-signs-in-as = Signs in as { $email }
portal-staff-set-up = set up { $date }
portal-staff-last-active = last active { $date }
portal-staff-turn-off = Turn off the account
portal-staff-turn-off-hint = Turning it off signs the client out at once. Resetting portal access lets them back in, with a new password.
portal-staff-no-account = No portal account yet.
portal-staff-no-account-invite = No portal account yet. Invite the client below.
portal-staff-readonly = You are here through emergency access: invitations, the portal account, sharing and questionnaire links stay with the care team.
portal-staff-invite-title = Invite the client
portal-staff-invite-intro = The client uses a one-time code to set their own password at /portal/join. A code works once and for { $days } days; a new invitation withdraws any open one.
portal-staff-on-paper = On paper
portal-staff-invite-paper-hint = Shows the code once, on a page you can print or read out.
portal-staff-invite-paper = Create a printed invitation
portal-staff-by-email = By e-mail
portal-staff-client-email = Client's email address
portal-staff-invite-email = E-mail an invitation
portal-staff-invite-email-hint = Sent from the outbox when e-mail delivery is configured; the code is not kept after sending.
portal-staff-reset-title = Reset portal access
portal-staff-reset-intro = When the client has forgotten their password, lost access to their e-mail or the account was turned off, a reset code lets them choose a new e-mail address and password. The account's current address is told at once, and its sessions end when the code is used.
portal-staff-reset-paper-hint = Shows the reset code once, to give to the client in person.
portal-staff-reset-paper = Create a printed reset code
portal-staff-reset-address = Address to send the reset code to
portal-staff-reset-email = E-mail a reset code
portal-staff-reset-responsible-only = Only the responsible clinician, { $clinician }, can reset the client's portal access.
portal-staff-codes-title = Codes issued
portal-staff-col-created = Created
portal-staff-col-by = By
portal-staff-col-kind = Kind
portal-staff-col-how = How
portal-staff-col-expires = Expires
portal-staff-col-status = Status
portal-staff-col-actions = Actions
portal-staff-kind-reset = Reset
portal-staff-how-email = E-mail to { $email }
portal-staff-how-printed = Printed
portal-staff-status-open = Open
portal-staff-status-used = Used
portal-staff-status-expired = Expired
portal-staff-status-withdrawn = Withdrawn
portal-staff-withdraw = Withdraw
portal-staff-sharing-title = What the portal shows
portal-staff-share-chart = Show the client their own questionnaire scores as a chart
portal-staff-share-plan = Share the formulation (its plain-language statement and problem areas) and goals, read-only, with room for the client's own thoughts
portal-staff-save = Save
portal-staff-chart-hidden = Questionnaire chart: hidden.
portal-staff-chart-shown = Questionnaire chart: shown.
portal-staff-plan-shared = Formulation and goals: shared.
portal-staff-plan-not-shared = Formulation and goals: not shared.
portal-staff-always-shown = Always shown: questionnaires due, work at home from the last signed note, the next appointment, the diary and crisis resources.
portal-staff-safety-plan-shared = Safety plan version { $version } is shared (choose this when saving a version on a risk flag).
portal-staff-safety-plan-not-shared = Safety plan version { $version } is not shared (choose this when saving a version on a risk flag).
portal-staff-no-safety-plan = There is no safety plan yet.
portal-staff-diary-title = Diary (last 60 days)
portal-staff-diary-none = The client has not written in their diary.
portal-staff-reflections-title = The client's thoughts on the shared plan
portal-staff-reflections-none = None yet.
portal-staff-delivery = Choose how to give the code: print or e-mail
portal-staff-email-invalid = Enter the client's email address, like name@example.org
portal-invite-page-title = Portal invitation · { $client }
portal-invite-page-title-reset = Portal access reset · { $client }
portal-invite-crumb = Invitation
portal-invite-crumb-reset = Reset code
portal-invite-created = Invitation created. The code is shown only now: print this page or read the code out. It cannot be shown again.
portal-invite-created-reset = Reset code created. The account's current address was told. The code is shown only now: print this page or read the code out. It cannot be shown again.
portal-invite-letter-title = Your invitation to { $organisation }'s client portal
portal-invite-letter-reset-title = Your new sign-in code for { $organisation }'s client portal
portal-invite-for = For { $client }
portal-invite-what = In the portal you can fill in questionnaires before your appointments, keep a diary between sessions, and see what you and your clinician agreed.
portal-invite-step-go = Go to { $address }
portal-invite-relative-address = this service's address followed by { $path }
portal-invite-step-code = Enter your code:
portal-invite-step-password = Enter your email address and choose a password.
portal-invite-step-password-reset = Enter your email address and choose a new password.
portal-invite-until = The code works once, until { $date }.
portal-invite-unsafe = If you feel unsafe or might harm yourself, do not wait for the portal: the portal's "Help now" page lists who to contact.
portal-invite-print = Use your browser's Print command; navigation and buttons are left out of the printout.
portal-invite-back = Back to the portal page

## The diary is not watched live (issue 19 item 3, decision 50)
portal-diary-not-live = Your diary is not watched live: nobody is told as soon as you write. If you need help now, { $link }.
