## Site chrome: header, navigation, footer, notices

site-name = China-ASEAN Technology Transfer Center
site-tagline = { -brand }: technologies for ASEAN
skip-to-content = Skip to main content
lang-switch-label = Language
nav-label = Main
nav-home = Home
nav-technologies = Technologies
nav-needs = Technology needs
nav-events = Events
nav-news = News
nav-programme = Young scientists
nav-about = About us
breadcrumb-label = You are here
search-label = Search the whole site
search-placeholder = Technologies, events, news…
search-button = Search
footer-about-title = About the centre
footer-about-text = The China-ASEAN Technology Transfer Center in Nanning, Guangxi, connects proven technologies from China with companies, universities and governments in the eleven ASEAN countries.
footer-links-title = Get involved
footer-feeds-title = Follow us
footer-copyright = © China-ASEAN Technology Transfer Center, Nanning. Content may be reused with attribution.
feed-news-title = News (Atom feed)
feed-events-title = Events calendar (iCalendar)

notice-fallback = This content is not yet available in English. It is shown in { $shown ->
        [zh-CN] Chinese
        [id] Indonesian
       *[en] English
    }.
notice-outdated = This translation may be out of date: the original text has changed since it was translated.
notice-demo = Demonstration content: apart from what the October 2022 news report on the centre's work states, the organisations, people and events on this site are fictional.

## Pagination and filters

pagination-label = Pages
pagination-prev = Previous
pagination-next = Next
pagination-position = Page { $position }
filter-any = Any
filter-apply = Apply
filter-year = Year
filter-event = Event

## Errors

error-not-found-title = Page not found
error-not-found-text = We could not find that page. It may have moved, or the address may be mistyped.
error-bad-request-title = Request not understood
error-bad-request-text = The request could not be understood. Please check the address and try again.
error-forbidden-title = Not allowed
error-csrf-text = This form was sent from another site or has expired. Please go back, reload the page and try again.
error-forbidden-text = You do not have permission to do this.
error-too-many-title = Too many requests
error-too-many-text = You have sent too many requests in a short time. Please wait a few minutes and try again.
error-too-large-title = Too large
error-too-large-text = What you sent is larger than we accept.
error-timeout-title = Took too long
error-timeout-text = The request took too long to arrive. Please check your connection and try again.
error-unavailable-title = Temporarily unavailable
error-unavailable-text = The portal cannot reach its database right now. Please try again in a moment.
error-busy-text = Many people are signing in at this moment. Please try again in a few seconds.
error-internal-title = Something went wrong
error-internal-text = An unexpected error occurred on our side. It has been logged; please try again later.
error-home-link = Go to the home page

## Forms

form-required = This field is required.
form-required-mark = (required)
form-too-long = This is too long.
form-too-long-n = This is too long: at most { $n } characters.
form-max-chars = At most { $n } characters.
form-choose = Please choose one of the options.
form-choose-option = Choose…
form-email-invalid = Enter an email address like name@example.org.
form-consent-required = Please agree so that we can process your message.
form-honeypot = Leave this field empty
form-error-summary = { $count ->
    [one] There is a problem with the form
   *[other] There are { $n } problems with the form
}
# One line of an error summary: the field's name and what is wrong.
form-error-item = { $field }: { $message }
# A place and its country: "Guangxi, China".
place-in-country = { $place }, { $country }
# An organisation and its country in a list.
org-in-country = { $organisation }, { $country }
# A page heading naming what it is about: "Deal: Koperasi Tani".
heading-about = { $title }: { $subject }
# A text with a note in brackets: "5 (12)", "Alt text (English)".
text-with-aside = { $text } ({ $aside })
# What goes between the items of a list: "Indonesia, Viet Nam".
list-separator = { ", " }
# A maturity level and its name: "TRL 7 — prototype demonstrated in operation".
trl-named = { $level } — { $name }

## Formats

fmt-date = { $day } { $monthname } { $year }
fmt-date-time = { $date }, { $time }
fmt-time = { $h }:{ $m }
fmt-kilobytes = { $n } KB
fmt-group-separator = { "," }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Accounts

password-too-short = The password must be at least 12 characters long.
password-too-common = This password is too common or too easy to guess. Choose another.

## Time zones named in the page's language (events show times in their own zone).
fmt-time-span-day = { $date }, { $from }–{ $to }
fmt-time-span = { $from } – { $to }
fmt-zone = { $zone } (UTC{ $offset })
zone-Asia-Shanghai = China Standard Time
zone-Asia-Chongqing = China Standard Time
zone-Asia-Hong_Kong = Hong Kong Time
zone-Asia-Jakarta = Western Indonesia Time (WIB)
zone-Asia-Pontianak = Western Indonesia Time (WIB)
zone-Asia-Makassar = Central Indonesia Time (WITA)
zone-Asia-Jayapura = Eastern Indonesia Time (WIT)
zone-Asia-Bangkok = Indochina Time (Bangkok)
zone-Asia-Ho_Chi_Minh = Indochina Time (Ho Chi Minh City)
zone-Asia-Phnom_Penh = Indochina Time (Phnom Penh)
zone-Asia-Vientiane = Indochina Time (Vientiane)
zone-Asia-Kuala_Lumpur = Malaysia Time
zone-Asia-Kuching = Malaysia Time
zone-Asia-Singapore = Singapore Time
zone-Asia-Manila = Philippine Time
zone-Asia-Yangon = Myanmar Time
zone-Asia-Brunei = Brunei Time
zone-Asia-Dili = Timor-Leste Time
zone-UTC = Coordinated Universal Time
zone-Etc-UTC = Coordinated Universal Time

## The privacy notice, linked from the footer and every form.
privacy-link = Privacy notice
privacy-description = What TechBridge keeps from inquiries, needs, offers and applications, why, for how long, and how to have it erased.
form-privacy-hint = We use what you send only for this request.
form-privacy-link = What we keep, and for how long

## On a card whose text is in another language than the page.
card-in-language = In { $shown }
