## Measures (crates/rapport-web/src/ui/measures.rs, html/questionnaire.rs, html/charts.rs):
## the client's Measures page, the measure form, one response, the outcomes card and measure links.

## Shared words
measure-breadcrumb = Breadcrumb
measure-measures = Measures
measure-measure = Measure
measure-instrument = Instrument
measure-questionnaire = Questionnaire
measure-question = Question
measure-answer = Answer
measure-total = Total
measure-band = Band
measure-severity = Severity
measure-change = Change
measure-baseline = Baseline
measure-latest = Latest
measure-scores = Scores
measure-session = Session
measure-taken = Taken
measure-flags = Flags
measure-completed = Completed
measure-reliable-change = Reliable change
measure-response = Response
measure-remission = Remission
measure-recovery = Recovery
measure-yes = yes
measure-no = no
measure-not-applicable = n/a
measure-not-scored = (not scored)
measure-not-answered = not answered
measure-prorated = (prorated)
measure-risk-flag = Risk flag
measure-risk-flags = Risk flags
measure-risk-question = Risk question
measure-risk-question-badge = risk question
measure-score-count =
    { $count ->
        [one] { $count } score
       *[other] { $count } scores
    }
measure-back-to = Back to { $session }
# A session as the form and the response name it: "session 3 (2026-12-04)", "the session of 2026-12-04".
measure-session-numbered = { $session } ({ $date })
measure-session-dated = the session of { $date }

## The questionnaire's language (html/questionnaire.rs)
# A language's name inside a sentence.
measure-language-name =
    { $code ->
        [en] English
        [es] Spanish
        [fr] French
        [ar] Arabic
       *[other] { $code }
    }
measure-form-not-in-language = This questionnaire is not available in { $language }; it is shown in { $shown }.
measure-translation-credit = { $language } version:

## measures.html
measure-page-title = Measures · { $client }
measure-page-subtitle = Measures and outcomes
measure-flag-raised = { $by } flag raised { $when }
measure-flag-by-clinician = Clinician
measure-flag-closed = closed
measure-link-send = Send a questionnaire link
measure-link-send-hint = A single-use link the client can open on their phone without an account. It lasts 7 days; the answers are scored here and a risk answer raises a flag. Licensed and clinician-rated instruments cannot be sent.
measure-link-create = Create link
measure-link-readonly = You are here through emergency access: questionnaire links stay with the care team.
measure-links-created = Links created
measure-link-created = Created
measure-link-expires = Expires
measure-link-status = Status
measure-link-by = by { $name }
measure-link-used = Used
measure-link-expired = Expired
measure-link-unused = Not used yet
measure-link-once = A link is shown only once, when it is created; it cannot be shown again.
measure-schedule = Measurement schedule
measure-schedule-asks =
    { $custom ->
        [yes] This course asks
       *[no] By default this course asks
    } for these measures before { $every ->
        [1] every session
       *[other] every { $every } sessions, counted back from the last planned session so that it always has them (sessions { $sessions })
    }.
measure-schedule-overdue = Overdue
measure-schedule-overdue-why = a held session went without it
measure-schedule-due = Due
measure-schedule-due-when = before the next session
measure-schedule-up-to-date = up to date
measure-schedule-change = Change the schedule
measure-schedule-instruments = Instruments
measure-schedule-every = Before every … sessions
measure-every-sessions =
    { $every ->
        [1] every session
       *[other] every { $every } sessions
    }
measure-schedule-save = Save schedule
measure-schedule-confirm-no-risk = I confirm: this schedule has no risk question, and risk will be asked about another way
measure-record = Record a measure
measure-record-in-course = New measures are recorded as part of the current course
measure-clinician-rated = (clinician-rated)
measure-charts = Scores over time
measure-charts-hint-course = Session numbers are this course's held sessions; numbered markers are events from the client's timeline.
measure-charts-hint = Numbered markers are events from the client's timeline.
measure-chart-table = { $measure } scores as a table
measure-follow-ups = Follow-up measures
measure-ending-review = ending review
measure-positive-screen = Positive screen: give the { $measure } now
measure-positive-screen-why = The latest screening questionnaire was positive (PHQ-2 ≥ 3) and no { $measure } has been recorded since.
measure-record-named = Record the { $measure }
measure-outcomes = Outcomes
measure-computed-over = Computed over:
measure-mixes-courses = mixes courses: baselines are not comparable
measure-show-outcomes-for = Show outcomes for:
measure-scope-all = All responses
measure-outcomes-none = No complete measures yet.
measure-outcomes-by-instrument = Outcomes by instrument
measure-response-remission = Response / remission
measure-on-track = On track
measure-no-parameters = no parameters
measure-meaningful-change = meaningful change (10 points): { $category }
measure-response-yes = response
measure-response-no = no response
measure-baseline-below-caseness = (baseline below caseness)
measure-remission-yes = remission
measure-remission-no = no remission
measure-not-on-track = not on track
measure-nhs-heading = NHS Talking Therapies (first and last paired PHQ-9 and GAD-7) · { $status }
measure-nhs-provisional = Provisional: final once the course is closed after at least 2 attended sessions.
measure-nhs-provisional-all = Provisional: final once the course is closed after at least 2 attended sessions (open a course's measures for its categories).
measure-nhs-case-at-start = Case at start
measure-nhs-recovered = Recovered
measure-nhs-reliably-improved = Reliably improved
measure-nhs-reliably-recovered = Reliably recovered
measure-nhs-reliably-deteriorated = Reliably deteriorated
measure-nhs-not-a-case = n/a (not a case at start)
measure-responses = Responses
measure-responses-none = None recorded yet.
measure-responses-newest-first = Responses, newest first
measure-every-answer = Every answer of this response
measure-withheld = withheld (incomplete)
measure-flag-risk-unanswered = Risk question not answered: ask at next contact
measure-flag-late = sent after the link expired
measure-risk-question-positive = { $question } positive
measure-risk-number-positive = Risk question { $number } positive
measure-blank = blank: { $items }

## Charts (html/charts.rs): the chart's words, its region and its table
measure-chart-title = { $measure } scores
measure-chart-no-scores = No scores yet.
measure-chart-summary =
    { $count ->
        [one] { $count } score from { $first } to { $last }; latest { $latest } on { $latest_on }.
       *[other] { $count } scores from { $first } to { $last }; latest { $latest } on { $latest_on }.
    }
measure-chart-caseness-at = Caseness at { $value }.
measure-chart-events-marked =
    { $count ->
        [one] { $count } timeline event marked.
       *[other] { $count } timeline events marked.
    }
measure-chart-axis-total = { $measure } total
measure-chart-caseness-line = caseness { $cutoff }
measure-chart-event = Event { $number }, { $date }: { $label }
measure-chart-session-mark = S{ $number }
measure-chart-axis-sessions = Session (S) and date
measure-chart-axis-dates = Date

## measure_form.html
measure-form-for-session = for { $session }
measure-form-date-taken = Date taken
measure-form-date-session = The session's date.
measure-form-date-hint = An earlier date records a measure taken before (back-entry); never a date after today.
measure-form-licensed = This instrument is licensed: its text is not shipped. Use your licensed copy; the items and options below are placeholders in the same order.
measure-form-blank-hint = Leave an item blank if it was not answered: the form is then kept as incomplete, without a total, and risk items still count.
measure-form-item-scores-hint = Each answer shows the score it gives. Some questions score in reverse, so tick the answer the client chose, not a score printed on paper.
measure-form-item-score = scores { $score }
measure-form-grid-caption = { $measure }: one row per question, one column per answer
measure-form-mode = How was it taken?
measure-form-mode-in-session = In session
measure-form-mode-on-behalf = On the client's behalf (e.g. by phone)
measure-form-save = Save and score
measure-form-back-to-session = Back to the session

## Errors of a questionnaire form (rapport-app responses.rs)
measure-choose-an-option = Choose one of the options
measure-answer-at-least-one = Answer at least one question of the { $measure }

## response.html
measure-response-crumb = { $measure } of { $date }
measure-response-saved = Saved: { $sentence }
measure-response-flag-raised = A risk item was positive: a risk flag was raised.
measure-response-assess-now = Assess the risk now
measure-response-flag-status = This response raised a risk flag ({ $status }):
measure-response-see-flag = see the flag
measure-response-score = Score
measure-response-no-total = No total: { $score }
measure-response-cutoffs = Cut-offs
measure-response-population = { $population } ({ $source })
measure-response-language = Language
measure-response-language-unknown = not recorded
measure-response-answers = Answers
measure-response-licensed = This instrument is licensed: its item text is not shipped. Items are numbered as on your licensed copy.
measure-response-item-score = Score

## outcomes_card.html (the ending review and the end-of-treatment summary)
measure-outcomes-none-in-course = No complete measures in this course.
measure-outcomes-card-intro = Baseline (first score of this course) to latest score; reliable change, response and remission as on the
measure-outcomes-card-measures-page = Measures page
measure-outcomes-by-measure = Outcomes by measure
measure-outcomes-card-nhs = Recovery (NHS Talking Therapies, first and last paired PHQ-9 and GAD-7)

## measure_link_created.html
measure-link-crumb = Link
measure-link-title = { $measure } link
measure-link-give = Give this link to { $client }. It is shown only now: copy it before leaving this page.
measure-link-label = Link
measure-link-works-once = Works once, until { $expires }. The client sees no score; if they answer a risk item they see the organisation's crisis resources and a flag is raised for the responsible clinician. Nobody is watching answers live.
measure-link-back = Back to measures
measure-scope-course = Course from { $date } ({ $protocol }, { $status })
measure-scope-all-responses = All responses, across every course
measure-scope-outside = Responses outside any course
