# Telegramová skupina pracovníků (jen poradci, nikdy klienti) a její propojení na stránce účtu v konzoli.

## Console: the account page
staff-telegram-title = Telegramová skupina pracovníků
staff-telegram-intro = Propojte svůj účet na Telegramu a můžete přebírat případy, odpovídat klientům a psát interní poznámky přímo z telegramové skupiny pracovníků centra.
staff-telegram-not-configured = Telegramová skupina pracovníků zatím na tomto serveru není nastavená. Účet si můžete propojit už teď; začne fungovat, jakmile bude skupina nastavená.
staff-telegram-linked = Váš účet na Telegramu je propojený.
staff-telegram-not-linked = Váš účet na Telegramu není propojený.
staff-telegram-link-button = Propojit Telegram
staff-telegram-relink-button = Propojit jiný účet na Telegramu
staff-telegram-unlink-button = Zrušit propojení s Telegramem
staff-telegram-code-label = Váš jednorázový kód
staff-telegram-code-how = Do { $minutes } minut pošlete tuto zprávu do skupiny pracovníků nebo soukromě botovi asistenta. Kód platí jednou a zobrazuje se jen teď.
staff-telegram-code-pending = Dříve vytvořený kód platí do { DATETIME($until, timeStyle: "short") }. Pokud ho už nemáte, vytvořte nový.
staff-telegram-unlinked = Propojení s vaším účtem na Telegramu bylo zrušeno.

## The staff group: topic names and what the assistant posts
staffgroup-topic-name = #{ $case } { $marks } { $topic } · { $language }
staffgroup-mark-closed = 🔒 uzavřeno
staffgroup-reason =
    { $reason ->
        [escalation] právní záležitost
        [request] žádá poradce
        [fallback] asistent nerozuměl
       *[other] { $reason }
    }
staffgroup-new-case =
    🆕 Případ č. { $case }: { $topic }
    Jazyk: { $language } · kanál: { $channel } · { $reason }
staffgroup-urgent = 🚨 NALÉHAVÉ: jde možná o svobodu nebo bezpečí člověka, nebo běží lhůta. Převezměte prosím tento případ hned.
staffgroup-intents = Čemu asistent rozuměl: { $intents }
staffgroup-before = Rozhovor před předáním:
staffgroup-before-none = Před předáním nepadly žádné zprávy.
staffgroup-line-client = 👤 { $text }
staffgroup-line-bot = 🤖 { $text }
staffgroup-how = Stiskněte „Převzít“ a pak pište do tohoto tématu: vaše zprávy půjdou klientovi. /note s textem přidá interní poznámku; /close s výsledkem případ uzavře.
staffgroup-take-button = 🙋 Převzít
staffgroup-client-says = 👤 Klient:
staffgroup-client-file = 📎 Klient poslal soubor: { $name }
staffgroup-client-unreadable = 👤 Klient poslal něco, co tu nejde zobrazit ({ $what }), a byl požádán, aby to napsal slovy.
staffgroup-client-file-too-large = 👤 Klient se pokusil poslat soubor nad povolenou velikost a byl požádán o menší.
staffgroup-counsellor-says = 💬 { $name } klientovi:
staffgroup-not-delivered = ⛔ Nedoručeno: klient asistenta zablokoval nebo smazal chat.
staffgroup-delivery-failed = ⚠️ Nedoručeno: kanál klienta zprávu nepřijal. Zkuste to později.
staffgroup-note = 📝 Interní poznámka – { $name } (klient ji nevidí):
staffgroup-claimed = ✅ Případ převzal(a) { $name }.
staffgroup-transferred = ➡️ Případ byl předán: { $name }.
staffgroup-closed = 🔒 { $name } uzavřel(a) případ. Výsledek: { $resolution }
staffgroup-left = 🚪 Klient se vrátil k asistentovi, případ je proto uzavřený.
staffgroup-joined = 🔗 Klient propojil další chatovou aplikaci: jeho případ { $case } pokračuje v tomto tématu.
staffgroup-joined-into = 🔗 Klient propojil další chatovou aplikaci: tento případ pokračuje jako { $case }, proto je zde uzavřený.
staffgroup-escalated = ⬆️ Klient otevřel další záležitost: { $topic }
staffgroup-sla = ⏰ Případ č. { $case } čeká na první odpověď už { $minutes } min.
staffgroup-someone = kolega
staffgroup-resolution =
    { $resolution ->
        [answered] zodpovězeno
        [referred] odkázáno jinam
        [appointment] domluvena schůzka
        [no_response] klient neodpověděl
        [out_of_scope] mimo činnost centra
        [duplicate] duplicita
        [client_left] klient odešel
       *[other] { $resolution }
    }

## The staff group: answers to staff members
staffgroup-link-first = Nejdřív si propojte účet na Telegramu: v konzoli pracovníků otevřete { $page } a stiskněte „{ staff-telegram-link-button }“.
staffgroup-not-casework = Vaše role v konzoli pracovníků nezahrnuje práci s případy.
staffgroup-take-ok = Případ je váš. Klientovi odpovíte psaním do jeho tématu.
staffgroup-already-yours = Tento případ už je váš.
staffgroup-taken-by = Tento případ už převzal(a) { $name }.
staffgroup-case-closed = Tento případ je uzavřený.
staffgroup-case-missing = Tento případ už neexistuje.
staffgroup-take-first = Tento případ zatím nikdo nepřevzal. Nejdřív stiskněte „{ staffgroup-take-button }“; do té doby zůstávají zprávy tady jen mezi pracovníky.
staffgroup-not-yours = Tento případ má { $name }: klientovi jdou jen jeho/její zprávy. Pro interní poznámku použijte /note.
staffgroup-too-long = Na jednu odpověď je to příliš dlouhé: nejvýš { $max } znaků. Zkraťte to prosím.
staffgroup-note-usage = Napište poznámku za příkaz, například: /note Volal(a) jsem klientovi, rozhodnutí přinese.
staffgroup-close-usage = Uzavřete případ jedním z těchto příkazů:
staffgroup-only-text = Odsud lze klientovi předat jen text.
staffgroup-link-usage = Pošlete kód ze stránky svého účtu v konzoli pracovníků, například: /link 12345678
staffgroup-link-ok = Propojeno jako { $name }. Teď můžete v této skupině přebírat případy.
staffgroup-link-invalid = Tento kód neplatí. Kód funguje jen jednou a jen 15 minut: vytvořte si nový na stránce svého účtu.
staffgroup-link-throttled = Příliš mnoho chybných kódů. Počkejte 15 minut a zkuste to znovu.
