# Консоль працівників: розсилки (новини про курси) для координаторів.
staff-nav-broadcasts = Розсилки
staff-broadcasts-title = Розсилки
staff-broadcasts-empty = Розсилок ще немає.
staff-broadcast-new = Нова розсилка
staff-broadcast-title-label = Назва (бачать лише працівники)
staff-broadcast-state = Стан
staff-broadcast-when = Заплановано на
staff-broadcast-at = { DATETIME($at, dateStyle: "medium", timeStyle: "short") }
staff-broadcast-status = { $status ->
    [draft] Чернетка
    [scheduled] Заплановано
    [sending] Надсилається
    [paused] Призупинено
    [cancelled] Скасовано
   *[done] Завершено
}
staff-broadcast-delivery-status = { $status ->
    [queued] Очікує
    [sending] Надсилається
    [sent] Надіслано
    [failed] Помилка
    [blocked] Заблокував бота
   *[skipped] Пропущено
}
staff-broadcast-compose = Написати розсилку
staff-broadcast-fix = Перед збереженням виправте, будь ласка:
staff-broadcast-text-hint = Напишіть оголошення всіма мовами, якими можете. Текст надсилається саме так, як написано (без форматування); довгий текст піде двома повідомленнями.
staff-broadcast-text-label = Текст мовою { $language }
staff-broadcast-empty-legend = Клієнти, для чиєї мови немає тексту
staff-broadcast-empty-fallback = отримають текст запасною мовою
staff-broadcast-fallback-language = Запасна мова
staff-broadcast-empty-skip = нічого не отримають
staff-broadcast-buttons-legend = Кнопки (необов'язково)
staff-broadcast-signup-label = «Записатися» бронює цю послугу або записує в список очікування
staff-broadcast-signup-none = Без кнопки запису
staff-broadcast-url-label = Посилання «Докладніше»
staff-broadcast-audience-legend = Одержувачі
staff-broadcast-audience-hint = Розсилку отримають лише клієнти, підписані на обрану тему. Порожні мови, канали чи філії означають усі.
staff-broadcast-topics = Теми
staff-broadcast-topic = { $topic ->
    [czech_courses] Курси чеської мови
    [adaptation_course] Адаптаційний курс
    [exams] Іспити
    [events] Лекції та заходи
   *[news] Загальні новини
}
staff-broadcast-languages = Мови
staff-broadcast-channels = Канали
staff-broadcast-channel = { $channel ->
    [tg] Telegram
    [wa] WhatsApp
    [web] Веб-чат
   *[other] { $channel }
}
staff-broadcast-channel-label = Канал
staff-broadcast-locations = Філії
staff-broadcast-save = Зберегти й переглянути
staff-broadcast-edit = Редагувати
staff-broadcast-recipients = Одержувачі
staff-broadcast-recipient-count = { $count ->
    [one] { $count } одержувач
    [few] { $count } одержувачі
   *[other] { $count } одержувачів
}
staff-broadcast-whatsapp-pending = Підписників у WhatsApp ({ $count }) буде пропущено: надсилання через WhatsApp ще недоступне.
staff-broadcast-warning-fallback = Немає тексту мовою { $language }: клієнти ({ $count }) отримають текст мовою { $fallback }.
staff-broadcast-warning-skip = Немає тексту мовою { $language }: клієнти ({ $count }) нічого не отримають.
staff-broadcast-missing-languages = Мови без тексту: { $languages }
staff-broadcast-preview = Попередній перегляд
staff-broadcast-preview-language = Мова: { $language }
staff-broadcast-parts = повідомлень: { $count }
staff-broadcast-whatsapp-list = Понад 3 кнопки WhatsApp показує списком.
staff-broadcast-test = Надіслати тест
staff-broadcast-test-hint = Тест одразу піде в один чат, наприклад ваш чат із ботом у Telegram (tg: і номер чату) або веб-чат (web: і його id). З цього чату вже мали написати ботові.
staff-broadcast-test-ref = Чат (позначення клієнта)
staff-broadcast-test-send = Надіслати тест
staff-broadcast-test-done = Тест надіслано в { $client }.
staff-broadcast-send = Надіслати
staff-broadcast-send-now = Надіслати зараз
staff-broadcast-send-later = Надіслати в цей час:
staff-broadcast-send-at = Дата й час (час центру)
staff-broadcast-send-submit = Надіслати одержувачам ({ $count })
staff-broadcast-scheduled-note = Заплановано на { DATETIME($at, dateStyle: "medium", timeStyle: "short") }. Щойно надсилання почнеться, сторінка сама покаже хід; редагування розсилки скасовує планування.
staff-broadcast-unschedule = Скасувати планування (назад у чернетку)
staff-broadcast-bad-time = Вкажіть дату й час.
staff-broadcast-progress = Хід розсилки
staff-broadcast-total = Усього
staff-broadcast-sent = Надіслано
staff-broadcast-failed = Помилки
staff-broadcast-blocked = Заблоковано
staff-broadcast-skipped = Пропущено
staff-broadcast-left = Залишилось
staff-broadcast-rate = Повідомлень за секунду
staff-broadcast-eta = До завершення
staff-broadcast-interrupted = Повідомлення ({ $count }) саме надсилалися, коли надсилання несподівано зупинилося: вони могли дійти, а могли й ні, тому повторно не надсилаються.
staff-broadcast-pause = Призупинити
staff-broadcast-resume = Продовжити
staff-broadcast-cancel = Скасувати решту
staff-broadcast-report = Звіт за мовою та каналом
staff-broadcast-language = Мова
staff-broadcast-reasons = Причини
staff-broadcast-problem-title-missing = Дайте розсилці назву.
staff-broadcast-problem-text-empty = Напишіть текст хоча б однією мовою.
staff-broadcast-problem-text-too-long = Текст мовою { $language } має { $length } символів; максимум { $limit }. Скоротіть його.
staff-broadcast-problem-fallback-empty = Запасна мова ({ $language }) не має тексту. Напишіть його, оберіть іншу запасну мову або «нічого не отримають».
staff-broadcast-problem-no-topics = Оберіть хоча б одну тему.
staff-broadcast-problem-bad-url = Посилання має починатися з http:// або https:// і не містити пробілів.
staff-broadcast-problem-bad-signup = Оберіть послугу для кнопки запису зі списку.
staff-broadcast-problem-empty-audience = Під цей вибір не підходить ніхто: жоден підписник розсилку не отримає.
staff-broadcast-problem-time-past = Цей час уже минув. Оберіть майбутній час або надішліть зараз.
staff-broadcast-problem-not-editable = Ця розсилка вже надсилається, її не можна змінити.
staff-broadcast-problem-bad-state = Ця дія вже не відповідає стану розсилки. Оновіть сторінку.
staff-broadcast-problem-not-found = Цієї розсилки вже не існує.
staff-broadcast-problem-unknown-client = З чату з таким позначенням ботові ніхто не писав.
staff-broadcast-problem-not-delivered = Тест не доставлено ({ $status }: { $detail }).
