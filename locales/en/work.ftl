## The formulation tab (templates/formulation.html, src/ui/formulation.rs).

formulation-title = Formulation · { $client }
formulation-sensitivity = Interpersonal sensitivity
formulation-sensitivity-legend = Interpersonal sensitivity (Stuart & Robertson)
formulation-sensitivity-hint = A characteristic of the person, not a problem area: marked sensitivity to how others react (fear of criticism or rejection; hurt, withdrawal or anger at a slight). It shapes how the chosen focus is worked on.
formulation-sensitivity-yes = Yes, a characteristic of the client
formulation-sensitivity-no = No
formulation-sensitivity-unrecorded = Not recorded
formulation-sensitivity-note-label = How it shows (optional)
formulation-sensitivity-note-hint = A line or two, for example with whom and in which situations.
formulation-error-sensitivity-protocol = { $protocol } does not record interpersonal sensitivity (the Stuart protocol does)
formulation-error-sensitivity-note = Say whether interpersonal sensitivity is a characteristic of the client before adding a note
formulation-error-sensitivity-choice = Choose yes, no or not recorded
formulation-agreed-checklist-done = Agreed with the client on { $agreed }; on the checklist as done on { $done }.
formulation-client-agreed-on = The client agreed the formulation on { $date }.
formulation-checklist-still-open = The initial-phase checklist item “{ $item }” is still open.
formulation-tick-done = Tick it as done on { $date }
formulation-problem-areas = Problem areas
formulation-not-started = not started
formulation-areas-hint = Each chosen area has a workspace for the work of the middle phase.
formulation-goals-tab-link = Goals are set on the Goals tab.
formulation-heading = Interpersonal formulation
formulation-version-line = Version { $version } · last changed { $when } by { $by }
formulation-not-written = Not written yet.
formulation-areas-legend = Problem areas (at most { $max })
formulation-areas-offered = One focus is preferred. { $protocol } offers these areas.
formulation-symptom-link-label = How the symptoms link to the interpersonal situation
formulation-symptom-link-hint = When the symptoms began or worsened, and what was happening in the client's relationships then.
formulation-shared-label = Formulation in plain words, to share with the client
formulation-shared-hint = Short, in the client's language; names the illness and the focus.
formulation-rationale-label = Rationale for this focus
formulation-rationale-hint = Why this area and not another.
formulation-agreed-on-label = Date the client agreed (optional)
formulation-agreed-on-hint = Leave empty until the client has agreed the formulation and focus.
formulation-save = Save formulation
formulation-link-to-symptoms = Link to symptoms
formulation-shared-with-client = Shared with the client
formulation-rationale = Rationale
formulation-agreed = Agreed
formulation-edit = Edit formulation
formulation-history = History
formulation-versions-newest-first =
    { $count ->
        [one] { $count } version, newest first
       *[other] { $count } versions, newest first
    }
formulation-version-change =
    Version { $version } · { $change ->
        [created] created
        [removed] removed
       *[other] updated
    } { $when } by { $by }
formulation-not-yet = not yet
formulation-none-chosen = none chosen
formulation-summary-dispute =
    with { $person }: { $stage ->
        [renegotiation] renegotiation
        [impasse] impasse
       *[dissolution] dissolution
    }
formulation-summary-experiments =
    { $count ->
        [one] { $count } social experiment
       *[other] { $count } social experiments
    }

## One problem area's workspace (templates/formulation_area.html).

formulation-back = Formulation
formulation-area-not-chosen = This area is no longer among the formulation's chosen areas; its workspace is kept as a record.
formulation-loss-kind = Kind of loss
formulation-loss-death = A death
formulation-loss-other = Another loss (relationship, health, pregnancy...)
formulation-stage-legend = Stage of the dispute
formulation-stage-legend-now =
    Stage of the dispute: now { $stage ->
        [renegotiation] renegotiation
        [impasse] impasse
       *[dissolution] dissolution
    }
formulation-stage-renegotiation = Renegotiation
formulation-stage-impasse = Impasse
formulation-stage-dissolution = Dissolution
formulation-stage-renegotiation-hint = Both know they differ and are actively trying to change things: calm, improve communication, resolve.
formulation-stage-impasse-hint = Talks have stopped and resentment smoulders: bring the disagreement into the open, reopen negotiation.
formulation-stage-dissolution-hint = The relationship is broken beyond repair: help mourn it and move on.
formulation-lists-hint = Lists below: one entry per line.
formulation-experiments = Attempts at new contact (social experiments)
formulation-date = Date
formulation-attempt = Attempt
formulation-outcome = Outcome
formulation-attempt-date-n = Date of attempt { $n }
formulation-attempt-n = Attempt { $n }
formulation-outcome-n = Outcome { $n }
formulation-two-rows-hint = Two empty rows are added each time you save.
formulation-save-area = Save
formulation-stage-history = Stage history
formulation-no-stage = No stage recorded yet.
formulation-from = From
formulation-to = To
formulation-note = Note
formulation-f-person = Who died (a name or an alias)
formulation-f-date-of-death = Date of death (or of the loss)
formulation-f-circumstances = Circumstances
formulation-f-circumstances-hint = Events before, during and after the death.
formulation-f-relationship-good = The relationship: good sides
formulation-f-relationship-bad = The relationship: hard sides
formulation-f-mourning-tasks = Mourning tasks
formulation-f-mourning-progress = Progress with mourning
formulation-f-new-activities = New activities and relationships
formulation-f-new-activities-hint = What partly fills the place of the loss.
formulation-f-other-person = The other person (a name or an alias)
formulation-f-stage-date = If the stage changed: when
formulation-f-stage-date-hint = Default today. Kept in the stage history.
formulation-f-stage-note = If the stage changed: note
formulation-f-stage-note-hint = What moved it.
formulation-f-issues = What the dispute is about
formulation-f-client-expectations = The client's expectations
formulation-f-other-expectations = The other person's expectations
formulation-f-non-reciprocal = Non-reciprocal expectations
formulation-f-non-reciprocal-hint = Where the two sets of expectations do not match.
formulation-f-options = Options
formulation-f-options-hint = One per line, with how likely each is.
formulation-f-similar-patterns = Similar patterns in other relationships
formulation-f-old-role = Old role
formulation-f-new-role = New role
formulation-f-date-of-change = Date of the change
formulation-f-losses = What was lost
formulation-f-gains = What was gained
formulation-f-skills-needed = Skills the new role needs
formulation-f-support-needed = Support needed
formulation-f-steps-taken = Steps taken
formulation-f-isolation-pattern = Pattern of isolation
formulation-f-past-relationships-good = Past relationships: what went well
formulation-f-past-relationships-bad = Past relationships: what went badly
formulation-f-repeating-patterns = Repeating patterns
formulation-f-repeating-patterns-hint = One per line.
formulation-f-notes = Notes
formulation-f-notes-hint = What was lost or changed, feelings about it, realistic new goals.

## The goals tab (templates/goals.html, src/ui/goals.rs).

goals-title = Goals · { $client }
goals-heading = Goals
goals-none-yet = No goals yet.
goals-choose-areas-first = Choose the problem areas on the Formulation tab first: each goal belongs to one.
goals-ratings-hint = Ratings run from 0 (not at all) to 10 (fully achieved), one per goal at each held session.
goals-clinician-wording-is = Clinician's wording: { $wording }
goals-target-is = target: { $target }
goals-due-by-session = due by session { $n }
goals-due-on = due { $date }
goals-status-active = Active
goals-status-achieved = Achieved
goals-status-revised = Revised
goals-status-dropped = Dropped
goals-session-short = S{ $n }
goals-session-short-engagement = Engagement session
goals-note-is = Note: { $note }
goals-earlier-wordings =
    { $count ->
        [one] Earlier wording ({ $count })
       *[other] Earlier wordings ({ $count })
    }
goals-until = until { $date }
goals-change = Change this goal
goals-in-clients-words = In the client's words
goals-new-wording-hint = A new wording keeps the old one and marks the goal revised.
goals-clinician-wording = Clinician's wording
goals-target = Target
goals-due-session = Due by session
goals-due-date = Due date
goals-status = Status
goals-status-note = Note on the status (optional)
goals-save = Save goal
goals-rate-heading = Rate the goals at a session
goals-no-held-session = Ratings belong to a held session;
goals-overview-link = record an attended session on the Overview tab first.
goals-session = Session
goals-show = Show
goals-rate-legend = { $session }: 0 (not at all) to 10 (fully achieved)
goals-rate-hint = Leave a goal empty to skip it. A new rating for the same session replaces the old one.
goals-save-ratings = Save ratings
goals-add-heading = Add a goal
goals-new = New goal
goals-problem-area = Problem area
goals-choose = Choose…
goals-statement-label = The goal in the client's own words
goals-statement-hint = e.g. “Tell Sam what I need without it ending in a row”
goals-clinician-wording-optional = Clinician's wording (optional)
goals-target-optional = Target (optional)
goals-target-hint = What achieving it looks like.
goals-due-session-optional = Due by session (optional)
goals-due-date-optional = Due date (optional)
goals-add = Add goal
goals-trend =
    { $trend ->
        [rising] rising
        [falling] falling
       *[flat] flat
    }
goals-ratings-none = no ratings yet
goals-ratings-one = rating { $rating } — one rating so far
goals-ratings-many = ratings { $ratings } — { $trend }
goals-rate-choose-session = Choose a session held in this course
goals-rate-out-of-range = Rating for “{ $goal }” must be from 0 to 10
goals-rate-none = Enter at least one rating

## Goal rules (rapport-core goals.rs, rapport-app goals.rs).

goals-error-areas-first = Choose the problem areas in the formulation first; each goal belongs to one
goals-error-choose-area = Choose the problem area this goal belongs to: { $areas }
goals-error-no-areas = No problem areas are chosen yet; record them in the formulation first
goals-error-area-not-chosen = { $area } is not a chosen problem area of this course; choose { $areas }
goals-error-statement = Write the goal in the client's own words
goals-error-due-session = Due session must be between 1 and { $max } (got { $got })
goals-error-due-date = Due date must be a date in the form YYYY-MM-DD
goals-error-status = Status must be active, achieved, revised or dropped
goals-error-new-is-active = A new goal is active
goals-error-reopen-first = A goal that is { $from } must be reopened (set to active) before it is { $to }
goals-error-reopen-to-reword = Reopen the goal before changing its wording (it is { $status })
goals-error-revised-needs-wording = A goal becomes revised when its wording changes; change the wording
goals-error-session-not-held = Choose a session held in this course (attended); ratings belong to a held session

## The inventory tab (templates/inventory.html, inventory_circle_table.html, src/ui/inventory.rs).

inventory-title = Inventory · { $client }
inventory-checklist-outstanding = The checklist item “{ $item }” is still outstanding.
inventory-checklist-mark-hint = When the important relationships are reviewed, mark it done (it is recorded on the course’s checklist with today’s date).
inventory-mark-done = Mark the inventory as done
inventory-add-person = Add a person
inventory-compare-snapshots = Compare snapshots
inventory-circle = Closeness circle
inventory-circle-hint = The client at the centre; the closest people in the inner ring. People are the client’s, shared by all their courses.
inventory-circle-region = Closeness circle (scrolls sideways on small screens)
inventory-circle-scroll-note = On a narrow screen the circle scrolls sideways; the table below lists everyone by ring.
inventory-circle-now-title = Closeness circle as it stands now
inventory-support-map = Social support map
inventory-support-map-empty = Add people to see who supports the client and where support is missing.
inventory-support-gets = Support the client gets
inventory-gap = Gap
inventory-nobody = nobody
inventory-gaps = Gaps:
inventory-gaps-text = { $kinds } support: no living person gives it.
inventory-support-lost =
    { $kind ->
        [emotional] Emotional
        [practical] Practical
        [information] Information
       *[company] Company
    } support came from { $names }, who { $count ->
        [one] has
       *[other] have
    } died.
inventory-client-supports = The client supports
inventory-nobody-recorded = Nobody recorded.
inventory-could-support-now = Could give support now
inventory-nobody-marked = Nobody marked yet. Mark people the client could turn to (support mobilisation).
inventory-people-by-ring = People by ring
inventory-no-people = No people yet. Start with whoever the client names first: partner, family, friends, colleagues, people at their place of worship, health workers. Include people who have died if they still matter.
inventory-people-caption = People in the closeness circle, by ring, with their marks
inventory-col-name = Name
inventory-col-relationship = Relationship
inventory-col-marks = Marks
inventory-col-support = Support to the client
inventory-col-contact = Contact
inventory-col-actions = Actions
inventory-third-party-title = Holds what others said about this person
inventory-third-party-badge = Third-party info
inventory-lives-with-client = Lives with the client
inventory-open = Open
inventory-history = History
inventory-history-of-hidden = of { $name }
inventory-nobody-in-ring = Nobody in this ring.
inventory-removed-people = Removed people ({ $count })
inventory-removed-when = removed { $when } by { $by }
inventory-snapshots = Circle snapshots
inventory-snapshots-hint = A snapshot keeps who was in which ring, who gave support and where there was conflict, on a date. Take one at intake and again at the ending to see what changed.
inventory-no-snapshots = No snapshots yet.
inventory-people-count =
    { $count ->
        [one] { $count } person
       *[other] { $count } people
    }
inventory-take-snapshot-now = Take a snapshot now
inventory-snapshot-label = Label
inventory-snapshot-label-hint = e.g. { $labels }
inventory-snapshot-date = Date
inventory-snapshot-date-hint = Today unless you are recording an earlier one.
inventory-snapshot-session = Session (optional)
inventory-snapshot-session-hint = The session it was drawn in.
inventory-none = None
inventory-snapshot-note = Note (optional)
inventory-take-snapshot =
    { $count ->
        [one] Take snapshot ({ $count } person)
       *[other] Take snapshot ({ $count } people)
    }
inventory-done-person-added = Person added to the inventory.
inventory-done-person-saved = Changes saved. The previous version is kept in the history.
inventory-done-person-removed = Person removed from the inventory. Their history is kept.
inventory-done-snapshot = Snapshot taken: the circle as it stands today is kept with this course.
inventory-ring-heading-inner = Inner ring (closest)
inventory-ring-heading-middle = Middle ring
inventory-ring-heading-outer = Outer ring
inventory-ring-heading-numbered =
    { $place ->
        [first] Ring { $n } (closest)
        [last] Ring { $n } (most distant)
       *[between] Ring { $n }
    }
inventory-mark-deceased = deceased
inventory-mark-conflict = conflict
inventory-mark-gives-support = gives support
inventory-mark-could-support-now = could give support now

## Codes of the inventory (rapport-core inventory): relationships, rings, support, contact, expectations met.

inventory-rel-partner = Partner
inventory-rel-parent = Parent
inventory-rel-child = Child
inventory-rel-sibling = Sibling
inventory-rel-friend = Friend
inventory-rel-colleague = Colleague
inventory-rel-community = Faith or community
inventory-rel-health-worker = Health worker
inventory-rel-other = Other
inventory-ring-inner = Inner
inventory-ring-middle = Middle
inventory-ring-outer = Outer
inventory-ring-numbered = Ring { $n }
inventory-support-emotional = Emotional
inventory-support-practical = Practical
inventory-support-information = Information
inventory-support-company = Company
inventory-contact-daily = Daily or almost
inventory-contact-weekly = Weekly
inventory-contact-monthly = Monthly
inventory-contact-less-often = Less often
inventory-contact-no-contact = No contact now
inventory-met-yes = Met
inventory-met-partly = Partly met
inventory-met-no = Not met

## One person's form (templates/inventory_person.html).

inventory-back = Back to the inventory
inventory-conflict-title = Someone else saved this person while you were editing
inventory-conflict-saved-by = Saved by { $name }. Your changes are still in the form below and nothing was overwritten. Where the two differ:
inventory-saved-by-at = { $name } at { $when }
inventory-conflict-matches = The saved version already matches your form.
inventory-col-field = Field
inventory-col-saved = Saved version
inventory-col-yours = Your form
inventory-empty-value = (empty)
inventory-conflict-save-again = Saving again replaces the saved version with your form; the saved version stays in the history.
inventory-who = Who they are
inventory-relationship-label = Relationship to the client
inventory-relationship-hint = Choose the closest match.
inventory-choose = Choose…
inventory-has-died = Has died
inventory-ring-legend = Closeness ring
inventory-ring-hint-inner = the closest people, who matter most
inventory-ring-hint-middle = close, but less so
inventory-ring-hint-between = less close than those in ring { $closer }
inventory-ring-hint-outer = important, but not close
inventory-interactions = Interactions
inventory-contact-label = How often they are in contact
inventory-contact-hint = In person, by phone or online.
inventory-not-recorded = Not recorded
inventory-expectations = Expectations
inventory-client-expectations-met-label = Are the client’s expectations met?
inventory-other-expectations-met-label = Are their expectations met?
inventory-conflict = Conflict
inventory-conflict-present = Conflict present
inventory-support = Support
inventory-support-gets-from-them = Support the client gets from them
inventory-support-gives-them = Support the client gives them
inventory-support-kinds-hint = Emotional: listening, comfort. Practical: help with tasks, money, childcare. Information: advice, knowing where to go. Company: time together.
inventory-could-support-now-hint = Someone the client could turn to during treatment (a support mobilisation target).
inventory-communication = Communication and change
inventory-notes = Notes
inventory-third-party-label = Includes information given by other people (third-party information)
inventory-third-party-hint = Take care before sharing this record with the client or others.
inventory-save-changes = Save changes
inventory-add = Add person
inventory-cancel = Cancel
inventory-remove-heading = Remove from the inventory
inventory-remove-text = The person leaves the circle and the support map. Every version stays in the history, and earlier snapshots still show them.
inventory-remove-confirm = Remove this person from the inventory? Their history is kept.
inventory-remove = Remove person
inventory-f-display-name = Name or alias
inventory-f-display-name-hint = As the client calls them. An alias is fine.
inventory-f-relationship-detail = In their words (optional; needed for “Other”)
inventory-f-relationship-detail-hint = e.g. stepfather, neighbour, landlord
inventory-f-date-of-death = Date of death (optional)
inventory-f-date-of-death-hint = Only for someone who has died.
inventory-f-shared-activities = What they do together
inventory-f-satisfying = What is satisfying about the relationship
inventory-f-satisfying-hint = With examples.
inventory-f-unsatisfying = What is unsatisfying
inventory-f-unsatisfying-hint = With examples.
inventory-f-client-expectations = What the client expects of them
inventory-f-other-expectations = What they expect of the client
inventory-f-conflict-description = What the conflict is about
inventory-f-conflict-description-hint = How arguments go, and whether they are resolved or dropped.
inventory-f-can-discuss = What can be talked about with them
inventory-f-cannot-discuss = What cannot be talked about, and why
inventory-f-wanted-changes = Changes the client would like
inventory-f-wanted-changes-hint = In the client’s own behaviour or in theirs.
inventory-f-change-since-onset = How the relationship changed since the depression began
inventory-f-notes = Notes

## A person's fields in words (history and conflict tables).

inventory-field-name = Name or alias
inventory-field-relationship = Relationship
inventory-field-lives-with-client = Lives with the client
inventory-field-deceased = Deceased
inventory-field-ring = Ring
inventory-field-contact = Contact
inventory-field-shared-activities = Shared activities
inventory-field-satisfying = Satisfying aspects
inventory-field-unsatisfying = Unsatisfying aspects
inventory-field-client-expectations = The client's expectations
inventory-field-client-expectations-met = The client's expectations met
inventory-field-other-expectations = Their expectations of the client
inventory-field-other-expectations-met = Their expectations met
inventory-field-conflict-present = Conflict present
inventory-field-conflict = Conflict
inventory-field-support-received = Support the client gets from them
inventory-field-support-given = Support the client gives them
inventory-field-can-discuss = Can be talked about
inventory-field-cannot-discuss = Cannot be talked about
inventory-field-wanted-changes = Changes wanted
inventory-field-change-since-onset = Change since the depression began
inventory-field-could-support-now = Could give support now
inventory-field-third-party = Includes third-party information
inventory-field-notes = Notes
inventory-yes = Yes
inventory-no = No
inventory-yes-died-on = Yes, died { $date }

## A person's history (templates/inventory_history.html).

inventory-history-of = History of { $name }
inventory-open-current = Open the current version
inventory-removed-on = Removed from the inventory on { $when }. The versions below are kept.
inventory-version-heading =
    Version { $version } · { $change ->
        [created] added
        [removed] removed
       *[other] changed
    }
inventory-changes-in-version = Changes in version { $version }
inventory-col-before = Before
inventory-col-after = After
inventory-whole-record = The whole record as of version { $version }

## A circle snapshot (templates/inventory_snapshot.html) and the comparison (inventory_compare.html).

inventory-snapshot-title = Snapshot { $label } · { $client }
inventory-snapshot-heading = Snapshot: { $label }
inventory-taken-by = taken by { $name }
inventory-compare-with = Compare with { $label }
inventory-compare-with-now = Compare with now
inventory-snapshot-table = People in this snapshot, by ring
inventory-circle-of = Closeness circle: { $title }
inventory-compare-title = Compare circles · { $client }
inventory-compare-heading = Compare closeness circles
inventory-earlier = Earlier
inventory-later = Later
inventory-compare = Compare
inventory-now-option = Now (current inventory)
inventory-now = Now
inventory-what-changed = What changed from { $from } to { $to }
inventory-no-changes = No changes: the same people, in the same rings, with the same support and conflict marks.
inventory-changes-between = Changes between the two circles
inventory-col-person = Person
inventory-col-what-changed = What changed
inventory-stayed-same-ring =
    { $count ->
        [one] { $count } person stayed in the same ring.
       *[other] { $count } people stayed in the same ring.
    }
inventory-compare-none = Take a snapshot first (on the inventory page); then compare it with a later one or with the inventory as it is now.

## Inventory rules (rapport-core inventory, rapport-app inventory.rs).

inventory-error-name = Enter a name or alias for this person
inventory-error-relationship = Choose how this person is related to the client
inventory-error-relationship-detail = Say what the relationship is (e.g. neighbour, landlord)
inventory-error-ring = Choose the ring the person is in (1 is the closest)
inventory-error-ring-beyond = The closeness circle has { $count } rings: choose a ring from 1 to { $count }
inventory-error-date-of-death-form = Date of death must be in the form YYYY-MM-DD
inventory-error-date-of-death-not-deceased = Tick "deceased" or clear the date of death
inventory-error-date-of-death-future = Date of death cannot be in the future
inventory-error-conflict = Tick "conflict present" or clear the conflict description
inventory-error-could-support-deceased = A person who has died cannot be asked for support now
inventory-error-snapshot-label = Give the snapshot a label, e.g. intake or ending
inventory-error-snapshot-label-line = The label is one line
inventory-error-snapshot-future = The date cannot be in the future
inventory-error-snapshot-date-form = Date must be in the form YYYY-MM-DD
inventory-error-snapshot-session = Choose one of this course's sessions
inventory-error-no-version = The form is missing its version: reload the page and try again

## The closeness circle figure (rapport-core inventory/circle.rs, drawn in src/ui/inventory.rs).

inventory-circle-centre = Client
inventory-legend-support = Gives the client support
inventory-legend-conflict = Conflict present
inventory-legend-could-support = Could give support now
inventory-legend-deceased = Deceased (dashed outline, †)
inventory-circle-person-in-ring =
    { $person }, { $ring ->
        [inner] inner ring
        [middle] middle ring
        [outer] outer ring
       *[numbered] ring { $n }
    }
inventory-circle-opening =
    { $count ->
        [one] The client at the centre, { $count } person around them.
       *[other] The client at the centre, { $count } people around them.
    }
inventory-circle-ring-list = { $ring }: { $people }.

## What changed between two circles (templates/inventory_compare.html; the first letter is capitalised).

inventory-change-moved =
    moved { $direction ->
        [closer] closer
       *[further] further away
    }: { $from ->
        [inner] inner ring
        [middle] middle ring
        [outer] outer ring
       *[numbered] ring { $from_n }
    } → { $to ->
        [inner] inner ring
        [middle] middle ring
        [outer] outer ring
       *[numbered] ring { $to_n }
    }
inventory-change-added =
    added, in the { $ring ->
        [inner] inner ring
        [middle] middle ring
        [outer] outer ring
       *[numbered] ring { $n }
    }
inventory-change-removed =
    no longer in the circle (was in the { $ring ->
        [inner] inner ring
        [middle] middle ring
        [outer] outer ring
       *[numbered] ring { $n }
    })
inventory-change-conflict-now = conflict now present
inventory-change-conflict-gone = conflict no longer present
inventory-change-support-received = support to the client: { $before } → { $after }
inventory-change-support-given = support from the client: { $before } → { $after }
inventory-change-died = has died
inventory-change-could-support-now = now marked as could give support
inventory-change-could-support-gone = no longer marked as could give support
inventory-support-none = none

# Problem-area facts (issue 19 item 4): what each chosen area's workspace records before the client agrees.
formulation-fact-missing = Before the client agrees the formulation, record { $fact } in the { $area } workspace.
formulation-fact-person = who died
formulation-fact-person-id = the person in the interpersonal inventory
formulation-fact-date-of-death = when they died
formulation-fact-loss = what was lost
formulation-fact-loss-date = when the loss happened
formulation-fact-old-role = the old role
formulation-fact-new-role = the new role
formulation-fact-other-person = the other person in the dispute
formulation-facts-needed = Needed before the client agrees:
formulation-loss-other-is-transition = { $protocol } works on a loss other than a death as a role transition: choose role transition in the formulation.
formulation-non-death-loss-hint = A loss other than a death (a separation, a job, health) is a role transition in { $protocol }.
formulation-last-resort = The area of last resort: choose it only when there is no grief, dispute or transition to work on.
formulation-f-person-link = Person in the interpersonal inventory
formulation-f-person-link-hint = Add them on the Inventory tab first if they are not listed.
formulation-f-person-link-none = Not linked

# Inventory fields of the manuals (issue 19 item 6).
inventory-knows-yes = Knows
inventory-knows-partly = Knows something
inventory-knows-no = Does not know
inventory-error-knows-deceased = A person who has died cannot know about the depression now; leave it empty
inventory-f-knows = Do they know about the depression?
inventory-f-knows-unknown = Not asked
inventory-f-communication = Usual way of communicating
inventory-f-communication-hint = Directly, by silence, through others, by arguing...
inventory-f-feelings-together = How the client feels when they are together
inventory-f-linked-to-onset = The relationship is linked to the onset of the depression
inventory-field-knows = Knows about the depression
inventory-field-communication = Usual way of communicating
inventory-field-feelings-together = Feelings when together
inventory-field-linked-to-onset = Linked to the onset
