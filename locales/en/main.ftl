## The page frame shared by every staff page (templates/base.html, auth_base.html).

skip-to-content = Skip to main content
nav-main = Main
nav-today = Today
nav-caseload = Caseload
nav-calendar = Calendar
nav-emergency-access = Emergency access
nav-risk-flags = Risk flags
nav-not-yet-closed = not yet closed
nav-groups = Groups
nav-supervision = Supervision
nav-programme = Programme
nav-users = Users
nav-sites = Sites
nav-fhir-clients = Machine clients
nav-adaptations = Adaptations
nav-audit-log = Audit log
nav-access-reviews = Access reviews
nav-waiting = waiting
nav-settings = Settings
nav-my-account = My account
signed-in-as = Signed in as
sign-out = Sign out
role-admin = Administrator
role-supervisor = Supervisor
role-clinician = Clinician
role-facilitator = Group facilitator
role-programme-manager = Programme manager
role-client = Client
risk-flags-open =
    { $count ->
        [one] { $count } risk flag on your clients is not yet closed: review now.
       *[other] { $count } risk flags on your clients are not yet closed: review now.
    }
footer-confidential = { $organisation } · Rapport · Records are confidential; every access is recorded.

## The language switcher in the footer.

language-label = Language
language-change = Change language

## The sign-in page (templates/login.html) and its notices.

sign-in = Sign in
sign-in-not-set-up = Rapport is not set up yet. Open the one-time setup link printed in the terminal by { $command }.
error-prefix = Error:
error-summary-title = There is a problem
sign-in-email = Email
sign-in-password = Password
sign-in-forgotten = Forgotten your password? Ask your Rapport administrator to set a new one.
sign-in-notice-signed-out = You have signed out.
sign-in-notice-setup = Your administrator account is ready. Sign in to continue.
sign-in-notice-expired = Your session has ended. Sign in again.
sign-in-notice-password = Password changed. Sign in with your new password.
sign-in-notice-verify-expired = The sign-in took too long or had too many wrong codes. Sign in again.
sign-in-notice-reauth-failed = You were signed out after too many wrong current passwords. Sign in again.
sign-in-notice-kiosk-signed-out = Kiosk mode ended after too many wrong PINs, and you were signed out. Sign in again.

sign-in-refused-incomplete = Enter your email address and password.
sign-in-refused-wrong-password = The email address or password is not right.
sign-in-refused-wrong-code = That code is not right, or was already used. Enter the current code from your app, or a recovery code.
sign-in-refused-throttled = Too many failed attempts. Wait { $seconds } seconds, then try again.

## The language section of the account page (templates/account.html).

account-language-title = Language
account-language-hint = Rapport shows its pages to you in this language. Pages not yet translated stay in English.
account-language-save = Save language
account-language-saved = Language saved.
account-language-negotiated = You have not chosen one: Rapport follows your browser, then your organisation's default.

# A form refused by the cross-site request check (security.rs).
csrf-other-site = This request came from another site.
csrf-expired = Your form has expired.
csrf-refused = { $reason } Go back, reload the page and try again.
csrf-too-large = The form is too large to send.

# A telephone number's link, as a screen reader says it (html/phone.rs).
phone-call = Call { $number }
phone-text = Text { $number }
