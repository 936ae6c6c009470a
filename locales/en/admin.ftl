## Back office: chrome and navigation

admin-title = TechBridge back office
admin-nav-label = Back office
admin-nav-dashboard = Dashboard
admin-nav-technologies = Technologies
admin-nav-needs = Needs
admin-nav-inquiries = Inquiries
admin-nav-events = Events
admin-nav-news = News
admin-nav-fellows = Fellows
admin-nav-calls = Programme calls
admin-nav-posts = Host posts
admin-nav-applications = Applications
admin-nav-members = Network members
admin-nav-pages = Pages
admin-nav-media = Media
admin-nav-translations = Translations
admin-nav-editors = Accounts
admin-nav-audit = Audit log
admin-nav-outbox = Outbox
admin-logout = Log out
admin-role-admin = Administrator
admin-role-editor = Editor
admin-role-reviewer = Reviewer

admin-flash-saved = Saved.
admin-flash-deleted = Deleted.
admin-flash-published = Published.
admin-flash-unpublished = Unpublished.
admin-flash-approved = Approved.
admin-flash-rejected = Rejected.
admin-flash-uploaded = Image uploaded.
admin-flash-logged-out = You have logged out.
admin-flash-pw-changed = The password was changed.
admin-flash-created = The account was created.
admin-flash-disabled = The account was disabled and its sessions ended.
admin-flash-enabled = The account was enabled.
admin-flash-reviewed = Marked as reviewed.
admin-flash-changed = Status changed.
admin-flash-reply-saved = Saved.
admin-flash-erased = The applicant's data was deleted.
admin-flash-conflict = Someone changed this application's status in the meantime; nothing was changed. Its current status is shown below.
admin-flash-in-use = This cannot be deleted while applications refer to it. Unpublish it instead, or erase those applications first.

## Login and account

admin-login-title = Sign in to the back office
admin-login-email = Email
admin-login-password = Password
admin-login-submit = Sign in
admin-login-failed = The email or password is not correct.
admin-account-title = My account
admin-change-password = Change password
admin-current-password = Current password
admin-new-password = New password
admin-initial-password = Initial password
admin-hint-password = At least 12 characters; avoid common passwords.
admin-field-ui-lang = Back-office language
admin-new-editor = New account
admin-create-account = Create account
admin-reset-password = Set password
admin-disable = Disable
admin-enable = Enable
admin-account-active = Active
admin-account-disabled = Disabled
admin-error-email-taken = An account with this email already exists.
admin-error-own-account = You cannot do this to your own account.
admin-error-wrong-password = The current password is not correct.
error-session-expired = Your session has ended. Please sign in again.

## Dashboard

admin-tile-new-inquiries = new inquiries
admin-tile-pending-needs = needs waiting for approval
admin-tile-expiring = listings expired or expiring within 30 days
admin-tile-new-applications = new applications
admin-tile-outbox = messages not yet sent
admin-translations-summary = Translations
admin-translations-open = See what needs translating
admin-recent-activity = Recent activity
admin-col-language = Language

## Lists

admin-new = New
admin-search = Search titles
admin-count = { $count ->
    [one] 1 item
   *[other] { $n } items
}
admin-col-title = Title
admin-col-translations = Translations
admin-col-links = Links
admin-col-field = Field
admin-col-trl = TRL
admin-col-country = Country
admin-col-organisation = Organisation
admin-col-kind = Kind
admin-col-starts = Starts
admin-col-published = Published
admin-col-name = Name
admin-col-cohort = Cohort
admin-col-closes = Closes
admin-col-supervisor = Supervisor
admin-col-key = Key
admin-col-received = Received
admin-col-from = From
admin-col-technology = Technology
admin-col-when = When
admin-col-who = Who
admin-col-action = Action
admin-col-what = What
admin-col-detail = Detail
admin-view-public = View on the site
admin-untitled = (untitled)
admin-back-to-list = Back to the list
admin-back-to-dashboard = Back to the dashboard

admin-state-draft = Draft
admin-state-scheduled = Scheduled
admin-state-published = Published
admin-state-expired = Expired
admin-state-pending = Waiting for approval
admin-state-rejected = Rejected

admin-status-draft = Draft
admin-status-published = Published
admin-status-pending = Waiting for approval
admin-status-rejected = Rejected
admin-status-missing = Missing
admin-status-up-to-date = Up to date
admin-status-outdated = Older than its source
# A language tab's badge once its text has been typed into, before saving.
admin-status-unsaved = Changed, not saved yet

## Edit form

admin-new-heading = New { $item }
admin-edit-heading = Edit { $item }
admin-item-technology = technology
admin-item-need = need
admin-item-event = event
admin-item-news = news item
admin-item-fellow = fellow
admin-item-call = programme call
admin-item-post = host post
admin-item-member = network member
admin-item-page = page
admin-shared-fields = Details
admin-texts = Texts in each language
admin-source = source
admin-mark-reviewed = This translation has been checked against the current source text
admin-save = Save
admin-preview = Preview
admin-actions = Actions
admin-delete = Delete
admin-hint-markdown = Markdown: ## heading, **bold**, - list item, [link](https://…).
admin-hint-source-lang = The language the text is written in first; the others are translations of it.
admin-hint-slug = The address of the page. Made from the English title when left empty; it does not change when the title changes.
admin-hint-publish-at = Time in Nanning (UTC+8). Empty: now. A future time schedules the item.
admin-hint-expires-at = Time in Nanning (UTC+8). After it the listing leaves the site and waits here for renewal.
admin-hint-trl = 1 (basic principles) to 9 (proven in operation).
admin-hint-images = Upload images under Media first.
admin-hint-timezone = IANA name, e.g. Asia/Shanghai, Asia/Jakarta, Asia/Bangkok.
admin-hint-event-time = Local time at the venue, in the time zone above.
admin-hint-centre-time = Time in Nanning (UTC+8).
admin-error-ends-before-starts = The end must not be before the start.
admin-error-closes-before-opens = The call must close after it opens.

admin-field-status = Status
admin-field-publish-at = Publish at
admin-field-expires-at = Expires at
admin-field-source-lang = Source language
# A text field of one language in the error summary: "Summary (Bahasa Indonesia)".
admin-field-in-language = { $field } ({ $language })
admin-field-slug = Address (slug)
admin-field-field = Field
admin-field-trl = Maturity (TRL)
admin-field-ip = Intellectual property
admin-field-modes = Cooperation modes
admin-field-countries = Target countries
admin-field-province = Province of the provider
admin-field-contact-name = Contact person
admin-field-contact-email = Contact email
admin-field-contact-phone = Contact phone
admin-field-website = Website
admin-field-images = Images
admin-field-featured = Feature on the home page
admin-field-title = Title
admin-field-summary = Summary
admin-field-description = Description
admin-field-scenarios = Application scenarios
admin-field-provider = Provider organisation
admin-field-country = Country
admin-field-organisation = Organisation
admin-field-kind = Kind
admin-field-timezone = Time zone
admin-field-starts-at = Starts
admin-field-ends-at = Ends
admin-field-registration-url = Registration link
admin-field-registration-closes = Registration closes
admin-field-cover = Cover image
admin-field-body = Text
admin-field-venue = Venue
admin-field-city = City
admin-field-event = Related event
admin-field-name-latin = Name (Latin script)
admin-field-name-zh = Chinese name
admin-field-cohort = Cohort year
admin-field-photo = Photo
admin-field-research = Research topic
admin-field-home-institution = Home institution
admin-field-host-institution = Host institution in Guangxi
admin-field-bio = Biography
admin-field-opens-at = Opens
admin-field-closes-at = Closes
admin-field-decisions-at = Decisions
admin-field-call = Call
admin-field-supervisor = Supervisor
admin-field-duration = Duration (months)
admin-field-position = Order
admin-field-institution = Host institution
admin-field-lab = Laboratory
admin-field-member-kind = Kind of member
admin-field-member-name = Name
admin-field-page-key = Page key
admin-field-role = Role

form-choose-one-or-more = Choose at least one.
form-number-range = Enter a number in the allowed range.
form-datetime-invalid = Enter a date and time.
form-date-invalid = Enter a date.
form-timezone-invalid = Enter a time-zone name such as Asia/Shanghai.
form-url-invalid = Enter a web address starting with https://.
form-slug-invalid = Use lower-case letters, digits and hyphens only.
form-slug-taken = This address is already used by another item.

## Media

media-upload-title = Upload an image
media-file = Image file (JPEG, PNG or WebP)
media-file-hint = At most { $n } MB. Large images are resized for the site automatically.
media-alt = Alternative text
media-alt-required = Describe the image in at least one language, for people who cannot see it.
media-library = Library
media-upload = Upload
media-not-image = This file is not a JPEG, PNG or WebP image.
media-too-large = This file is larger than { $n } MB.
media-too-big-dimensions = This image is too large to process: at most 8000 pixels on a side and 24 megapixels in all (about 11 megapixels for a progressive JPEG, 13 for WebP).
media-save-failed = The image could not be stored just now (the database was busy). Please choose the file again and upload it; the descriptions you typed are kept.
admin-save-failed-text = Your changes could not be saved just now because the database was busy. Nothing is lost: your text is in the form below. Please save again in a moment.
admin-save-failed-title = Not saved yet
admin-conflict-someone = another editor
admin-conflict-unchecked = Not ticked
admin-conflict-checked = Ticked
admin-conflict-empty = (empty)
admin-conflict-theirs = Saved meanwhile:
admin-conflict-help = Under each field that differs you can see what they saved. Keep what should stay, then save again: the form as it is then replaces their version.
admin-conflict-text = { $who } saved this { $item } at { $when }, after you opened it. Your changes have not been saved; they are still in the form below.
admin-conflict-title = Someone else saved this meanwhile
media-busy = Other images are being processed right now. Please choose the file again and upload it in a moment; the descriptions you typed are kept.

## Inquiries

admin-inquiry-title = Inquiry
admin-inquiry-reply = Reply sent
admin-inquiry-reply-hint = Record what was answered, so colleagues can see it. Saving a reply marks the inquiry answered.
admin-inquiry-replied = Reply recorded on
inquiry-status-new = New
inquiry-status-answered = Answered
inquiry-status-closed = Closed

## Settings and translations

admin-settings-title = Headline figures
admin-settings-intro = Figures shown on the home and About pages that cannot be counted from the records here.
admin-settings-item = settings page
admin-translations-intro = Every record and language: missing, up to date, or older than the source text it was translated from.
admin-translations-to-do = Needs translating
media-item = image
admin-vocabulary-title = Search vocabulary
admin-vocabulary-intro = Words that mean the same across the three languages. A search for any word of a group also finds technologies that have another word of it, ranked after those with the word itself.
admin-vocabulary-groups = Groups of related words
admin-vocabulary-add = Add a group
admin-vocabulary-edit = Edit
admin-vocabulary-field = Field
admin-vocabulary-words-en = English words
admin-vocabulary-words-id = Indonesian words
admin-vocabulary-words-zh = Chinese words
admin-vocabulary-words-hint = Separate words or short phrases with commas, in their plain form.
admin-vocabulary-two-words = A group needs at least two words in all.
admin-vocabulary-too-many = At most { $n } words per language.
form-year-invalid = Enter a year from 2000 to 2100, as four digits.
admin-search-too-long = Search for at most { $n } characters.

## Demo content notice
admin-demo-notice-title = Demo content notice
admin-demo-notice-on = Every public page says that it shows demonstration content. Remove the notice once the centre's own content is in.
admin-demo-notice-off = The notice is removed: public pages no longer say that they show demonstration content.
admin-demo-notice-remove = Remove the notice
admin-demo-notice-restore = Show the notice again

## Exports of the lists
admin-export-csv = Export CSV
admin-export-xlsx = Export XLSX
admin-col-id = ID
admin-col-updated = Last changed
admin-col-public-url = Public page
admin-col-message = Message
admin-col-reply = Reply
admin-col-replied = Replied on
admin-col-origin = Origin
admin-col-asker-email = Asker's email
admin-col-answerer-email = Answerer's email
admin-col-opened = Opened
admin-col-forwarded = Forwarded on
admin-col-answered = Answered on
admin-col-value = Value
admin-col-reviews = Reviews

## Spreadsheet import
admin-nav-import = Import
admin-import-title = Import technologies
admin-import-upload-title = Upload a spreadsheet
admin-import-intro = One row per technology, one column per field and language. A dry run comes first: it lists every problem and changes nothing. Rows with a provider reference already imported update that technology instead of adding it again.
admin-import-file = Spreadsheet (CSV or XLSX)
admin-import-file-hint = At most { $n } MB. Start from the template: it has every column, an example row and the allowed values.
admin-import-dry-run = Check the file (dry run)
admin-import-template-xlsx = Download the template (XLSX)
admin-import-template-csv = Download the template (CSV)
admin-import-ready-title = Ready to import
admin-import-ready = { $new } new, { $changed } updated
admin-import-run = Import now
admin-import-done = Imported: { $new } new, { $changed } updated.
admin-import-problems = { $count ->
    [one] One problem found
   *[other] { $n } problems found
}
admin-import-nothing-changed = Nothing was imported. Correct the file and upload it again.
admin-import-col-row = Row
admin-import-col-column = Column
admin-import-col-problem = Problem
admin-import-col-code = Code
admin-import-values-sheet = Allowed values
admin-import-yes = Yes
admin-import-no = No
import-too-large = This file is larger than { $n } MB.
import-not-spreadsheet = This file is not a spreadsheet: upload a CSV file (UTF-8) or an Excel workbook (.xlsx).
import-empty = This file is empty.
import-too-many-rows = This file has more than { $value } rows: split it into smaller files.
import-formulas = Cell { $value } holds a formula. Replace formulas with their values and upload again.
import-merged = Cell { $value } is part of merged cells. Unmerge all cells and upload again.
import-unknown-column = Unknown column “{ $value }”. Use the column names of the template.
import-repeated-column = The column “{ $value }” appears twice.
import-missing-columns = Required columns are missing: { $value }.
import-unknown-value = “{ $value }” is not one of the allowed values (see the template's list).
import-yes-no = “{ $value }” is not yes or no.
import-repeated-ref = This provider reference is already used in row { $value }.
import-expired = The uploaded file is no longer kept. Upload it again.
import-failed = The import could not be saved; nothing was changed. Please try again.
