## Home

home-title = Technologies for ASEAN
home-description = The China-ASEAN Technology Transfer Center connects advanced, applicable technologies from China with partners in the eleven ASEAN countries.
home-heading = Find the technology your organisation can adopt
home-lead = A thousand advanced, applicable technologies from China for agriculture, energy, water, health, industry and cities in ASEAN countries, with the people who can help you adopt them.
home-search-label = What are you looking for?
home-search-placeholder = e.g. rice, solar power, water treatment
home-figures-title = The centre in figures
home-featured-title = Featured technologies
home-all-technologies = All technologies
home-events-title = Upcoming events
home-all-events = All events
home-news-title = Latest news
home-all-news = All news

figure-technologies = technologies in the catalogue
figure-network_members = members of the transfer network
figure-agreements = cooperation agreements
figure-events = forums, competitions and other events
figure-fellows = young scientists hosted
figure-projects = projects presented
figure-companies_served = companies served
figure-bilateral_mechanisms = bilateral government mechanisms

## About

about-description = The China-ASEAN Technology Transfer Center, the technology-transfer alliance and network, and the bilateral mechanisms with ASEAN countries.
about-figures-title = Key figures
about-network-title = Network and partners

## Events

events-title = Events
events-description = Forums, competitions, camps, trainings and matchmaking sessions of the China-ASEAN technology-transfer network.
events-lead = Meet technology providers and partners at forums, competitions, camps, trainings and matchmaking sessions.
events-filter-kind = Kind
events-upcoming = Upcoming
events-past = Past events
events-past-badge = Past event
events-none-upcoming = No upcoming events are scheduled yet.
events-none-past = No past events match.
events-subscribe = Calendar feed address (.ics), for Google Calendar or Outlook
event-when-where = When and where
event-starts = Starts
event-ends = Ends
event-time-zone = Time zone
event-venue = Venue
event-register = Register
event-registration-closed = Registration is closed.
event-add-calendar = Download the .ics file (Apple Calendar, Thunderbird and others)
event-news = News about this event

## News

news-title = News
news-description = News from the China-ASEAN Technology Transfer Center and its network.
news-empty = No news matches.
news-subscribe = Subscribe to the news feed
news-related = More news
news-related-event = Event

## Programme

programme-title = ASEAN Talented Young Scientists Guangxi Program
programme-description = Six to twelve months of research in a Guangxi host institution for young scientists from ASEAN countries.
programme-lead = The programme invites young researchers from ASEAN countries to spend six to twelve months in a university or research institute in Guangxi, working on a joint project with a Chinese supervisor.
programme-offer-title = What the programme offers
programme-offer-1 = A research post of 6 to 12 months at a host institution in Guangxi
programme-offer-2 = A monthly stipend, accommodation and health insurance
programme-offer-3 = Research funding for your joint project
programme-offer-4 = A Chinese language and culture course
programme-eligibility-title = Who can apply
programme-eligibility-1 = Nationals of an ASEAN member state
programme-eligibility-2 = Under 45 years of age on the closing date of the call
programme-eligibility-3 = A PhD, or a master's degree and at least five years of research experience
programme-eligibility-4 = Working knowledge of English or Chinese
programme-timeline = Timeline of the call
programme-opens = Applications open
programme-closes = Applications close
programme-decisions = Decisions
programme-call-open-until = Applications are open until { $date }.
programme-call-opens-on = The call is not open yet. It opens on { $date }.
programme-call-closed = The call is closed. The next call will be announced on this page and in the news.
programme-no-call = There is no call at the moment. The next call will be announced on this page and in the news.
programme-apply = Apply now
programme-learn-more = About the programme
programme-host-posts = Host posts in this call
programme-fellows-title = Our fellows
programme-all-fellows = All fellows
post-institution = Host institution
post-lab = Laboratory
post-field = Field
post-supervisor = Supervisor
post-duration = Duration
post-months = { $count ->
    [one] 1 month
   *[other] { $n } months
}
status-title = Check an application

## Fellows

fellows-title = Fellows directory
fellows-description = Young scientists from ASEAN countries hosted in Guangxi by the programme.
fellows-filter-country = Country
fellows-filter-cohort = Cohort
fellows-filter-field = Field
fellows-count = { $count ->
    [one] 1 fellow
   *[other] { $n } fellows
}
fellows-empty = No fellows match these filters.
fellow-cohort = Cohort { $count }
fellow-cohort-label = Cohort
fellow-country = Country
fellow-field = Field
fellow-home = Home institution
fellow-host = Host institution in Guangxi
fellow-bio = About
about-trl-title = Technology readiness levels
about-trl-intro = Every technology in the catalogue states its maturity on the nine technology readiness levels (TRL): from an idea proven in the laboratory to a system proven in daily operation.
event-when = When
event-where = Where
event-add-to-calendar = Add to calendar
event-calendar-google = Google Calendar
event-calendar-outlook = Outlook.com
event-calendar-office = Outlook (Microsoft 365)
events-subscribe-webcal = Subscribe in your calendar app
