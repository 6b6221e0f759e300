# Connected apps: one person on Telegram, WhatsApp and the web chat, joined with a short code.
link-keywords = connect, connect apps, link apps
link-channel = { $channel ->
        [tg] Telegram
        [wa] WhatsApp
        [console] console
       *[web] web chat
    }
link-code =
    Your code: { $code }
    Send it to us from your other app (WhatsApp, Telegram or the web chat) within { $minutes } minutes. It works only once.
link-code-button = 🔗 Connect another app
link-apps-button = 📱 Connected apps
link-apps-title = Apps connected to your account:
link-apps-item = { $number }. { link-channel }{ $this ->
        [yes] {" "}(this chat)
       *[no] {""}
    }, since { DATETIME($since, dateStyle: "medium") }
link-apps-only-this = Only this chat so far. To see your appointments and course news in another app as well, get a code and send it from there.
link-apps-drop-hint = To disconnect an app, press its number.
link-drop-button = ✂️ { $number }. { link-channel }
link-drop-confirm = Disconnect { $number }. { link-channel }? Your appointments, course news and conversations with counsellors stay here; that app starts again without them.
link-dropped = { link-channel } is disconnected. It starts again as a separate chat, without your appointments and course news.
link-confirm = This code comes from your other app ({ link-channel }). Connect this chat with it? Both will then show the same appointments, course news and conversations with counsellors, in the language you chose there.
link-confirm-moves = Moving over from this chat: appointments ahead: { $bookings }, course news topics: { $topics }, conversations with a counsellor: { $cases }.
link-join-button = ✅ Yes, connect
link-keep-button = ✖️ No
link-cancelled = OK, nothing was connected.
link-done = Done: this chat is now connected with { link-channel }. Your appointments, course news and conversations with counsellors are the same in both.
link-done-case = Your conversation with the counsellor goes on: write here or in the other app.
link-invalid = That code is not valid. Check it and send it again, or get a new one in your other app.
link-expired = That code has expired: codes work for { $minutes } minutes. Get a new one in your other app.
link-own = This code was made in this chat. Send it from your other app (WhatsApp, Telegram or the web chat) to connect the two.
link-already = This chat is already connected with that app.
link-throttled = Too many wrong codes. For your safety, please try again after { DATETIME($at, timeStyle: "short") }.
link-stale = That question has expired. Send the code again to connect the apps.
