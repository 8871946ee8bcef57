# Scores in words (crates/rapport-i18n/src/scores.rs). English pages show the
# instrument definition's own band labels; these are what other languages translate.
band-minimal = Minimal
band-mild = Mild
band-moderate = Moderate
band-moderately-severe = Moderately severe
band-severe = Severe
band-very-severe = Very severe
band-none = None
band-negative = Negative screen
band-positive = Positive screen: offer the PHQ-9
band-below-threshold = Below the cut-offs
band-possible-depression = Possible depression (≥10)
band-probable-depression = Probable depression (≥13)
band-likely-depression = Poor well-being; likely depression (≤28%)
band-poor-wellbeing = Poor well-being (raw < 13): screen for depression
band-adequate-wellbeing = Adequate well-being
band-phq9-minimal = None or minimal
band-hamd17-none = No depression
risk-words-suicide = suicide
risk-words-self-harm = thoughts of self-harm
risk-words-death-or-suicide = thoughts of death or suicide

score-baseline = the baseline (first score of this course)
score-no-change = no change from baseline
score-change = { $change } from baseline
score-change-and = { $change }, { $category }
score-reliable-improved = reliable improvement
score-reliable-deteriorated = reliable deterioration
score-reliable-none = no reliable change
score-meaningful-improved = meaningful improvement
score-meaningful-deteriorated = meaningful deterioration
score-meaningful-none = no meaningful change
score-with-band = { $instrument } = { $total } ({ $band })
score-total = { $instrument } = { $total }
score-no-total = { $instrument }: no total
score-no-total-blank = { $count ->
    [one] { $instrument }: no total (question { $questions } left blank)
   *[other] { $instrument }: no total (questions { $questions } left blank)
}
score-sentence = { $score }, { $change }

answer-not-answered = not answered
answer-code = answer { $code }
answer-option = Option { $number }
question-risk = Question { $number } ({ $words })
question-plain = Question { $number }
question-named-risk = { $instrument } question { $number } ({ $words })
question-named = { $instrument } question { $number }
question-answer = { $question }: { $answer }
question-scored = { $question } scored { $score }

mode-in-session = in session
mode-on-behalf = entered on the client's behalf
mode-portal = by the client in the portal
mode-link = by the client through a questionnaire link
mode-other = other
answer-item = Item { $number }
answer-with-code = { $answer } (code { $code })

score-category-improved = improved
score-category-deteriorated = deteriorated
score-category-none = no change
score-off-track-deterioration = reliable deterioration since the baseline
score-off-track-no-improvement = no improvement by the review point
score-off-track-too-little-reduction = too small a drop by the review point (this questionnaire has no reliable-change norms, so a percentage drop is used)
score-nhs-final = final
score-nhs-provisional = provisional

outcome-one-score = one score so far
outcome-meaningful-points = { $words } (10 points)
outcome-not-defined = not defined for this measure
outcome-na = n/a
outcome-na-below-caseness = n/a (baseline below caseness)
outcome-na-not-a-case = n/a (not a case at the start)
outcome-below-caseness-now = below caseness now
outcome-still-at-caseness = still at caseness

threshold-caseness = at caseness
threshold-evaluate = evaluate for anxiety
threshold-possible-depression = possible depression
threshold-probable-depression = probable depression
threshold-positive-screen = positive screen
threshold-poor-wellbeing = poor well-being
threshold-likely-depression = likely depression
