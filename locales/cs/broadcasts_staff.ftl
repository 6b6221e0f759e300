# Konzole pracovníků: hromadná oznámení (novinky o kurzech) pro koordinátory.
staff-nav-broadcasts = Oznámení
staff-broadcasts-title = Oznámení
staff-broadcasts-empty = Zatím žádná oznámení.
staff-broadcast-new = Nové oznámení
staff-broadcast-title-label = Název (vidí jen pracovníci)
staff-broadcast-state = Stav
staff-broadcast-when = Naplánováno na
staff-broadcast-at = { DATETIME($at, dateStyle: "medium", timeStyle: "short") }
staff-broadcast-status = { $status ->
    [draft] Koncept
    [scheduled] Naplánováno
    [sending] Odesílá se
    [paused] Pozastaveno
    [cancelled] Zrušeno
   *[done] Hotovo
}
staff-broadcast-delivery-status = { $status ->
    [queued] Čeká
    [sending] Odesílá se
    [sent] Odesláno
    [failed] Selhalo
    [blocked] Zablokoval bota
   *[skipped] Vynecháno
}
staff-broadcast-compose = Napsat oznámení
staff-broadcast-fix = Před uložením prosím opravte:
staff-broadcast-text-hint = Napište oznámení ve všech jazycích, ve kterých můžete. Text se odešle přesně tak, jak je napsán (bez formátování); dlouhý text odejde ve dvou zprávách.
staff-broadcast-text-label = Text v jazyce { $language }
staff-broadcast-empty-legend = Klienti, v jejichž jazyce text chybí
staff-broadcast-empty-fallback = dostanou text v náhradním jazyce
staff-broadcast-fallback-language = Náhradní jazyk
staff-broadcast-empty-skip = nedostanou nic
staff-broadcast-buttons-legend = Tlačítka (nepovinné)
staff-broadcast-signup-label = „Přihlásit se“ objedná službu nebo zapíše na čekací listinu
staff-broadcast-signup-none = Bez tlačítka pro přihlášení
staff-broadcast-url-label = Odkaz „Více informací“
staff-broadcast-audience-legend = Příjemci
staff-broadcast-audience-hint = Oznámení dostanou jen klienti přihlášení k odběru vybraného tématu. Nevyplněné jazyky, kanály nebo pobočky znamenají všechny.
staff-broadcast-topics = Témata
staff-broadcast-topic = { $topic ->
    [czech_courses] Kurzy češtiny
    [adaptation_course] Adaptační kurz
    [exams] Zkoušky
    [events] Přednášky a akce
   *[news] Obecné novinky
}
staff-broadcast-languages = Jazyky
staff-broadcast-channels = Kanály
staff-broadcast-channel = { $channel ->
    [tg] Telegram
    [wa] WhatsApp
    [web] Webový chat
   *[other] { $channel }
}
staff-broadcast-channel-label = Kanál
staff-broadcast-locations = Pobočky
staff-broadcast-save = Uložit a zobrazit náhled
staff-broadcast-edit = Upravit
staff-broadcast-recipients = Příjemci
staff-broadcast-recipient-count = { $count ->
    [one] { $count } příjemce
    [few] { $count } příjemci
   *[other] { $count } příjemců
}
staff-broadcast-whatsapp-pending = Odběratelé na WhatsAppu ({ $count }) budou vynecháni: odesílání přes WhatsApp zatím není k dispozici.
staff-broadcast-warning-fallback = Chybí text v jazyce { $language }: klienti ({ $count }) dostanou text v jazyce { $fallback }.
staff-broadcast-warning-skip = Chybí text v jazyce { $language }: klienti ({ $count }) nedostanou nic.
staff-broadcast-missing-languages = Jazyky bez textu: { $languages }
staff-broadcast-preview = Náhled
staff-broadcast-preview-language = Jazyk: { $language }
staff-broadcast-parts = zprávy: { $count }
staff-broadcast-whatsapp-list = Více než 3 tlačítka ukáže WhatsApp jako seznam.
staff-broadcast-test = Odeslat zkoušku
staff-broadcast-test-hint = Zkouška odejde hned do jednoho chatu, např. do vašeho chatu s botem na Telegramu (tg: a číslo chatu) nebo do webového chatu (web: a jeho id). Z toho chatu už musel někdo botovi napsat.
staff-broadcast-test-ref = Chat (označení klienta)
staff-broadcast-test-send = Odeslat zkoušku
staff-broadcast-test-done = Zkouška byla odeslána do { $client }.
staff-broadcast-send = Odeslat
staff-broadcast-send-now = Odeslat hned
staff-broadcast-send-later = Odeslat v tento čas:
staff-broadcast-send-at = Datum a čas (čas centra)
staff-broadcast-send-submit = Odeslat příjemcům ({ $count })
staff-broadcast-scheduled-note = Naplánováno na { DATETIME($at, dateStyle: "medium", timeStyle: "short") }. Jakmile odesílání začne, stránka sama ukáže průběh; úprava oznámení naplánování zruší.
staff-broadcast-unschedule = Zrušit naplánování (zpět na koncept)
staff-broadcast-bad-time = Zadejte datum a čas.
staff-broadcast-progress = Průběh
staff-broadcast-total = Celkem
staff-broadcast-sent = Odesláno
staff-broadcast-failed = Selhalo
staff-broadcast-blocked = Zablokováno
staff-broadcast-skipped = Vynecháno
staff-broadcast-left = Zbývá
staff-broadcast-rate = Zpráv za sekundu
staff-broadcast-eta = Do konce
staff-broadcast-interrupted = Zprávy ({ $count }) se právě odesílaly, když se odesílání nečekaně zastavilo: mohly, ale nemusely dorazit, proto se znovu neposílají.
staff-broadcast-pause = Pozastavit
staff-broadcast-resume = Pokračovat
staff-broadcast-cancel = Zrušit zbytek
staff-broadcast-report = Přehled podle jazyka a kanálu
staff-broadcast-language = Jazyk
staff-broadcast-reasons = Důvody
staff-broadcast-problem-title-missing = Dejte oznámení název.
staff-broadcast-problem-text-empty = Napište text aspoň v jednom jazyce.
staff-broadcast-problem-text-too-long = Text v jazyce { $language } má { $length } znaků; nejvýš může mít { $limit }. Zkraťte ho.
staff-broadcast-problem-fallback-empty = Náhradní jazyk ({ $language }) nemá text. Napište ho, zvolte jiný náhradní jazyk, nebo „nedostanou nic“.
staff-broadcast-problem-no-topics = Vyberte aspoň jedno téma.
staff-broadcast-problem-bad-url = Odkaz musí začínat http:// nebo https:// a nesmí obsahovat mezery.
staff-broadcast-problem-bad-signup = Vyberte službu pro tlačítko přihlášení ze seznamu.
staff-broadcast-problem-empty-audience = Tomuto výběru neodpovídá nikdo: oznámení by nedostal žádný odběratel.
staff-broadcast-problem-time-past = Ten čas už minul. Zvolte čas v budoucnu, nebo odešlete hned.
staff-broadcast-problem-not-editable = Toto oznámení se už odesílá a nelze ho měnit.
staff-broadcast-problem-bad-state = Tato akce už neodpovídá stavu oznámení. Načtěte stránku znovu.
staff-broadcast-problem-not-found = Toto oznámení už neexistuje.
staff-broadcast-problem-unknown-client = Z chatu s tímto označením botovi nikdo nepsal.
staff-broadcast-problem-not-delivered = Zkouška nebyla doručena ({ $status }: { $detail }).
