# First contact: greeting, privacy notice and consent, then the choice of language.
first-contact-welcome = Dobrý den! Jsem virtuální asistent organizace { $centre }. Odpovídám na otázky o povolení k pobytu, o kurzech a zkouškách z češtiny a o poradenství. Objednám vás k poradci, a když je potřeba, spojím vás s člověkem. Naše služby jsou zdarma.
first-contact-privacy =
    Než začneme, přečtěte si prosím, jak zacházíme s vašimi údaji:
    • Ukládáme vaše zprávy a jazyk, který si vyberete, abychom vám mohli odpovědět a aby se poradce mohl připravit na váš případ.
    • Číst je mohou jen pracovníci centra. Vaše zprávy uchováváme { $days ->
        [one] { $days } den
        [few] { $days } dny
        [many] { $days } dne
       *[other] { $days } dní
    }, pak je smažeme.
    • Souhlas můžete kdykoli odvolat a zprávy smazat v menu Nápověda → Osobní údaje.
first-contact-consent-question = Souhlasíte?
first-contact-agree = ✅ Souhlasím
first-contact-decline = ❌ Ne, děkuji
first-contact-other-language = 🌐 Jiný jazyk
first-contact-declined = To je v pořádku. Bez vašeho souhlasu nemohu náš rozhovor ukládat, proto se vaše zprávy neuložily. Přesto se můžete obrátit přímo na centrum: { $address }, otevírací doba: { $hours }. Pokud si to rozmyslíte, stačí mi znovu napsat.
first-contact-choose-language = Děkuji. V jakém jazyce vám mám psát?
