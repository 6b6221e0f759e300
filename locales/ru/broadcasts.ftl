# Подписка на новости о курсах и объявления координаторов.
subscriptions-intro = Выберите, о чём вам писать. ✅ отмечает то, что вы уже получаете; нажмите ещё раз, чтобы отписаться.
subscriptions-topic = { $on ->
    [yes] ✅
   *[no] ➕
} { $topic ->
    [czech_courses] Курсы чешского языка
    [adaptation_course] Адаптационный курс
    [exams] Экзамены
    [events] Лекции и мероприятия
   *[news] Общие новости
}
subscriptions-subscribed = Готово. Вы будете получать новости о { $topic ->
    [czech_courses] курсах чешского языка
    [adaptation_course] адаптационном курсе
    [exams] экзаменах
    [events] лекциях и мероприятиях
   *[news] центре
} на вашем языке. Ваше согласие записано { DATETIME($at, dateStyle: "long") } в { DATETIME($at, timeStyle: "short") }. Отписаться можно в любой момент командой /stop или написав СТОП.
subscriptions-unsubscribed = Вы больше не будете получать новости о { $topic ->
    [czech_courses] курсах чешского языка
    [adaptation_course] адаптационном курсе
    [exams] экзаменах
    [events] лекциях и мероприятиях
   *[news] центре
}.
subscriptions-list-button = 📋 На что я подписан?
subscriptions-list-title = Вы получаете новости о:
subscriptions-list-item = • { $topic ->
    [czech_courses] Курсы чешского языка
    [adaptation_course] Адаптационный курс
    [exams] Экзамены
    [events] Лекции и мероприятия
   *[news] Общие новости
} (с { DATETIME($since, dateStyle: "medium") })
subscriptions-list-location = Только новости филиала: { $place }
subscriptions-none = Вы не подписаны ни на какие новости.
subscriptions-choose-button = 📢 Выбрать новости
subscriptions-stop-button = 🔕 Отписаться от всего
subscriptions-stopped = Все новости отключены. Мы больше не будем присылать вам объявления.
subscriptions-stop-words = стоп, отписаться, остановить
subscriptions-location-button = 📍 Филиал
subscriptions-location-choose = Новости какого филиала вы хотите получать?
subscriptions-location-item = { $place }
subscriptions-location-any = Все филиалы
subscriptions-location-set = { $place ->
    [any] Вы будете получать новости всех филиалов.
   *[other] Вы будете получать только новости филиала { $place }.
}
# The coordinator's own words, inserted verbatim by the translator (never formatted by Fluent).
broadcast-message = { $text }
broadcast-more-info = Подробнее: { $url }
broadcast-sign-up = ✍️ Записаться
broadcast-manage = ⚙️ Настройки новостей
