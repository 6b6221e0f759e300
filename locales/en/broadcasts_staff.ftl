# Staff console: broadcasts (course announcements) for coordinators.
staff-nav-broadcasts = Broadcasts
staff-broadcasts-title = Broadcasts
staff-broadcasts-empty = No broadcasts yet.
staff-broadcast-new = New broadcast
staff-broadcast-title-label = Title (only staff see it)
staff-broadcast-state = State
staff-broadcast-when = Scheduled for
staff-broadcast-at = { DATETIME($at, dateStyle: "medium", timeStyle: "short") }
staff-broadcast-status = { $status ->
    [draft] Draft
    [scheduled] Scheduled
    [sending] Sending
    [paused] Paused
    [cancelled] Cancelled
   *[done] Done
}
staff-broadcast-delivery-status = { $status ->
    [queued] Waiting
    [sending] In flight
    [sent] Sent
    [failed] Failed
    [blocked] Blocked the bot
   *[skipped] Skipped
}
staff-broadcast-compose = Compose a broadcast
staff-broadcast-fix = Please fix these before saving:
staff-broadcast-text-hint = Write the announcement in each language you can. The text is sent exactly as typed (no formatting); long texts go out in two messages.
staff-broadcast-text-label = Text in { $language }
staff-broadcast-empty-legend = Clients whose language has no text
staff-broadcast-empty-fallback = get the text in the fallback language
staff-broadcast-fallback-language = Fallback language
staff-broadcast-empty-skip = get nothing
staff-broadcast-buttons-legend = Buttons (optional)
staff-broadcast-signup-label = "Sign me up" books or waitlists this service
staff-broadcast-signup-none = No sign-up button
staff-broadcast-url-label = "More information" link
staff-broadcast-audience-legend = Audience
staff-broadcast-audience-hint = Only clients who subscribed to a chosen topic receive it. Leave languages, channels or branches empty to include all.
staff-broadcast-topics = Topics
staff-broadcast-topic = { $topic ->
    [czech_courses] Czech courses
    [adaptation_course] Adaptation course
    [exams] Exams
    [events] Lectures and events
   *[news] General news
}
staff-broadcast-languages = Languages
staff-broadcast-channels = Channels
staff-broadcast-channel = { $channel ->
    [tg] Telegram
    [wa] WhatsApp
    [web] Web chat
   *[other] { $channel }
}
staff-broadcast-channel-label = Channel
staff-broadcast-locations = Branches
staff-broadcast-save = Save and preview
staff-broadcast-edit = Edit
staff-broadcast-recipients = Recipients
staff-broadcast-recipient-count = { $count ->
    [one] { $count } recipient
   *[other] { $count } recipients
}
staff-broadcast-whatsapp-pending = { $count } WhatsApp subscribers will be skipped: sending on WhatsApp is not available yet.
staff-broadcast-warning-fallback = No text in { $language }: { $count } clients will get the { $fallback } text.
staff-broadcast-warning-skip = No text in { $language }: { $count } clients will get nothing.
staff-broadcast-missing-languages = Languages without text: { $languages }
staff-broadcast-preview = Preview
staff-broadcast-preview-language = Language: { $language }
staff-broadcast-parts = { $count } messages
staff-broadcast-whatsapp-list = WhatsApp shows more than 3 buttons as a list.
staff-broadcast-test = Send a test
staff-broadcast-test-hint = The test goes at once to one chat, e.g. your own Telegram chat with the bot (tg: and its chat id) or a web chat (web: and its id). That chat must have written to the bot before.
staff-broadcast-test-ref = Chat (client reference)
staff-broadcast-test-send = Send test
staff-broadcast-test-done = The test was sent to { $client }.
staff-broadcast-send = Send
staff-broadcast-send-now = Send now
staff-broadcast-send-later = Send at this time:
staff-broadcast-send-at = Date and time (centre time)
staff-broadcast-send-submit = Send to { $count } recipients
staff-broadcast-scheduled-note = Scheduled for { DATETIME($at, dateStyle: "medium", timeStyle: "short") }. This page shows the progress by itself once sending starts; editing the broadcast stops the schedule.
staff-broadcast-unschedule = Stop the schedule (back to draft)
staff-broadcast-bad-time = Enter a date and time.
staff-broadcast-progress = Progress
staff-broadcast-total = Total
staff-broadcast-sent = Sent
staff-broadcast-failed = Failed
staff-broadcast-blocked = Blocked
staff-broadcast-skipped = Skipped
staff-broadcast-left = Left
staff-broadcast-rate = Messages per second
staff-broadcast-eta = Time to finish
staff-broadcast-interrupted = { $count } messages were being sent when the sender stopped unexpectedly: they may or may not have arrived, so they are not sent again.
staff-broadcast-pause = Pause
staff-broadcast-resume = Resume
staff-broadcast-cancel = Cancel the rest
staff-broadcast-report = Report by language and channel
staff-broadcast-language = Language
staff-broadcast-reasons = Reasons
staff-broadcast-problem-title-missing = Give the broadcast a title.
staff-broadcast-problem-text-empty = Write the text in at least one language.
staff-broadcast-problem-text-too-long = The { $language } text has { $length } characters; the limit is { $limit }. Shorten it.
staff-broadcast-problem-fallback-empty = The fallback language ({ $language }) has no text. Write it, or choose another fallback, or "get nothing".
staff-broadcast-problem-no-topics = Choose at least one topic.
staff-broadcast-problem-bad-url = The link must start with http:// or https:// and contain no spaces.
staff-broadcast-problem-bad-signup = Choose a service for the sign-up button from the list.
staff-broadcast-problem-empty-audience = Nobody matches this audience: no subscriber would receive it.
staff-broadcast-problem-time-past = That time is in the past. Choose a future time or send now.
staff-broadcast-problem-not-editable = This broadcast is already being sent and cannot be changed.
staff-broadcast-problem-bad-state = This action does not fit the broadcast's state any more. Reload the page.
staff-broadcast-problem-not-found = This broadcast no longer exists.
staff-broadcast-problem-unknown-client = No chat with this reference has written to the bot.
staff-broadcast-problem-not-delivered = The test was not delivered ({ $status }: { $detail }).
