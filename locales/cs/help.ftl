# Help, contacts and privacy.
help-text =
    Jsem virtuální asistent organizace { $centre }. Napište otázku vlastními slovy nebo použijte tlačítka.
    Příkazy: /menu – hlavní menu, /language – změna jazyka, /help – tato nápověda, /connect – propojení další aplikace.
help-contact-address = Adresa: { $address }
help-contact-hours = Otevírací doba: { $hours }
help-contact-phone = Telefon: { $phone }
help-contact-email = E-mail: { $email }
help-privacy-button = 🔒 Osobní údaje
help-privacy =
    Váš souhlas se zásadami ochrany osobních údajů máme od { DATETIME($consented_at, dateStyle: "long", timeStyle: "short") }.
    Vaše zprávy uchováváme { $days ->
        [one] { $days } den
        [few] { $days } dny
        [many] { $days } dne
       *[other] { $days } dní
    }, pak je smažeme.
help-privacy-forget-button = 🗑 Odvolat souhlas a smazat zprávy
help-privacy-forget-confirm = Opravdu chcete smazat všechny své zprávy a odvolat souhlas? Poradci už náš rozhovor neuvidí.
help-privacy-forget-done = Hotovo. Smazal jsem { $count ->
        [one] { $count } zprávu
        [few] { $count } zprávy
        [many] { $count } zprávy
       *[other] { $count } zpráv
    } a váš souhlas jsem zrušil. Pokud mi znovu napíšete, nejdřív vás požádám o souhlas.
