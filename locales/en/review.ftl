# Reviewing the young scientists programme: assignment, conflicts of
# interest, rubrics, blind mode, reminders, batch decisions, the report.

app-status-waitlisted = Waiting list
app-status-text-waitlisted = Your application is on the waiting list. We will write to you if a place becomes available.

review-call-title = Reviewing: { $call }
review-call-link = Reviewers, rubric and ranking
review-report-link = Programme report

## Settings
review-settings-title = Review settings
review-blind = Blind review
review-blind-hint = Reviewers do not see the applicant's name, photo, e-mail, institution or file names. Administrators see everything.
review-setting-review_deadline = Review deadline
review-setting-reminder_days = Days before the deadline to remind reviewers
review-setting-reviewers_per_application = Reviewers per application
review-error-date = Enter a date as YYYY-MM-DD, or leave it empty.

## Rubric
review-rubric-title = Rubric
review-rubric-hint = Each reviewer scores every criterion from 1 to 5. The weighted total is the sum of score × weight divided by the sum of the weights, so it stays on the 1–5 scale.
review-weight-label = Weight
review-label-in = Label in { $language }
review-weight = weight { $weight }
review-error-weights-zero = At least one criterion needs a weight above zero.

## Reviewers and assignment
review-reviewers-title = Reviewers and their fields
review-no-reviewers = There are no active reviewer accounts yet.
review-load = { $count ->
    [one] 1 application in this call
   *[other] { $n } applications in this call
}
review-save-fields = Save fields
review-assign-title = Assignment
review-auto-hint = { $count ->
    [one] Gives each application under review 1 reviewer: the least loaded first, those who know the application's field preferred among equals, never one who declared a conflict.
   *[other] Gives each application under review { $n } reviewers: the least loaded first, those who know the application's field preferred among equals, never one who declared a conflict.
}
review-auto = Assign automatically
review-assign = Assign
review-assign-caption = Reviewers of each application
review-assigned = Reviewers assigned
review-none-assigned = None yet
review-declared = no conflict declared
review-pending = declaration pending
review-unassign = Remove
review-unassign-label = Remove { $reviewer } from { $reference }
review-error-already-assigned = This reviewer is already assigned to this application.
review-error-conflicted = This reviewer declared a conflict of interest with this application.

## Conflicts of interest
review-declare-title = Declaration of interests: { $reference }
review-declare-intro = Before you open this application, declare whether you have a conflict of interest with the applicant.
review-declare-facts = About the application
review-declare-question = Do you have a conflict of interest?
review-declare-none = No, I have no conflict of interest
review-conflict-reason-institution = Yes: same institution
review-conflict-reason-collaborator = Yes: collaborator
review-conflict-reason-other = Yes: other reason
review-declare-note = Note
review-declare-note-hint = Required for "other reason". Only administrators read it.
review-declare-submit = Send declaration
review-error-declare = Choose one answer.
review-error-note = Explain the other reason.
review-conflicts-title = Conflicts of interest declared
review-conflict-line = { $reviewer } declared a conflict with { $reference } ({ $reason }).
review-conflict-mail-subject = Conflict of interest declared for { $reference }
review-conflict-mail-body =
    { $reviewer } declared a conflict of interest with application { $reference }: { $reason }.

    { $note }

    The assignment was removed. Assign another reviewer here:
    { $url }

## Scores
review-scores-caption = Scores by reviewer
review-col-reviewer = Reviewer
review-col-total = Weighted total
review-comment = Comment
review-earlier-scores = Single scores given before the rubric
review-your-scores = Your scores (1 = weak, 5 = excellent)
review-score-choose = Choose a score
review-error-score = Choose a score from 1 to 5.
review-blind-notice = Blind review: the applicant's name, contact details and file names are hidden.
review-blind-name = (hidden)

## Ranking
review-ranking-title = Ranking
review-ranking-hint = Mean of the reviewers' weighted totals (1–5); the spread is the lowest and the highest total.
review-col-rank = Rank
review-col-assigned = Reviewers assigned
review-col-reviews = Reviews done
review-col-mean = Mean
review-col-min = Lowest
review-col-max = Highest
review-col-declared = Declared
review-col-done = Done

## More information
review-requested-documents = Documents requested
review-requested-documents-hint = With "more information needed": one document per line. The applicant gets an upload field for each.

## Batch decisions
review-col-select = Select
review-select-one = Select { $reference }
review-batch-title = Decision for the selected applications
review-batch-decision = Decision
review-batch-choose = Choose a decision
review-batch-preview = Preview the letters
review-error-decision = Choose a decision.
review-error-empty-batch = Select at least one application.
review-decide-title = Decision: { $decision }
review-decide-intro = Each applicant will receive this letter in their language. Nothing has been sent yet.
review-decide-skipped = Skipped: this application cannot take this decision now (status: { $status }).
review-decide-confirm = { $count ->
    [0] Record the decision (no letter to send)
    [one] Record the decision and send 1 letter
   *[other] Record the decision and send { $n } letters
}
review-host-post = { $institution }, { $lab }
review-letter-accepted-subject = Application { $reference }: you have been selected
review-letter-accepted-body =
    Dear { $name },

    We are pleased to tell you that your application { $reference } to { $call } has been accepted.

    Host post: { $post }

    The host institution will contact you about the next steps.

    China-ASEAN Technology Transfer Center, Nanning
review-letter-waitlisted-subject = Application { $reference }: waiting list
review-letter-waitlisted-body =
    Dear { $name },

    Your application { $reference } to { $call } has been placed on the waiting list for the host post { $post }.

    We will write to you again if a place becomes available.

    China-ASEAN Technology Transfer Center, Nanning
review-letter-declined-subject = Application { $reference }: decision
review-letter-declined-body =
    Dear { $name },

    Thank you for applying to { $call }. We regret to tell you that your application { $reference } was not selected this time.

    We encourage you to apply again in a future call.

    China-ASEAN Technology Transfer Center, Nanning
review-fellow-period = Hosted for { $months } months, { $year } cohort.

## Reminders
review-reminder-subject = Review due: { $reference }
review-reminder-body =
    Dear { $name },

    Your review of application { $reference } is not finished. The review deadline is { $deadline }.

    { $url }

    China-ASEAN Technology Transfer Center, Nanning

## Report
review-report-title = Programme report: { $call }
review-report-total = { $count ->
    [one] 1 application
   *[other] { $n } applications
}
review-report-by-country = Applications by country
review-report-by-field = Applications by field
review-report-by-status = Applications by status
review-report-chart-desc = { $count ->
    [one] Bar chart of 1 application; the table below gives the same numbers.
   *[other] Bar chart of { $n } applications; the table below gives the same numbers.
}
review-report-reviewers = Reviewer progress
review-report-reviewers-desc = Bar chart of the reviews each reviewer has done; the table below also gives their assignments and declarations.
review-report-col-table = Table
review-report-col-code = Code
review-report-col-name = Name
review-report-col-count = Count

## Letters per call
review-letters-title = Decision letters of this call
review-letters-hint = Leave both fields empty to use the standard letter. In your own wording, {"{"}name{"}"}, {"{"}reference{"}"}, {"{"}call{"}"} and {"{"}post{"}"} are replaced by the applicant's name, the reference, the call's title and the host post.
review-letter-subject = Subject
review-letter-body = Letter
