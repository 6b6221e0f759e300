# Odběr novinek o kurzech a oznámení, která posílají koordinátoři.
subscriptions-intro = Vyberte, o čem vám máme psát. ✅ označuje, co už odebíráte; dalším stisknutím odběr zrušíte.
subscriptions-topic = { $on ->
    [yes] ✅
   *[no] ➕
} { $topic ->
    [czech_courses] Kurzy češtiny
    [adaptation_course] Adaptační kurz
    [exams] Zkoušky
    [events] Přednášky a akce
   *[news] Obecné novinky
}
subscriptions-subscribed = Hotovo. Budeme vám posílat novinky o { $topic ->
    [czech_courses] kurzech češtiny
    [adaptation_course] adaptačním kurzu
    [exams] zkouškách
    [events] přednáškách a akcích
   *[news] centru
} ve vašem jazyce. Váš souhlas jsme zaznamenali { DATETIME($at, dateStyle: "long") } v { DATETIME($at, timeStyle: "short") }. Odběr můžete kdykoli zrušit příkazem /stop nebo napsáním STOP.
subscriptions-unsubscribed = Novinky o { $topic ->
    [czech_courses] kurzech češtiny
    [adaptation_course] adaptačním kurzu
    [exams] zkouškách
    [events] přednáškách a akcích
   *[news] centru
} vám už posílat nebudeme.
subscriptions-list-button = 📋 Co odebírám?
subscriptions-list-title = Odebíráte novinky o:
subscriptions-list-item = • { $topic ->
    [czech_courses] Kurzy češtiny
    [adaptation_course] Adaptační kurz
    [exams] Zkoušky
    [events] Přednášky a akce
   *[news] Obecné novinky
} (od { DATETIME($since, dateStyle: "medium") })
subscriptions-list-location = Jen novinky pobočky: { $place }
subscriptions-none = Neodebíráte žádné novinky.
subscriptions-choose-button = 📢 Vybrat novinky
subscriptions-stop-button = 🔕 Zrušit všechny novinky
subscriptions-stopped = Všechny novinky jsou zrušené. Už vám nebudeme posílat žádná oznámení.
subscriptions-stop-words = stop, zrušit, odhlásit
subscriptions-location-button = 📍 Pobočka
subscriptions-location-choose = Novinky které pobočky chcete dostávat?
subscriptions-location-item = { $place }
subscriptions-location-any = Všechny pobočky
subscriptions-location-set = { $place ->
    [any] Budete dostávat novinky všech poboček.
   *[other] Budete dostávat jen novinky pobočky { $place }.
}
# The coordinator's own words, inserted verbatim by the translator (never formatted by Fluent).
broadcast-message = { $text }
broadcast-more-info = Více informací: { $url }
broadcast-sign-up = ✍️ Přihlásit se
broadcast-manage = ⚙️ Nastavení novinek
