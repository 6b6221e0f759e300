# Підписка на новини про курси та оголошення від координаторів.
subscriptions-intro = Оберіть, про що вам писати. ✅ позначає те, що ви вже отримуєте; натисніть ще раз, щоб відписатися.
subscriptions-topic = { $on ->
    [yes] ✅
   *[no] ➕
} { $topic ->
    [czech_courses] Курси чеської мови
    [adaptation_course] Адаптаційний курс
    [exams] Іспити
    [events] Лекції та заходи
   *[news] Загальні новини
}
subscriptions-subscribed = Готово. Ви отримуватимете новини про { $topic ->
    [czech_courses] курси чеської мови
    [adaptation_course] адаптаційний курс
    [exams] іспити
    [events] лекції та заходи
   *[news] центр
} вашою мовою. Вашу згоду записано { DATETIME($at, dateStyle: "long") } о { DATETIME($at, timeStyle: "short") }. Відписатися можна будь-коли командою /stop або написавши СТОП.
subscriptions-unsubscribed = Ви більше не отримуватимете новин про { $topic ->
    [czech_courses] курси чеської мови
    [adaptation_course] адаптаційний курс
    [exams] іспити
    [events] лекції та заходи
   *[news] центр
}.
subscriptions-list-button = 📋 На що я підписаний?
subscriptions-list-title = Ви отримуєте новини про:
subscriptions-list-item = • { $topic ->
    [czech_courses] Курси чеської мови
    [adaptation_course] Адаптаційний курс
    [exams] Іспити
    [events] Лекції та заходи
   *[news] Загальні новини
} (з { DATETIME($since, dateStyle: "medium") })
subscriptions-list-location = Лише новини філії: { $place }
subscriptions-none = Ви не підписані на жодні новини.
subscriptions-choose-button = 📢 Обрати новини
subscriptions-stop-button = 🔕 Відписатися від усього
subscriptions-stopped = Усі новини вимкнено. Ми більше не надсилатимемо вам оголошень.
subscriptions-stop-words = стоп, відписатися, зупинити
subscriptions-location-button = 📍 Філія
subscriptions-location-choose = Новини якої філії ви хочете отримувати?
subscriptions-location-item = { $place }
subscriptions-location-any = Усі філії
subscriptions-location-set = { $place ->
    [any] Ви отримуватимете новини всіх філій.
   *[other] Ви отримуватимете лише новини філії { $place }.
}
# The coordinator's own words, inserted verbatim by the translator (never formatted by Fluent).
broadcast-message = { $text }
broadcast-more-info = Докладніше: { $url }
broadcast-sign-up = ✍️ Записатися
broadcast-manage = ⚙️ Налаштування новин
