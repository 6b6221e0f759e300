# Staff console (counsellors, coordinators, admins), not seen by clients.
staff-console-title = Консоль працівників
staff-skip-link = Перейти до змісту
staff-signed-in-as = Ви увійшли як { $name } ({ $role })
staff-logout = Вийти
staff-nav-home = Огляд
staff-nav-staff = Облікові записи працівників
staff-nav-password = Змінити пароль

staff-role-admin = Адміністратор
staff-role-counsellor = Консультант
staff-role-coordinator = Координатор

staff-login-title = Вхід для працівників
staff-login-email = Електронна пошта
staff-login-password = Пароль
staff-login-submit = Увійти
staff-login-invalid = Неправильна електронна пошта або пароль.
staff-login-locked = Забагато невдалих спроб. Спробуйте ще раз через { $minutes } { $minutes ->
        [one] хвилину
        [few] хвилини
       *[other] хвилин
    }.
staff-login-logged-out = Ви вийшли з системи.

staff-dashboard-welcome = Вітаємо, { $name }.
staff-dashboard-role = Ваша роль: { $role }
staff-dashboard-pages = Ваші сторінки
staff-dashboard-no-pages = Для вашої ролі поки немає сторінок. Вони з’являться тут, щойно їх буде додано.

staff-admin-title = Облікові записи працівників
staff-admin-name = Ім’я
staff-admin-email = Електронна пошта
staff-admin-role = Роль
staff-admin-last-login = Останній вхід
staff-admin-never = ніколи
staff-admin-inactive = вимкнено
staff-admin-last-login-at = { DATETIME($at, dateStyle: "medium", timeStyle: "short") }
staff-admin-add-title = Додати працівника
staff-admin-add-submit = Додати й створити пароль
staff-admin-created = Обліковий запис для { $name } ({ $email }) створено.
staff-admin-one-time-password = Одноразовий пароль
staff-admin-password-note = Передайте цей пароль власникові облікового запису ({ $name }) особисто, а не електронною поштою. Він показується лише зараз і більше не буде показаний. Попросіть змінити його після першого входу.

staff-password-title = Зміна пароля
staff-password-current = Поточний пароль
staff-password-new = Новий пароль (щонайменше { $min } символів)
staff-password-repeat = Новий пароль ще раз
staff-password-submit = Змінити пароль
staff-password-changed = Пароль змінено. Ваші інші сеанси завершено.

staff-error-email-invalid = Введіть дійсну адресу електронної пошти.
staff-error-email-taken = Обліковий запис працівника з цією адресою вже існує.
staff-error-name-invalid = Введіть ім’я довжиною від 1 до 120 символів.
staff-error-role-invalid = Виберіть одну з ролей.
staff-error-password-too-short = Пароль має містити щонайменше { $min } символів.
staff-error-password-too-long = Пароль може містити щонайбільше { $max } символів.
staff-error-password-wrong = Поточний пароль неправильний.
staff-error-password-mismatch = Нові паролі не збігаються.

staff-forbidden-title = Доступ заборонено
staff-forbidden-csrf = Термін дії форми минув або її надіслано не з цієї консолі. Поверніться назад, оновіть сторінку й спробуйте ще раз.
staff-forbidden-role = Ваша роль не має доступу до цієї сторінки.
staff-back-home = Назад до огляду

staff-nav-agenda = Розклад
staff-nav-availability = Робочий час
staff-forbidden-other-agenda = Ви можете бачити лише власний розклад.
staff-forbidden-other-client = Ви можете бачити записи лише тих клієнтів, які записувалися до вас.

staff-status = { $status ->
    [booked] Записано
    [attended] Прийшов(-ла)
    [no_show] Не прийшов(-ла)
   *[cancelled] Скасовано
}
staff-weekday = { $day ->
    [0] понеділок
    [1] вівторок
    [2] середа
    [3] четвер
    [4] пʼятниця
    [5] субота
   *[6] неділя
}
staff-kind = { $kind ->
    [off] Вихідний
   *[extra] Додаткові години
}

staff-agenda-title = Розклад
staff-agenda-day = День
staff-agenda-view = Період
staff-agenda-view-day = один день
staff-agenda-view-week = увесь тиждень
staff-agenda-counsellor = Консультант
staff-agenda-all = Усі консультанти
staff-agenda-show = Показати
staff-agenda-previous = ← Назад
staff-agenda-today = Сьогодні
staff-agenda-next = Далі →
staff-agenda-date = { DATETIME($day, dateStyle: "full") }
staff-agenda-time = { DATETIME($starts, timeStyle: "short") }–{ DATETIME($ends, timeStyle: "short") }
staff-agenda-empty-day = Зустрічей немає.
staff-agenda-seats = Зайнято місць: { $taken } з { $capacity }
staff-agenda-client = Клієнт № { $client }
staff-agenda-mark-attended = Прийшов(-ла)
staff-agenda-mark-no-show = Не прийшов(-ла)
staff-agenda-marked = Збережено: клієнт № { $client } – { $status }.
staff-agenda-cancel-submit = Скасувати цю зустріч
staff-agenda-cancel-note = Кожен клієнт отримає повідомлення своєю мовою з кнопкою для вибору нового часу. Цей час закривається для нових записів; адміністратор може знову відкрити його на сторінці робочого часу.
staff-agenda-cancel-reason = Причина (залишиться в журналі, клієнтам не надсилається)
staff-agenda-cancelled = Зустріч скасовано: { $count ->
    [one] { $count } запис
    [few] { $count } записи
   *[other] { $count } записів
}; повідомлення отримали клієнти: { $told }.
staff-agenda-unreached = Цим клієнтам не вдалося надіслати повідомлення в чаті; звʼяжіться з ними інакше: { $clients }
staff-agenda-not-linked = Ваш обліковий запис ще не повʼязаний із консультантом. Попросіть адміністратора повʼязати його на сторінці робочого часу.

staff-availability-title = Робочий час
staff-availability-open = Відкрити
staff-availability-no-counsellors = Консультантів ще немає. Адміністратор імпортує їх командою `python -m bot scheduler import FILE`.
staff-availability-inactive = не пропонується клієнтам
staff-availability-languages = Мови: { $languages }
staff-availability-services = Послуги: { $services }
staff-availability-account = Обліковий запис консолі, який бачить цей розклад
staff-availability-no-account = немає
staff-availability-link-submit = Зберегти обліковий запис
staff-availability-deactivate = Більше не пропонувати цього консультанта
staff-availability-activate = Знову пропонувати цього консультанта
staff-availability-deactivated = { $name } більше не пропонується клієнтам.
staff-availability-activated = { $name } знову пропонується клієнтам.
staff-availability-ahead-title = Майбутні зустрічі
staff-availability-ahead-item = { DATETIME($at, dateStyle: "full", timeStyle: "short") }: { $service }
staff-availability-weekly-title = Щотижневий робочий час
staff-availability-times-hint = Час празький, з кроком 5 хвилин. Уже заплановані зустрічі залишаються, коли робочий час змінюється.
staff-availability-weekday = День тижня
staff-availability-hours = Час
staff-availability-from = Від
staff-availability-to = До
staff-availability-location = Місце
staff-availability-service = Послуга
staff-availability-any-service = будь-яка з його послуг
staff-availability-valid = Чинність
staff-availability-valid-from = Чинний з (необовʼязково)
staff-availability-valid-until = Чинний до (необовʼязково)
staff-availability-always = завжди
staff-availability-remove = Видалити
staff-availability-no-rules = Щотижневого робочого часу ще немає.
staff-availability-add-rule = Додати щотижневий робочий час
staff-availability-exceptions-title = Винятки від сьогодні
staff-availability-day = День
staff-availability-kind = Тип
staff-availability-whole-day = увесь день
staff-availability-note = Примітка
staff-availability-no-exceptions = Майбутніх винятків немає.
staff-availability-add-exception = Додати виняток
staff-availability-exception-hint = Вихідний: залиште обидва поля часу порожніми для всього дня. Для додаткових годин потрібні місце й обидва часи.
staff-availability-saved = Збережено.
staff-availability-still-booked = На цей вихідний досі записано клієнтів: { $count }. Скасуйте ці зустрічі в розкладі, щоб клієнти отримали повідомлення.

staff-history-title = Записи клієнта № { $client }
staff-history-language = Мова розмови: { $language }
staff-history-upcoming = Майбутні
staff-history-past = Минулі
staff-history-none = Немає.
staff-history-when = Коли
staff-history-status = Стан
staff-history-booked-at = Дата запису
staff-history-at = { DATETIME($at, dateStyle: "medium", timeStyle: "short") }
staff-history-cancelled-by = { $by ->
    [client] скасував клієнт
    [counsellor] скасував консультант
   *[other] скасував центр
}

staff-error-not-found = Цього запису вже немає. Оновіть сторінку.
staff-error-not-started = Присутність можна відмітити лише після початку зустрічі.
staff-error-booking-cancelled = Цей запис скасовано; присутність не відмічається.
staff-error-bad-choice = Виберіть один із запропонованих варіантів.
staff-error-already-started = Ця зустріч уже почалася, її не можна скасувати. Натомість відмітьте присутність.
staff-error-reason-missing = Напишіть причину скасування.
staff-error-future-bookings = До цього консультанта наперед записано клієнтів: { $count }. Спершу скасуйте ці зустрічі (список нижче), щоб клієнти отримали повідомлення, а потім спробуйте ще раз.
staff-error-bad-time = Введіть час, наприклад 09:30, з кроком 5 хвилин.
staff-error-bad-day = Введіть наявну дату, наприклад 2026-03-09.
staff-error-time-order = Початок має бути раніше за кінець.
staff-error-validity-order = «Чинний з» не може бути пізніше за «Чинний до».
staff-error-overlap = Цей час того дня перетинається з іншим щотижневим робочим часом цього консультанта.
staff-error-service-not-offered = Цей консультант не надає цієї послуги.
staff-error-extra-incomplete = Для додаткових годин потрібні місце, початок і кінець.
staff-error-times-incomplete = Вкажіть обидва часи або жодного для всього дня.
staff-error-past-day = Цей день уже минув.
