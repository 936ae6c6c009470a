## Technology catalogue

catalog-title = Technology catalogue
catalog-description = Advanced, applicable technologies from China for partners in ASEAN countries: search, filter and contact providers.
catalog-lead = Advanced, applicable technologies offered for transfer to ASEAN countries. Search in English, Chinese or Indonesian.
catalog-search-label = Search technologies
catalog-search-placeholder = e.g. rice, solar, water treatment
catalog-filters-title = Filter
catalog-filter-field = Field
catalog-filter-country = Target country
catalog-filter-mode = Cooperation mode
catalog-filter-ip = Intellectual property
catalog-filter-trl = Maturity (TRL)
catalog-trl-from = From
catalog-trl-to = to
catalog-trl-help = What do the levels mean?
catalog-trl-short = TRL
catalog-apply = Apply filters
catalog-sort-label = Sort by
catalog-per-page-label = Per page
catalog-sort-apply = Apply
catalog-sort-relevance = Relevance
catalog-sort-newest = Newest
catalog-sort-title = Title
catalog-result-count = { $count ->
    [one] 1 technology
   *[other] { $n } technologies
}
catalog-active-filters = Active filters
catalog-remove-filter = remove this filter
catalog-clear-all = Clear all
catalog-chip-words = Words: “{ $words }”
catalog-empty-title = No technologies match
catalog-empty-text = Try fewer or broader words, or remove a filter.
catalog-suggest-clear-filters = Search all fields and countries
catalog-suggest-clear-words = Keep the filters, drop the words
catalog-suggest-site-search = Search news, events and needs instead
catalog-empty-post-need = Cannot find it? Tell us what you are looking for.

## Technology page

trl-short = TRL
tech-description = Description
tech-scenarios = Application scenarios
tech-facts = Key facts
tech-provider = Provider
tech-maturity = Maturity
tech-ip = Intellectual property
tech-modes = Cooperation modes
tech-target-countries = Target countries
tech-contact = Contact
tech-website = Website
tech-published = Listed on
tech-related = Related technologies
tech-matching-needs = Needs this technology could meet

## Inquiry

inquiry-cta = Send an inquiry
inquiry-title = Ask the provider about this technology
inquiry-intro = The centre forwards your inquiry to the provider and follows up. We reply within five working days.
inquiry-name = Your name
inquiry-organisation = Organisation
inquiry-country = Country
inquiry-email = Email
inquiry-message = Message
inquiry-message-hint = What would you like to know or do? For example: the scale you have in mind, your location, your timeline.
inquiry-message-short = Please write at least 20 characters so the provider can answer usefully.
inquiry-consent = I agree that the centre stores my inquiry and shares it with the provider of this technology.
inquiry-submit = Send inquiry
inquiry-sent-title = Thank you, your inquiry was sent
inquiry-sent-text = We have received your inquiry about “{ $title }” and will forward it to the provider. You will hear from us by email.
inquiry-sent-back = Back to the technology

## Technology needs

needs-title = Technology needs
needs-description = What organisations in ASEAN countries are looking for, each matched with technologies from the catalogue.
needs-lead = Organisations in ASEAN countries describe the technology they are looking for; we match each need with the catalogue.
needs-count = { $count ->
    [one] 1 need
   *[other] { $n } needs
}
needs-empty = No needs match these filters.
need-new-title = Post a technology need
need-new-lead = Describe the technology your organisation is looking for. An editor reviews every need before it is published, usually within two working days.
need-title = Title
need-description = Description
need-description-hint = The problem, its scale, your constraints, and the kind of cooperation you seek.
need-description-short = Please describe the need in at least 40 characters.
need-field = Field
need-country = Country
need-organisation = Organisation
need-contact_name = Contact person
need-contact_email = Contact email
need-consent = I agree that the centre stores this need, publishes it after review, and shares my contact details with matching providers.
need-submit = Submit for review
need-submitted-title = Thank you, your need was received
need-submitted-text = An editor will review it and publish it, usually within two working days. We will contact you by email if we have questions.
need-matching-technologies = Technologies that could meet this need
need-no-matches = No matching technologies yet. Our editors will look for providers.
need-contact-note = To be put in touch with this organisation, send an inquiry about one of the matching technologies or contact the centre.

## Site search

search-title = Search
search-result-count = { $count ->
    [one] 1 result
   *[other] { $n } results
}
search-empty-title = Nothing found
search-empty-text = Try other words, or search in another language: every page is indexed in Chinese, English and Indonesian.
search-more-technologies = All matching technologies in the catalogue
search-more-needs = All matching technology needs
search-more-events = All matching events
search-more-news = All matching news
search-more-fellows = All matching fellows
search-all-kinds = Back to results of every kind
search-kind-technologies = Technologies
search-kind-needs = Technology needs
search-kind-events = Events
search-kind-news = News
search-kind-fellows = Fellows
catalog-partial = No technology has all of “{ $words }” — showing those with most of them.
catalog-did-you-mean = Did you mean
catalog-page-title = { $searched ->
        [yes] “{ $words }” – technologies
       *[no] Technologies
    }{ $filters ->
        [0] {""}
        [one] {", "}1 filter
       *[other] {", "}{ $filters } filters
    }{ $page ->
        [1] {""}
       *[other] {", "}page { $page }
    }
catalog-filters-summary = { $count ->
        [0] Filters
        [one] Filters (1 active)
       *[other] Filters ({ $count } active)
    }
catalog-page-past-end = There is no page { $asked }: this is the last page, { $page }.

## What each form says when a field is missing or wrong.
inquiry-error-name = Enter your name, so that the provider knows who is asking.
inquiry-error-organisation = Enter your company or organisation.
inquiry-error-country = Choose the country your organisation is in.
inquiry-error-email = Enter your e-mail address: the provider's answer is sent there.
inquiry-error-message = Write what you would like to know, or what you would like to do with this technology.
inquiry-error-consent = Tick the box so that we may pass your inquiry to the provider.
need-error-title = Give your need a short title, such as “Cold storage for fish landings”.
need-error-description = Describe the problem to solve, where, and at what scale.
need-error-field = Choose the field your need belongs to.
need-error-country = Choose the country where the technology is needed.
need-error-organisation = Enter your company or organisation.
need-error-contact-name = Enter the name of the person providers can write to.
need-error-contact-email = Enter the e-mail address where providers' offers should go.
need-error-consent = Tick the box so that we may publish your need and pass the offers on to you.

## A search longer than the longest there is: its start was searched.
search-shortened = { $count ->
    [one] Only the first character of your search was used.
   *[other] Only the first { $n } characters of your search were used.
}
