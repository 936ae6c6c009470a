## Alerts by e-mail for visitors (no account).

alerts-follow = Get new results by e-mail
alerts-title = Alerts by e-mail
alerts-lead = We send you an e-mail when something new is published, daily or weekly, in this language. No account needed; every message has a link to stop.
alerts-topic = What to follow
alerts-topic-technologies = new technologies for this search
alerts-topic-needs = new technology needs
alerts-topic-calls = new programme calls
alerts-topic-events = new events
alerts-filters-kept = The search and filters of the page you came from are kept.
alerts-filters-see = See that page
alerts-frequency = How often
alerts-frequency-daily = Daily
alerts-frequency-weekly = Weekly
alerts-email = E-mail address
alerts-email-hint = We first send a message to confirm that it is yours; nothing else is sent before you confirm.
alerts-submit = Subscribe
alerts-limit = This address already has { $n } alerts, the most one address may have. Stop one first, with the link in its messages.
alerts-too-many = We have already sent several confirmation messages to this address today. Please confirm one of them, or try again tomorrow.
alerts-sent-title = Please check your e-mail
alerts-sent-text = We have sent you a message with a link to confirm the alert. Until you confirm it, nothing else is sent.
alerts-link-title = This link cannot be used
alerts-link-tampered = This link is not one we sent, or it was changed on the way. Nothing was changed.
alerts-link-expired = This confirmation link has expired. Please subscribe again.
alerts-confirm-title = Confirm your alert
alerts-confirm-text = Press the button to start receiving the alert at this address.
alerts-confirm-button = Confirm
alerts-confirmed-title = Your alert is confirmed
alerts-confirmed-text = You will receive an e-mail when something new is published. Every message has a link to stop.
alerts-unsubscribe-title = Stop this alert
alerts-unsubscribe-text = Press the button and you will receive no more messages from this alert.
alerts-unsubscribe-button = Stop the alert
alerts-unsubscribed-title = The alert is stopped
alerts-unsubscribed-text = You will receive no more messages from it. You can subscribe again at any time.
alerts-mail-confirm-subject = Please confirm your TechBridge alert
alerts-mail-confirm-body =
    Hello,

    Somebody, probably you, asked for an e-mail ({ $how }) about { $what } on TechBridge:
    { $page }

    To confirm, open this link within { $days } days and press the button:
    { $confirm }

    If it was not you, do nothing: without confirmation we send nothing more.

    To refuse it now: { $stop }

    China-ASEAN Technology Transfer Center, Nanning
alerts-mail-digest-subject = { $count ->
    [one] One new item: { $what }
   *[other] { $count } new items: { $what }
}
alerts-mail-digest-body =
    Hello,

    Published since our last message ({ $what }):

    { $list }

    All of them: { $page }

    To stop these messages: { $stop }

    China-ASEAN Technology Transfer Center, Nanning

## What each form says when a field is missing or wrong.
alerts-error-email = Enter the e-mail address where the news should go.
alerts-error-topic = Choose what you want to follow.
alerts-error-frequency = Choose how often you want to hear from us.
