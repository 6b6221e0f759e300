# Консоль сотрудников: рассылки (новости о курсах) для координаторов.
staff-nav-broadcasts = Рассылки
staff-broadcasts-title = Рассылки
staff-broadcasts-empty = Рассылок пока нет.
staff-broadcast-new = Новая рассылка
staff-broadcast-title-label = Название (видят только сотрудники)
staff-broadcast-state = Состояние
staff-broadcast-when = Запланировано на
staff-broadcast-at = { DATETIME($at, dateStyle: "medium", timeStyle: "short") }
staff-broadcast-status = { $status ->
    [draft] Черновик
    [scheduled] Запланировано
    [sending] Отправляется
    [paused] Приостановлено
    [cancelled] Отменено
   *[done] Завершено
}
staff-broadcast-delivery-status = { $status ->
    [queued] Ожидает
    [sending] Отправляется
    [sent] Отправлено
    [failed] Ошибка
    [blocked] Заблокировал бота
   *[skipped] Пропущено
}
staff-broadcast-compose = Написать рассылку
staff-broadcast-fix = Перед сохранением исправьте, пожалуйста:
staff-broadcast-text-hint = Напишите объявление на всех языках, на каких можете. Текст отправляется в точности как написан (без форматирования); длинный текст уйдёт двумя сообщениями.
staff-broadcast-text-label = Текст на языке { $language }
staff-broadcast-empty-legend = Клиенты, для чьего языка нет текста
staff-broadcast-empty-fallback = получат текст на запасном языке
staff-broadcast-fallback-language = Запасной язык
staff-broadcast-empty-skip = ничего не получат
staff-broadcast-buttons-legend = Кнопки (необязательно)
staff-broadcast-signup-label = «Записаться» бронирует эту услугу или записывает в лист ожидания
staff-broadcast-signup-none = Без кнопки записи
staff-broadcast-url-label = Ссылка «Подробнее»
staff-broadcast-audience-legend = Получатели
staff-broadcast-audience-hint = Рассылку получат только клиенты, подписанные на выбранную тему. Пустые языки, каналы или филиалы означают все.
staff-broadcast-topics = Темы
staff-broadcast-topic = { $topic ->
    [czech_courses] Курсы чешского языка
    [adaptation_course] Адаптационный курс
    [exams] Экзамены
    [events] Лекции и мероприятия
   *[news] Общие новости
}
staff-broadcast-languages = Языки
staff-broadcast-channels = Каналы
staff-broadcast-channel = { $channel ->
    [tg] Telegram
    [wa] WhatsApp
    [web] Веб-чат
   *[other] { $channel }
}
staff-broadcast-channel-label = Канал
staff-broadcast-locations = Филиалы
staff-broadcast-save = Сохранить и посмотреть
staff-broadcast-edit = Изменить
staff-broadcast-recipients = Получатели
staff-broadcast-recipient-count = { $count ->
    [one] { $count } получатель
    [few] { $count } получателя
   *[other] { $count } получателей
}
staff-broadcast-whatsapp-pending = Подписчики в WhatsApp ({ $count }) будут пропущены: отправка через WhatsApp пока недоступна.
staff-broadcast-warning-fallback = Нет текста на языке { $language }: клиенты ({ $count }) получат текст на языке { $fallback }.
staff-broadcast-warning-skip = Нет текста на языке { $language }: клиенты ({ $count }) ничего не получат.
staff-broadcast-missing-languages = Языки без текста: { $languages }
staff-broadcast-preview = Предпросмотр
staff-broadcast-preview-language = Язык: { $language }
staff-broadcast-parts = сообщений: { $count }
staff-broadcast-whatsapp-list = Больше 3 кнопок WhatsApp показывает списком.
staff-broadcast-test = Отправить тест
staff-broadcast-test-hint = Тест сразу уйдёт в один чат, например ваш чат с ботом в Telegram (tg: и номер чата) или веб-чат (web: и его id). Из этого чата уже должны были написать боту.
staff-broadcast-test-ref = Чат (обозначение клиента)
staff-broadcast-test-send = Отправить тест
staff-broadcast-test-done = Тест отправлен в { $client }.
staff-broadcast-send = Отправить
staff-broadcast-send-now = Отправить сейчас
staff-broadcast-send-later = Отправить в это время:
staff-broadcast-send-at = Дата и время (время центра)
staff-broadcast-send-submit = Отправить получателям ({ $count })
staff-broadcast-scheduled-note = Запланировано на { DATETIME($at, dateStyle: "medium", timeStyle: "short") }. Как только отправка начнётся, страница сама покажет ход; изменение рассылки отменяет планирование.
staff-broadcast-unschedule = Отменить планирование (обратно в черновик)
staff-broadcast-bad-time = Укажите дату и время.
staff-broadcast-progress = Ход рассылки
staff-broadcast-total = Всего
staff-broadcast-sent = Отправлено
staff-broadcast-failed = Ошибки
staff-broadcast-blocked = Заблокировано
staff-broadcast-skipped = Пропущено
staff-broadcast-left = Осталось
staff-broadcast-rate = Сообщений в секунду
staff-broadcast-eta = До завершения
staff-broadcast-interrupted = Сообщения ({ $count }) как раз отправлялись, когда отправка неожиданно остановилась: они могли дойти, а могли и нет, поэтому повторно не отправляются.
staff-broadcast-pause = Приостановить
staff-broadcast-resume = Продолжить
staff-broadcast-cancel = Отменить остальное
staff-broadcast-report = Отчёт по языку и каналу
staff-broadcast-language = Язык
staff-broadcast-reasons = Причины
staff-broadcast-problem-title-missing = Дайте рассылке название.
staff-broadcast-problem-text-empty = Напишите текст хотя бы на одном языке.
staff-broadcast-problem-text-too-long = Текст на языке { $language } содержит { $length } символов; максимум { $limit }. Сократите его.
staff-broadcast-problem-fallback-empty = У запасного языка ({ $language }) нет текста. Напишите его, выберите другой запасной язык или «ничего не получат».
staff-broadcast-problem-no-topics = Выберите хотя бы одну тему.
staff-broadcast-problem-bad-url = Ссылка должна начинаться с http:// или https:// и не содержать пробелов.
staff-broadcast-problem-bad-signup = Выберите услугу для кнопки записи из списка.
staff-broadcast-problem-empty-audience = Под этот выбор не подходит никто: ни один подписчик рассылку не получит.
staff-broadcast-problem-time-past = Это время уже прошло. Выберите время в будущем или отправьте сейчас.
staff-broadcast-problem-not-editable = Эта рассылка уже отправляется, её нельзя изменить.
staff-broadcast-problem-bad-state = Это действие уже не соответствует состоянию рассылки. Обновите страницу.
staff-broadcast-problem-not-found = Этой рассылки больше нет.
staff-broadcast-problem-unknown-client = Из чата с таким обозначением боту никто не писал.
staff-broadcast-problem-not-delivered = Тест не доставлен ({ $status }: { $detail }).
