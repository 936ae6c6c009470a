## Applying to the programme

apply-title = Apply to the programme
apply-amend-title = Complete your application
apply-intro = Fill in every field. Your documents must be PDF files. You can check where your application stands at any time with the reference number you will receive.
apply-reselect-files = For your security, files you attached are not kept when the form is shown again: please select them again.
apply-section-you = About you
apply-section-research = Your research and the post you apply for
apply-section-documents = Documents
apply-name = Full name (Latin script)
apply-name-hint = As in your passport.
apply-email = Email
apply-nationality = Nationality
apply-nationality-other = Another country
apply-date-of-birth = Date of birth
apply-date-hint = Format: year-month-day, e.g. 1990-04-17.
apply-degree = Highest degree
apply-research-years = Years of research experience
apply-field = Research field
apply-institution = Current institution
apply-host-post = Host post you apply for
apply-english = English
apply-chinese = Chinese
apply-proposal-title = Title of your research proposal
apply-proposal = Research proposal
apply-proposal-hint = What you want to work on in Guangxi, why, how, and what you expect to achieve (200 to 20,000 characters).
apply-documents-hint = PDF files of at most { $n } MB each.
apply-documents-keep = Leave these empty to keep the documents you sent before, or choose new PDF files to replace them.
apply-cv = Curriculum vitae (PDF)
apply-degree-certificate = Degree certificate (PDF)
apply-consent = I agree that the centre processes the data in this application to assess it, and shares it with the host institution I chose.
apply-submit = Submit application
apply-resubmit = Resubmit application
apply-done-title = Your application has been received
apply-done-reference = Your reference number:
apply-done-text = Keep this number. With it and your email address you can check the status of your application at any time. We have also sent you a confirmation.

apply-error-nationality = The programme is open to nationals of ASEAN member states only.
apply-error-age = Applicants must be under 45 years of age on the closing date of the call.
apply-error-degree = With a master's degree, at least five years of research experience are required (or a PhD).
apply-error-language = A working knowledge of English or Chinese is required.
apply-error-proposal-short = Please describe your proposal in at least 200 characters.
apply-error-file-required = Please attach this document as a PDF file.
apply-error-file-too-large = This file is too large. The limit is { $n } MB.
apply-error-not-pdf = This file is not a PDF document.
apply-error-closed = Applications are not open at the moment.
apply-error-amend-expired = This link has expired or the application cannot be changed now. Look up your application again.

apply-date_of_birth = Date of birth
apply-degree_file = Degree certificate
apply-research_years = Research experience
apply-host_post = Host post
apply-english_level = English
apply-chinese_level = Chinese
apply-proposal_title = Proposal title

degree-phd = PhD (doctorate)
degree-master = Master's degree
level-none = None
level-basic = Basic
level-good = Good
level-fluent = Fluent or native
document-cv = CV
document-degree = Degree certificate

## Status

status-intro = Enter the reference number you received when you applied, and your email address.
status-reference = Reference number
status-reference-hint = For example ATS-2027-7K3QD-XM9WR.
status-email = Email address used in the application
status-submit = Check status
status-not-found = We could not find an application with this reference number and email address. Check both and try again.
status-for = Application { $reference }
status-history = History
status-amend = Complete and resubmit your application
status-another = Check another application

app-status-submitted = Submitted
app-status-screening = Eligibility check
app-status-under_review = Under review
app-status-more_info = More information needed
app-status-accepted = Accepted
app-status-declined = Not selected
app-status-text-submitted = We have received your application. It will be checked for eligibility soon.
app-status-text-screening = We are checking that your application is complete and eligible.
app-status-text-under_review = Reviewers are assessing your application with the host institution.
app-status-text-more_info = The reviewers need more information from you. Read their message below, then complete and resubmit your application.
app-status-text-accepted = Congratulations: you have been selected. The host institution will contact you about the next steps.
app-status-text-declined = We are sorry: your application was not selected this time. We encourage you to apply to a future call.

## Messages to applicants

mail-confirmation-subject = Your application { $reference } has been received
mail-confirmation-body =
    Dear { $name },

    Thank you for applying to the ASEAN Talented Young Scientists Guangxi Program. Your reference number is { $reference }.

    You can check the status of your application at any time at { $status_url } with this reference number and your email address.

    China-ASEAN Technology Transfer Center, Nanning
mail-more_info-subject = Application { $reference }: more information needed
mail-more_info-body =
    Dear { $name },

    The reviewers need more information about your application { $reference }:

    { $note }

    Please look up your application at { $status_url }, then complete and resubmit it.

    China-ASEAN Technology Transfer Center, Nanning
mail-accepted-subject = Application { $reference }: you have been selected
mail-accepted-body =
    Dear { $name },

    We are pleased to tell you that your application { $reference } has been accepted. { $note }

    The host institution will contact you about the next steps.

    China-ASEAN Technology Transfer Center, Nanning
mail-declined-subject = Application { $reference }: decision
mail-declined-body =
    Dear { $name },

    Thank you for your interest in the programme. We are sorry to tell you that your application { $reference } was not selected this time. { $note }

    We encourage you to apply to a future call.

    China-ASEAN Technology Transfer Center, Nanning

## Back office: applications

admin-application-title = Application { $reference }
admin-applicant = Applicant
admin-documents = Documents
admin-history = History
admin-change-status = Change status
admin-message-to-applicant = Message to the applicant
admin-message-to-applicant-hint = Required when asking for more information; included in decision messages. The applicant sees it.
admin-reviews = Scores and notes
admin-reviews-private = Only reviewers and administrators see these; the applicant never does.
admin-review-note = Note
admin-add-review = Add score and note
admin-messages-sent = Messages to the applicant
admin-erase-title = Delete the applicant's data
admin-erase-text = For a privacy request: deletes the application, its documents, history, scores and messages. The audit log records only that it happened.
admin-erase = Delete all data of this application
admin-col-reference = Reference
admin-col-submitted = Submitted
admin-col-score = Score
admin-error-status-transition = This status change is not possible from the application's current status.
admin-error-more-info-message = Write the applicant a message saying what information is needed.
admin-outbox-to = To
admin-outbox-subject = Subject
admin-outbox-sent = Sent
admin-outbox-waiting = Waiting to be sent
admin-outbox-gave-up = Not sent: gave up after { $n } failed attempts (the error is below). Send it by hand.
admin-outbox-smtp = Messages are sent by email as soon as possible; failures are retried.
admin-outbox-no-smtp = No mail server is configured: messages wait here. Nothing is lost; configure SMTP_URL to send them.

## What each form says when a field is missing or wrong.
apply-error-name = Enter your full name as in your passport.
apply-error-email = Enter your e-mail address: your reference and our decisions are sent there.
apply-error-nationality-missing = Choose your nationality.
apply-error-date-of-birth = Enter your date of birth.
apply-error-degree-missing = Choose your highest degree.
apply-error-research-years = Enter your years of research as a number from 0 to 60.
apply-error-field = Choose your research field.
apply-error-institution = Enter the university or institute you work at.
apply-error-host-post = Choose the host post you apply for.
apply-error-english-level = Choose your level of English.
apply-error-chinese-level = Choose your level of Chinese.
apply-error-proposal-title = Give your research proposal a title.
apply-error-proposal = Write your research proposal: what you will study in Guangxi, how, and why it matters at home.
apply-error-consent = Tick the box so that we may assess your application and show it to its reviewers.
status-error-reference = Enter the reference from your confirmation e-mail (it begins with ATS-).
status-error-email = Enter the e-mail address you applied with.
