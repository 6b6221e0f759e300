# The Telegram staff group (counsellors only, never clients) and linking it on the console's account page.

## Console: the account page
staff-telegram-title = Telegram staff group
staff-telegram-intro = Link your Telegram account to take cases, answer clients and write internal notes from the centre's Telegram staff group.
staff-telegram-not-configured = The Telegram staff group is not set up on this server yet. You can link your account already; it will work once the group is set up.
staff-telegram-linked = Your Telegram account is linked.
staff-telegram-not-linked = Your Telegram account is not linked.
staff-telegram-link-button = Link Telegram
staff-telegram-relink-button = Link another Telegram account
staff-telegram-unlink-button = Unlink Telegram
staff-telegram-code-label = Your one-time code
staff-telegram-code-how = Within { $minutes } minutes, send this message in the staff group or privately to the assistant's bot. The code works once and is shown only now.
staff-telegram-code-pending = A code made earlier is valid until { DATETIME($until, timeStyle: "short") }. If you no longer have it, make a new one.
staff-telegram-unlinked = Your Telegram account has been unlinked.

## The staff group: topic names and what the assistant posts
staffgroup-topic-name = #{ $case } { $marks } { $topic } · { $language }
staffgroup-mark-closed = 🔒 closed
staffgroup-reason =
    { $reason ->
        [escalation] legal matter
        [request] asked for a counsellor
        [fallback] the assistant did not understand
       *[other] { $reason }
    }
staffgroup-new-case =
    🆕 Case #{ $case }: { $topic }
    Language: { $language } · channel: { $channel } · { $reason }
staffgroup-urgent = 🚨 URGENT: someone's liberty or safety may be at stake, or a deadline is running. Please take this case now.
staffgroup-intents = What the assistant understood: { $intents }
staffgroup-before = The conversation before the hand-off:
staffgroup-before-none = There were no messages before the hand-off.
staffgroup-line-client = 👤 { $text }
staffgroup-line-bot = 🤖 { $text }
staffgroup-how = Press "Take", then write in this topic: your messages go to the client. /note with a text adds an internal note; /close with a resolution closes the case.
staffgroup-take-button = 🙋 Take
# Headers: the person's words follow on the next line, added in code (Fluent refuses placeables
# longer than 2,500 characters, and a reply may have 8,000).
staffgroup-client-says = 👤 Client:
staffgroup-client-file = 📎 The client sent a file: { $name }
staffgroup-client-unreadable = 👤 The client sent something that cannot be shown here ({ $what }) and was asked to write it in words.
staffgroup-client-file-too-large = 👤 The client tried to send a file over the size limit and was asked for a smaller one.
staffgroup-counsellor-says = 💬 { $name } to the client:
staffgroup-not-delivered = ⛔ Not delivered: the client has blocked the assistant or deleted the chat.
staffgroup-delivery-failed = ⚠️ Not delivered: the client's channel did not accept the message. Try again later.
staffgroup-note = 📝 Internal note by { $name } (the client does not see it):
staffgroup-claimed = ✅ { $name } has taken the case.
staffgroup-transferred = ➡️ The case was passed to { $name }.
staffgroup-closed = 🔒 { $name } closed the case. Resolution: { $resolution }
staffgroup-left = 🚪 The client went back to the assistant, so the case is closed.
staffgroup-joined = 🔗 The client connected another chat app: their case { $case } continues in this topic.
staffgroup-joined-into = 🔗 The client connected another chat app: this case continues as { $case }, so it is closed here.
staffgroup-escalated = ⬆️ The client raised another matter: { $topic }
staffgroup-sla = ⏰ Case #{ $case } has been waiting { $minutes } min for a first response.
staffgroup-someone = a colleague
staffgroup-resolution =
    { $resolution ->
        [answered] answered
        [referred] referred elsewhere
        [appointment] appointment booked
        [no_response] the client did not respond
        [out_of_scope] outside what the centre does
        [duplicate] duplicate
        [client_left] the client left
       *[other] { $resolution }
    }

## The staff group: answers to staff members
staffgroup-link-first = Link your Telegram account first: in the staff console, open { $page } and press "{ staff-telegram-link-button }".
staffgroup-not-casework = Your role in the staff console does not include working on cases.
staffgroup-take-ok = The case is yours. Write in its topic to answer the client.
staffgroup-already-yours = This case is already yours.
staffgroup-taken-by = This case has already been taken by { $name }.
staffgroup-case-closed = This case is closed.
staffgroup-case-missing = This case no longer exists.
staffgroup-take-first = Nobody has taken this case yet. Press "{ staffgroup-take-button }" first; until then, messages here stay among staff.
staffgroup-not-yours = This case belongs to { $name }: only their messages go to the client. Use /note for an internal note.
staffgroup-too-long = This is too long for one reply: at most { $max } characters. Please shorten it.
staffgroup-note-usage = Write the note after the command, for example: /note Called the client, they will bring the decision.
staffgroup-close-usage = Close the case with one of these:
staffgroup-only-text = Only text can be passed on to the client from here.
staffgroup-link-usage = Send the code from your account page in the staff console, for example: /link 12345678
staffgroup-link-ok = Linked as { $name }. You can now take cases in this group.
staffgroup-link-invalid = This code is not valid. A code works once and only for 15 minutes: make a new one on your account page.
staffgroup-link-throttled = Too many wrong codes. Wait 15 minutes and try again.
