## PDF documents about a course: the end-of-treatment summary, the letter to
## the GP or prescriber, the progress report (docs/letters-and-research.md).
## A site can reword any of them with an adaptation.

doc-page = Page { $page } of { $pages }
doc-confidential = Confidential: this document contains health information. It contains no psychotherapy process notes.
doc-goals = Goals and their outcome
doc-outcomes = Scores: first and last
doc-scores = Scores over time
doc-risk = Risk history
doc-no-scores = No scores were recorded in this course.
doc-chart-alt =
    { $count ->
        [one] Line chart of { $measure } scores: one score, { $last }, on { $last_on }.
       *[other] Line chart of { $measure } scores: { $count } scores from { $first_on } to { $last_on }, going from { $first } to { $last } (lowest { $lowest }, highest { $highest }).
    }
doc-chart-alt-cutoff = A dashed line marks caseness ({ $cutoff }).
doc-no-goals = No goals were recorded.
doc-col-measure = Measure
doc-col-first = First (date)
doc-col-last = Last (date)
doc-col-change = Change
doc-col-reliable = Reliable change
doc-col-recovery = Recovery
doc-col-goal = Goal
doc-col-goal-status = Status
doc-col-ratings = Rating (0-10)
doc-col-date = Date
doc-col-score = Score
doc-col-band = Severity
doc-rating-change = { $first } at first, { $last } at last
doc-rating-one = { $rating }, rated once
doc-rating-none = not rated
doc-nhs-status = NHS Talking Therapies status
doc-nhs-recovery = Recovery
doc-nhs-reliable-improvement = Reliable improvement
doc-nhs-reliable-recovery = Reliable recovery
doc-nhs-reliable-deterioration = Reliable deterioration
doc-risk-count =
    { $count ->
        [0] No risk flag was raised during the course.
        [one] One risk flag was raised during the course; { $open } still open.
       *[other] { $count } risk flags were raised during the course; { $open } still open.
    }
doc-risk-line = { $date }: { $source }; { $status }
doc-risk-from-measure = from a { $measure } answer
doc-risk-from-clinician = raised by a clinician
doc-progress-heading = Progress report
doc-letter-title = Letter about treatment
doc-letter-re = Re: { $name }
doc-letter-re-born = Re: { $name }, born { $date }
doc-letter-dear = Dear { $name },
doc-letter-intro = I am writing about { $name }, who started Interpersonal Psychotherapy (IPT) with me on { $start } and has attended { $attended } of { $planned } planned sessions.
doc-letter-scores = Current scores
doc-letter-risk = Risk
doc-letter-risk-open =
    { $count ->
        [one] There is an open risk flag, raised on { $date } ({ $status }).
       *[other] There are { $count } open risk flags; the latest was raised on { $date } ({ $status }).
    }
doc-letter-risk-none =
    { $count ->
        [0] No risk flag has been raised during treatment.
       *[other] No risk flag is open; { $count } raised during treatment have been closed.
    }
doc-letter-recommendations = Recommendations
doc-letter-closing = Yours sincerely,
doc-letter-error-recipient = Enter the name of the person the letter is to.
doc-letter-error-too-long = This is too long.
doc-letter-error-language = Choose one of the languages in the list.

## Staff pages: the course page's buttons and the letter form.
doc-download-summary = Download summary (PDF)
doc-write-letter = Write a letter
doc-download-progress = Progress report (PDF)
doc-documents = Documents
doc-letter-form-title = Letter to the GP or prescriber
doc-letter-form-intro = The letter is made as a PDF for you to download, check and send. It shows the client's current scores and risk status from the record; process notes are never included. Nothing you type here is saved.
doc-letter-recipient-name = Recipient's name
doc-letter-recipient-name-hint = For example Dr A. Patel
doc-letter-recipient-address = Recipient's address
doc-letter-summary = Short summary
doc-letter-summary-hint = What the treatment focused on and how it went.
doc-letter-recommendations-field = Recommendations
doc-letter-language = Language of the letter
doc-letter-language-hint = The client's preferred language is chosen when the record has one.
doc-letter-download = Download the letter (PDF)
