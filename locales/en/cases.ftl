# The counsellor queue as the client sees it: hand-off, waiting, talking to a counsellor, closing.
case-opened = I have passed your conversation to a counsellor of the centre. They will write to you here, in this chat.
case-added = You are already talking to a counsellor; I have added this to your conversation with them.
case-wait-minutes =
    { $minutes ->
        [one] A counsellor should answer within about { $minutes } minute.
       *[other] A counsellor should answer within about { $minutes } minutes.
    }
case-wait-hours =
    { $hours ->
        [one] A counsellor should answer within about { $hours } hour.
       *[other] A counsellor should answer within about { $hours } hours.
    }
case-closed-hours = The centre is closed now. A counsellor will answer when it opens: { DATETIME($when, dateStyle: "full") } at { DATETIME($when, timeStyle: "short") }. If you prefer to come in person, you can book an appointment.
case-closed-no-hours = The centre is closed now. A counsellor will answer as soon as the centre opens. If you prefer to come in person, you can book an appointment.
case-how-it-works = Write everything you want the counsellor to know here, in your own words; photos of documents are welcome too. To go back to the assistant, press "{ case-leave-button }".
case-leave-button = ↩️ Back to the assistant
case-left = You are back with the assistant, and your conversation with the counsellor is closed. You can ask for a counsellor again at any time.
case-claimed = { $name } from the centre is now looking at your message and will write to you here.
case-counsellor-says =
    { $name } (counsellor):
# A counsellor's own words, shown as typed (rendered verbatim, never through Fluent).
case-counsellor-text = { $text }
case-closed-for-client = The counsellor has closed this conversation. You are back with the assistant: write whenever you need anything.
case-satisfaction-question = One question: how satisfied are you with the help you got?
case-rate-5 = 😀 Very satisfied
case-rate-4 = 🙂 Satisfied
case-rate-3 = 😐 So-so
case-rate-2 = 🙁 Dissatisfied
case-rate-1 = 😞 Very dissatisfied
case-rated = Thank you for your answer. It helps the centre to improve.
case-rate-stale = Thank you, we already have your answer.
case-only-words = The counsellor can read text, photos and documents, but not this. Please write it in words.
case-file-too-large = This file is too large: the limit is { $megabytes } MB. Please send a smaller photo or write it in words.
case-button-during = You are talking to a counsellor now, so the menu is paused. Write your message, or press "{ case-leave-button }".
case-file-outside = I cannot read files. If a counsellor should see a document, ask for a counsellor first and send it to them then.
