## Deals: the answerer's reply page, the messages a deal sends, the back-office board.

reply-title = Answer an inquiry
reply-lead = The China-ASEAN Technology Transfer Center forwarded this inquiry to you. Tell us whether you are interested; we pass your answer on to the inquirer in their language.
reply-lead-interest = A technology provider has answered the need you posted. Tell us whether you are interested; we pass your answer on in their language.
reply-asked = Inquiry about “{ $title }”
reply-asked-interest = An answer to your need “{ $title }”
reply-from = From
reply-offered = Technology offered
reply-written-in = Written in
reply-answer = Your answer
reply-answer-interested = Interested: we would like to talk
reply-answer-question = A question back before we decide
reply-answer-declined = Not for us
reply-reason = Reason (if not for you)
reply-reason-hint = Only needed when the answer is “not for us”.
reply-reason-not_fit = Not a fit for our technology
reply-reason-region = Region not served
reply-reason-licensed = Already licensed
reply-reason-capacity = No capacity at present
reply-reason-other = Other reason
reply-message = Message
reply-message-hint = Needed for “interested” and for a question; optional otherwise. It is passed on as written.
reply-submit = Send the answer
reply-refused-title = This link cannot be used
reply-link-tampered = This link is not one we sent, or it was changed on the way. Please open the link from the e-mail exactly as it is, or write to the centre.
reply-link-expired = This link has expired. Please write to the centre and we will send you a new one.
reply-link-used = An answer was already given through this link, or a newer link replaced it. Nothing was changed.
reply-closed-title = This inquiry is closed
reply-deal-signed = An agreement has already been signed for this inquiry, so no answer is needed any more. Nothing was changed.
reply-deal-closed = The centre has closed this inquiry ({ $reason }), so it takes no more answers. Nothing was changed.
reply-done-title = Thank you, your answer was received
reply-done-text = We have passed your answer on. The centre will follow up with both sides.
reply-already-recorded = Your answer was already recorded; it was not recorded twice.

deal-close-reason-declined = declined by the answerer
deal-close-reason-no_reply = no reply
deal-close-reason-not_pursued = not pursued by the inquirer
deal-close-reason-duplicate = duplicate
deal-close-reason-other = other reason

deal-mail-forward-subject = Inquiry about “{ $title }” from { $organisation } ({ $country })
deal-mail-forward-body =
    Dear { $name },

    { $asker } of { $organisation } ({ $country }) sent this inquiry about your technology “{ $title }” through the China-ASEAN Technology Transfer Center:

    { $message }
deal-mail-interest-subject = A provider answered your need “{ $title }”
deal-mail-interest-body =
    Dear { $name },

    { $asker } offers a technology for your need “{ $title }”: { $offered }

    Their message:

    { $message }
deal-mail-other-language = The message was written in { $language }.
deal-mail-centre-note = A note from the centre: { $note }
deal-mail-reply-link =
    Please answer on this page (no account needed; the link works once and for { $days } days):
    { $link }
deal-mail-signature = China-ASEAN Technology Transfer Center, Nanning
deal-mail-reminder-subject = Reminder: an inquiry about “{ $title }” is waiting for your answer
deal-mail-reminder-body =
    Dear { $name },

    Two weeks ago we forwarded you an inquiry from { $organisation } about “{ $title }”. They are waiting for your answer: interested, a question back, or not for you.
deal-mail-answer-subject = Answer about “{ $title }”
deal-mail-answer-interested =
    Dear { $name },

    Good news: the other side is interested in continuing the conversation about “{ $title }”.
deal-mail-answer-question =
    Dear { $name },

    The other side has a question about “{ $title }” before deciding.
deal-mail-answer-declined =
    Dear { $name },

    Thank you for your interest in “{ $title }”. The other side has decided not to take it further.
deal-mail-answer-reason = Reason given: { $reason }
deal-mail-answer-message =
    Their message:

    { $message }
deal-mail-answer-through-centre = The centre will contact you about the next steps. You can answer this e-mail to reach us.
deal-mail-answer-contact = You can write to them at { $contact }; the centre will follow up as well.

admin-nav-deals = Deals
admin-deals-stages = Deals by stage
admin-deals-stage = Stage
admin-deals-month = Month opened
admin-deals-editor = Editor
admin-deals-caption = Deals, overdue first, then the most recently moved
admin-deals-number = Deal
admin-deals-who = Organisation
admin-deals-about = About
admin-deals-since = Since
deal-overdue = Overdue
deal-stage-new = New
deal-stage-forwarded = Forwarded
deal-stage-answered = Answered
deal-stage-talks = In talks
deal-stage-signed = Agreement signed
deal-stage-closed = Closed
deal-origin-inquiry = inquiry
deal-origin-interest = answer to a need
admin-deal-title = Deal #{ $count }
admin-deal-need = Need
admin-deal-asker = Asked by
admin-deal-answerer = Answers
admin-deal-signed-on = Signed on
admin-deal-closed-reason = Closed because
admin-deal-exchange = The exchange
deal-event-received = Inquiry received
deal-event-interest = Expression of interest received
deal-event-forwarded = Forwarded
deal-event-reminded = Reminder sent
deal-event-overdue = Marked overdue
deal-event-answered = Answered
deal-event-meeting = Talks recorded
deal-event-signed = Agreement signed
deal-event-closed = Closed
admin-deal-forward = Forward
admin-deal-forward-hint = An e-mail in the answerer's language goes to { $email } with a signed link to the reply page. Earlier links stop working.
admin-deal-note-to-answerer = Note to the answerer (optional)
admin-deal-forward-button = Forward now
admin-deal-talks = Record a meeting or visit
admin-deal-meeting-kind = Meeting or visit
deal-meeting-meeting = Meeting
deal-meeting-visit = Visit
admin-deal-date = Date
admin-deal-note = Note (optional)
admin-deal-talks-button = Record talks
admin-deal-sign = Record a signed agreement
admin-deal-kind = Kind of agreement
deal-kind-licence = Licence
deal-kind-joint_venture = Joint venture
deal-kind-equipment = Equipment purchase
deal-kind-service = Technical service
deal-kind-other = Other
admin-deal-value = Value (optional, whole units)
admin-deal-currency = Currency
admin-deal-sign-button = Record the agreement
admin-deal-close = Close without agreement
admin-deal-close-reason = Reason
admin-deal-close-button = Close the deal
admin-flash-deal-moved = The deal was moved.
admin-flash-deal-taken = Someone moved this deal in the meantime; nothing was changed. Its current stage is shown below.
admin-field-contact-lang = Contact's language
admin-hint-contact-lang = The language mail to the provider's contact is written in: a tag such as zh-CN, en or id. Empty: the source language.
admin-field-via-centre = Contact through the centre
admin-hint-via-centre = The technology's page then shows no e-mail or phone: every inquiry goes through the centre.
tech-contact-via-centre = Through the China-ASEAN Technology Transfer Center.
tech-contact-via-centre-link = Send an inquiry

## Figures and the report
figure-answered = inquiries answered
figure-countries = countries reached
figure-organisations = organisations served
figure-note = { $more ->
        [yes] more than { $baseline }
       *[no] { $baseline }
    } by { $month }, { $recorded } recorded since
figure-set-note = { $more ->
        [yes] more than { $value }
       *[no] { $value }
    }{ $dated ->
        [yes] , as of { $month }
       *[no] {""}
    }
figure-month = { $month } { $year }
admin-nav-report = Report
report-figures = The figures
report-received = Received
report-answered = Answered
report-signed = Signed
report-total = Total
report-col-dimension = Table
report-col-key = Code
report-col-label = Name
report-by-month = By month
report-by-country = By country
report-by-field = By field
report-chart-month = Deals received, answered and signed in the last twelve months
report-chart-country = Deals received, answered and signed by country
report-chart-field = Deals received, answered and signed by field
report-chart-desc = Three bars for each row: received, answered and signed. The table next to the chart gives the same numbers.
report-download-csv = Download the tables (CSV)
report-baseline = Baseline from before the portal
report-baseline-hint = What the centre had counted before the portal; the figures add what is recorded here. The month is shown with them, as in “653 by May 2022, 41 recorded since”.
report-baseline-agreements = Agreements signed
report-baseline-answered = Inquiries answered
report-baseline-organisations = Organisations served
report-baseline-countries = Countries reached
report-baseline-countries-hint = Country codes separated by spaces, such as ID VN TH.
report-baseline-as-of = Counted up to (month)
report-baseline-as-of-hint = Year and month, such as 2022-05. Empty: the figures show no baseline note.
report-countries-invalid = Use country codes such as ID VN TH, separated by spaces.
report-month-invalid = Enter a month as year-month, such as 2022-05.

## Expressions of interest in needs
interest-answer-this-need = Offer a technology for this need
interest-title = Answer the need “{ $title }”
interest-lead = Tell the organisation what you can offer. An editor reviews every answer; then we send it to them in their language and follow up with both sides.
interest-organisation = Your organisation
interest-country = Country
interest-contact_name = Contact person
interest-email = Contact email
interest-technology = A technology from our catalogue
interest-technology-hint = The catalogue's technologies that match this need. Or describe yours below.
interest-technology-none = None of these: I describe it below
interest-technology_text = Your technology, described
interest-technology-required = Choose a technology from the list or describe yours.
interest-message = Message to the organisation
interest-consent = I agree that the centre stores this answer and passes it and my contact details on to the organisation that posted the need.
interest-submit = Send for review
interest-sent-title = Thank you, your answer was received
interest-sent-text = An editor will review it, usually within two working days, and then send it to the organisation in their language. You will hear from us by e-mail.
interest-back = Back to the need
admin-nav-interests = Answers to needs
admin-interests-intro = Expressions of interest in published needs. Approving one sends it to the need's poster, in their language, with a link to answer, and opens a deal.
admin-interests-caption = Answers to needs, those waiting for review first
admin-interest-approve = Approve and send
admin-interest-reject = Reject
admin-interest-status-pending = Waiting
admin-interest-status-approved = Approved
admin-interest-status-rejected = Rejected

## Digests of new technologies matching a need
matches-opt-in = E-mail me, at most once a day, when newly published technologies match this need.
matches-mail-subject = { $count ->
    [one] A new technology matches your need “{ $title }”
   *[other] { $count } new technologies match your need “{ $title }”
}
matches-mail-body =
    Dear { $name },

    These technologies were published in the catalogue since our last message and match your need “{ $title }”:

    { $list }

    To be put in touch with a provider, send an inquiry from the technology's page, or answer this e-mail.

    To stop these messages: { $stop }

    China-ASEAN Technology Transfer Center, Nanning
matches-stop-title = Stop the e-mails about new matches
matches-stop-text = You will no longer receive e-mails about newly published technologies that match your need. Your need stays published.
matches-stop-button = Stop these e-mails
matches-stopped-title = Done: no more e-mails about new matches
matches-stopped-text = Your need stays published. You can ask the centre to start them again at any time.
matches-stop-invalid = This link is not one we sent, or it was changed on the way. Nothing was changed.
admin-deals-auto-forward = Forward new inquiries to the provider at once, without waiting for an editor (they still pass the form's checks and limits).

## What each form says when a field is missing or wrong.
interest-error-organisation = Enter the company or organisation that offers the technology.
interest-error-country = Choose the country your organisation is in.
interest-error-contact-name = Enter the name of the person the poster of the need can write to.
interest-error-email = Enter your e-mail address: the poster's answer is sent there.
interest-error-technology = Choose one of the technologies in the list, or describe yours below.
interest-error-message = Write how your technology meets this need.
interest-error-consent = Tick the box so that we may pass your offer to the poster of the need.
reply-error-answer = Choose your answer to the inquiry.
reply-error-reason = Choose why you decline, so that the centre can suggest another way.
reply-error-message = Write your answer to the company: it is sent to them as you write it.
