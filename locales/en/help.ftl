# Help, contacts and privacy.
help-text =
    I am the virtual assistant of { $centre }. Write your question in your own words or use the buttons.
    Commands: /menu – main menu, /language – change language, /help – this help, /connect – connect another app.
help-contact-address = Address: { $address }
help-contact-hours = Opening hours: { $hours }
help-contact-phone = Phone: { $phone }
help-contact-email = E-mail: { $email }
help-privacy-button = 🔒 Privacy
help-privacy =
    You agreed to our privacy notice on { DATETIME($consented_at, dateStyle: "long", timeStyle: "short") }.
    We keep your messages for { $days ->
        [one] { $days } day
       *[other] { $days } days
    }, then delete them.
help-privacy-forget-button = 🗑 Withdraw consent and delete my messages
help-privacy-forget-confirm = Do you really want to delete all your messages and withdraw your consent? Counsellors will no longer see our conversation.
help-privacy-forget-done = Done. I have deleted { $count ->
        [one] { $count } message
       *[other] { $count } messages
    } and withdrawn your consent. If you write again, I will ask for your consent first.
