## Applying: host posts, status links, drafts, referees (programme-apply)

apply-host-post-option = { $institution } — { $lab } ({ $field }, { $months })
status-error-link = This status link is not valid. Check that you copied the whole link, or look up your application with its reference number and your email address.

apply-email-hint = Needed to save a draft: we send the link to continue to this address.
apply-error-email-taken = An application to this call has already been made with this email address. Only one application per person is accepted.
apply-email-taken-link = Check the status of your application
apply-error-draft-email = Enter a valid email address to save a draft: the link to continue is sent there.
apply-error-draft-link = This draft link is not valid, or the draft was deleted when the call closed.
apply-save-draft = Save and continue later
apply-save-draft-hint = Keeps what you typed and the files you attached, and emails you a link to continue. Only your email address is needed.
apply-file-kept = Kept: { $filename }. Choose a new file only to replace it.
apply-draft-saved-title = Your draft is saved
apply-draft-saved-text = We have sent a link to { $email }. Open it to continue your application where you left off, with the files you attached.
apply-draft-saved-expiry = Drafts are deleted, with their files, when the call closes.

apply-section-referees = Referees
apply-referees-hint = Name two people who know your research. Each receives an email, in the language you choose for them, with a link to upload a letter of recommendation. You will not see the letters.
apply-referee-n = Referee { $n }
apply-referee-name = Referee's full name
apply-referee-email = Referee's email address
apply-referee-institution = Referee's institution
apply-referee-lang = Language of the referee's email
apply-referee-lang-zh-CN = Chinese (简体中文)
apply-referee-lang-en = English
apply-referee-lang-id = Indonesian (Bahasa Indonesia)
apply-referee1_name = Referee 1: name
apply-referee1_email = Referee 1: email
apply-referee1_institution = Referee 1: institution
apply-referee1_lang = Referee 1: language
apply-referee2_name = Referee 2: name
apply-referee2_email = Referee 2: email
apply-referee2_institution = Referee 2: institution
apply-referee2_lang = Referee 2: language
apply-error-referee-name = Enter the referee's full name.
apply-error-referee-email = Enter the referee's email address.
apply-error-referee-self = A referee cannot be you: enter someone else's email address.
apply-error-referee-twice = The two referees must be different people with different email addresses.
apply-error-referee-institution = Enter the referee's institution.
apply-error-referee-lang = Choose the language of the referee's email.

apply-amend-intro = The reviewers asked for more information before they can continue. Correct what they asked for below and send the amendment; the documents you sent before are kept unless you replace them.
apply-amend-message = The reviewers' message
apply-requested-document = Requested: { $name }
apply-requested_1 = Requested document 1
apply-requested_2 = Requested document 2
apply-requested_3 = Requested document 3
apply-requested_4 = Requested document 4
apply-requested_5 = Requested document 5
apply-requested_6 = Requested document 6
apply-requested_7 = Requested document 7
apply-requested_8 = Requested document 8
apply-requested_9 = Requested document 9
document-referee_letter = Referee's letter
document-requested_1 = Requested document 1
document-requested_2 = Requested document 2
document-requested_3 = Requested document 3
document-requested_4 = Requested document 4
document-requested_5 = Requested document 5
document-requested_6 = Requested document 6
document-requested_7 = Requested document 7
document-requested_8 = Requested document 8
document-requested_9 = Requested document 9

status-referees = Letters of recommendation
status-letter-arrived = Letter received
status-letter-waiting = Letter not yet received
status-remind = Send a reminder to { $name }
referee-reminder-sent = A reminder has been sent to { $name }.
referee-reminder-too-soon = A reminder was sent less than a week ago. You can send the next one on { $date }.
referee-reminder-not-needed = This referee's letter has already arrived: no reminder is needed.
referee-error-position = This reminder request is not valid.

referee-title = Letter of recommendation
referee-intro = Dear { $referee }, { $applicant } has applied to the ASEAN Talented Young Scientists Guangxi Program and named you as a referee. Please upload your letter of recommendation as a PDF file. The applicant will not see it.
referee-letter-at = We received your letter on { $date }. You can replace it by uploading a new one.
referee-letter = Letter of recommendation (PDF)
referee-submit = Upload the letter
referee-received = Thank you: your letter has been received.
referee-error-link = This link is not valid. Check that you copied the whole link from the email.
referee-error-letter-required = Choose your letter as a PDF file.

mail-draft-subject = Continue your application to the ASEAN Talented Young Scientists Guangxi Program
mail-draft-body =
    Hello,

    Your application has been saved as a draft, with the files you attached. To continue where you left off, open this link:

    { $link }

    The draft is kept until the call closes on { $date }, then deleted with its files.

    China-ASEAN Technology Transfer Center, Nanning
mail-referee-subject = { $applicant } asks you for a letter of recommendation
mail-referee-body =
    Dear { $referee },

    { $applicant } has applied to the ASEAN Talented Young Scientists Guangxi Program and named you as a referee. Please upload your letter of recommendation (a PDF file) at:

    { $link }

    No account is needed. The applicant will not see your letter.

    China-ASEAN Technology Transfer Center, Nanning
mail-referee-reminder-subject = Reminder: letter of recommendation for { $applicant }
mail-referee-reminder-body =
    Dear { $referee },

    { $applicant } has asked us to remind you of the letter of recommendation for their application to the ASEAN Talented Young Scientists Guangxi Program. You can upload it (a PDF file) at:

    { $link }

    China-ASEAN Technology Transfer Center, Nanning
