# First contact: greeting, privacy notice and consent, then the choice of language.
first-contact-welcome = Hello! I am the virtual assistant of { $centre }. I answer questions about residence permits, Czech courses and exams, and counselling; I book appointments with counsellors and connect you with a person when you need one. Our services are free.
first-contact-privacy =
    Before we start, please read how we handle your data:
    • We keep your messages and your chosen language so that we can answer you and prepare a counsellor for your case.
    • Only the centre's staff can read them. We delete your messages after { $days ->
        [one] { $days } day
       *[other] { $days } days
    }.
    • You can withdraw your consent and delete your messages at any time in Help → Privacy.
first-contact-consent-question = Do you agree?
first-contact-agree = ✅ I agree
first-contact-decline = ❌ No, thanks
first-contact-other-language = 🌐 Other language
first-contact-declined = That is fine. Without your consent I cannot keep our conversation, so I have not stored your messages. You can still contact the centre directly: { $address }, opening hours: { $hours }. If you change your mind, just write to me again.
first-contact-choose-language = Thank you. Which language shall I write in?
