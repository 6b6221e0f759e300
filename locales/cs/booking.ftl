# Booking, moving and cancelling appointments; reminder answers. Times are shown in Prague time.
booking-choose-service = Na co se chcete objednat? Poradenství v centru je zdarma.
booking-service-button = { $name }
booking-location-button = 📍 { $name }
booking-choose-location = { $service }: na kterou pobočku chcete přijít?
booking-choose-day =
    { $service }, { $place }. Který den vám vyhovuje?
    Vyberte den níže nebo napište datum, například „24. 9.“ nebo „zítra“.
booking-choose-new-day =
    { $service }, { $place }. Váš současný termín: { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }.
    Na který den ho chcete přesunout? Vyberte níže nebo napište datum.
booking-day-button = { DATETIME($day, dateStyle: "full") }
booking-no-free-days = { $service }: v chatu teď nejsou volné termíny. Obraťte se prosím přímo na centrum: { $address }, otevírací doba: { $hours }.
booking-no-services = Objednání v chatu zatím není k dispozici. Obraťte se prosím přímo na centrum: { $address }, otevírací doba: { $hours }.
booking-day-passed = Den { DATETIME($day, dateStyle: "long") } už minul.
booking-day-holiday = { DATETIME($day, dateStyle: "long") } je státní svátek, centrum je zavřené.
booking-day-too-far = Objednat se můžete nejvýše { $days ->
        [one] { $days } den
        [few] { $days } dny
        [many] { $days } dne
       *[other] { $days } dní
    } dopředu.
booking-day-no-times = Na { DATETIME($day, dateStyle: "long") } už nejsou volné termíny.
booking-day-unreadable = Ve vaší zprávě jsem nenašel platné datum. Napište ho prosím třeba jako „24. 9.“ nebo vyberte den níže.
booking-choose-time = Volné časy – { DATETIME($day, dateStyle: "full") } ({ $service }, { $place }). Který čas vám vyhovuje?
booking-no-time-then = Tento den není volný čas { $part ->
        [morning] dopoledne
        [afternoon] odpoledne
        [evening] večer
       *[other] v tuto dobu
    }, volné jsou tyto časy:
booking-time-button = { DATETIME($at, timeStyle: "short") }
booking-alternative-button = { DATETIME($at, dateStyle: "medium") }, { DATETIME($at, timeStyle: "short") }
booking-later-times = Pozdější časy ➡️
booking-other-day = 📅 Jiný den
booking-other-service = Jiná služba
booking-check = Zkontrolujte prosím svůj termín:
booking-summary =
    • { $service }
    • { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }
    • { $place }, { $address }
booking-confirm = ✅ Potvrdit
booking-change = ✏️ Změnit
booking-booked = Jste objednáni.
booking-booked-next = Den předem a dvě hodiny předem vám pošleme připomínku. Přiložený soubor si můžete uložit do kalendáře. Pokud nemůžete přijít, zrušte prosím termín v části „Moje termíny“, ať ho může dostat někdo jiný.
booking-taken = Omlouvám se, tento čas si právě někdo zarezervoval. Nejbližší volné časy jsou:
booking-taken-nothing-near = Omlouvám se, tento čas si právě někdo zarezervoval.
booking-unavailable = Omlouvám se, tento čas už objednat nejde. Vyberte prosím znovu.
booking-full = Omlouvám se, tento termín je plně obsazený. Chcete se zapsat na pořadník? Když se uvolní místo, zarezervujeme vám ho a dáme vám vědět.
booking-join-waitlist = 📝 Zapsat se na pořadník
booking-full-sessions = Tyto termíny jsou plně obsazené, ale můžete se zapsat na pořadník:
booking-waitlist-button = 📝 { DATETIME($at, dateStyle: "medium") }: pořadník
booking-waitlist-joined = Jste na pořadníku. Když se uvolní místo, zarezervujeme vám ho a dáme vám vědět.
booking-waitlist-already = Na pořadníku na tento termín už jste.
booking-waitlist-has-seat = Na tento termín už máte místo.
booking-waitlist-open = Na tento termín je teď volné místo, můžete se rovnou objednat.
booking-limit = Už máte { $max ->
        [one] { $max } objednaný termín
        [few] { $max } objednané termíny
        [many] { $max } objednaného termínu
       *[other] { $max } objednaných termínů
    }, víc jich jeden člověk najednou mít nemůže. Pokud chcete další, nejdřív prosím některý zrušte nebo přesuňte.
booking-stale = Toto tlačítko už neplatí. Začněme znovu.
booking-not-found = Tento termín mezi vašimi rezervacemi nenacházím. Možná už byl zrušen, přesunut nebo už proběhl.
booking-same-time = Tento čas už máte. Vyberte prosím jiný.
booking-move-check = Váš termín ({ DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }) přesuneme na:
booking-move-confirm = ✅ Přesunout termín
booking-moved = Váš termín je přesunutý. Nový termín:
booking-my-title = Vaše termíny:
booking-my-none = Nemáte žádný objednaný termín.
booking-my-cancel-which = Který termín chcete zrušit?
booking-my-button = 📋 Moje termíny
booking-new-button = ➕ Objednat se
booking-cancel-button = ❌ Zrušit: { DATETIME($at, dateStyle: "medium") }, { DATETIME($at, timeStyle: "short") }
booking-move-button = 🔁 Přesunout: { DATETIME($at, dateStyle: "medium") }, { DATETIME($at, timeStyle: "short") }
booking-cancel-question = Opravdu chcete tento termín zrušit?
booking-cancel-yes = Ano, zrušit
booking-cancel-no = Ne, ponechat
booking-cancelled = Váš termín je zrušený. Děkujeme, že jste dali vědět: čas teď může dostat někdo jiný.
booking-see-you = Děkujeme za potvrzení. Těšíme se na vás: { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }.
booking-promoted = Dobrá zpráva: uvolnilo se místo a z pořadníku jsme vám ho zarezervovali.
