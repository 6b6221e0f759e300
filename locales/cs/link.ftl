# Propojené aplikace: jeden člověk na Telegramu, WhatsAppu a webovém chatu, propojený krátkým kódem.
link-keywords = propojit, propojit aplikace, připojit
link-channel = { $channel ->
        [tg] Telegram
        [wa] WhatsApp
        [console] konzole
       *[web] webový chat
    }
link-code =
    Váš kód: { $code }
    Pošlete nám ho do { $minutes } minut z druhé aplikace (WhatsApp, Telegram nebo webový chat). Platí jen jednou.
link-code-button = 🔗 Propojit další aplikaci
link-apps-button = 📱 Propojené aplikace
link-apps-title = Aplikace propojené s vaším účtem:
link-apps-item = { $number }. { link-channel }{ $this ->
        [yes] {" "}(tento chat)
       *[no] {""}
    }, od { DATETIME($since, dateStyle: "medium") }
link-apps-only-this = Zatím jen tento chat. Chcete-li vidět své termíny a novinky o kurzech i v jiné aplikaci, vyžádejte si kód a pošlete ho odtamtud.
link-apps-drop-hint = Aplikaci odpojíte stisknutím jejího čísla.
link-drop-button = ✂️ { $number }. { link-channel }
link-drop-confirm = Odpojit { $number }. { link-channel }? Vaše termíny, novinky o kurzech a rozhovory s poradci zůstanou tady; odpojená aplikace začne znovu bez nich.
link-dropped = { link-channel } je odpojen. Začíná znovu jako samostatný chat, bez vašich termínů a novinek o kurzech.
link-confirm = Tento kód pochází z vaší druhé aplikace ({ link-channel }). Propojit s ní tento chat? Obě pak budou ukazovat stejné termíny, novinky o kurzech a rozhovory s poradci, v jazyce, který jste si zvolili tam.
link-confirm-moves = Z tohoto chatu se přesune: nadcházející termíny: { $bookings }, témata novinek o kurzech: { $topics }, rozhovory s poradcem: { $cases }.
link-join-button = ✅ Ano, propojit
link-keep-button = ✖️ Ne
link-cancelled = Dobře, nic jsem nepropojil.
link-done = Hotovo: tento chat je teď propojený s vaší druhou aplikací ({ link-channel }). Termíny, novinky o kurzech a rozhovory s poradci jsou v obou stejné.
link-done-case = Rozhovor s poradcem pokračuje: pište sem nebo do druhé aplikace.
link-invalid = Tento kód neplatí. Zkontrolujte ho a pošlete znovu, nebo si v druhé aplikaci vyžádejte nový.
link-expired = Platnost kódu vypršela: kódy platí { $minutes } minut. Vyžádejte si v druhé aplikaci nový.
link-own = Tento kód vznikl v tomto chatu. Pošlete ho z druhé aplikace (WhatsApp, Telegram nebo webový chat), aby se propojily.
link-already = Tento chat už je s tou aplikací propojený.
link-throttled = Příliš mnoho chybných kódů. Pro vaši bezpečnost to zkuste znovu po { DATETIME($at, timeStyle: "short") }.
link-stale = Tato otázka už neplatí. Pro propojení aplikací pošlete kód znovu.
