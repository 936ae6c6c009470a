## The page describing the public JSON API (/api), linked from the footer.
api-link = Public API
api-title = Public API
api-description = Read-only JSON of the technologies, needs, events, news, calls and fellows TechBridge publishes, for your own site or application.
api-intro = TechBridge publishes what you see on this site as read-only JSON as well, so other sites and applications can show or sync it. No key or sign-up is needed. A program can read everything below from the OpenAPI document.
api-openapi-link = The OpenAPI document (openapi.json)
api-endpoints-title = Addresses
api-endpoint-list = A page of published records, newest changes available with updated_since.
api-endpoint-detail = One published record with all its translations; 404 if it is not public.
api-endpoint-openapi = The OpenAPI description of this API, generated from its code.
api-params-title = Parameters
api-param-lang = The language of each record's main text: zh-CN, en or id. A record not translated into it shows the nearest language, as the site does.
api-param-limit = Records per page, from 1 to 100 (20 if not given).
api-param-cursor = Where the next page starts: take it from the "next" link of the page before.
api-param-updated-since = Only records changed at or after this time, written as in RFC 3339 (2026-01-31T08:00:00Z), to keep a copy up to date.
api-param-catalogue = Technologies: search words and the catalogue's filters, exactly as on the catalogue page; repeat a filter for several values.
api-param-needs = Needs: a field and a country.
api-param-events = Events: a kind of event and a country.
api-param-fellows = Fellows: a cohort year and a field.
api-params-errors = An unknown parameter or a wrong value is answered with status 400 and a JSON body whose "parameter" names it.
api-records-title = Records
api-records-text = Each record has its main text in the language asked for ("text", with "lang" saying which language it is) and its text in every language of the site ("translations"), each marked up-to-date, outdated (the original changed since it was translated) or missing.
api-pages-title = Pages
api-pages-text = A list answers one page with a "next" link while more records follow. Follow the links to the end to read the whole list once, without gaps or repeats.
api-caching-title = Caching
api-caching-text = Every answer has an ETag. Send it back in If-None-Match and an unchanged answer comes back as 304 without a body. Any website may read the API from a browser (CORS is open for GET).
api-limits-title = Limits
api-limits-text = { $count ->
    [one] Each address may make { $n } request a minute. Past that the answer is 429, with Retry-After saying how many seconds to wait.
   *[other] Each address may make { $n } requests a minute. Past that the answer is 429, with Retry-After saying how many seconds to wait.
}
api-limits-none = There is no limit on requests at the moment; please keep them reasonable.
api-privacy-title = What it never shows
api-privacy-text = Only what is published on this site: no drafts, nothing scheduled for later, nothing expired, and never contact details, inquiries, applications or anything about the people who send them.
