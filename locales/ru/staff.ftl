# Staff console (counsellors, coordinators, admins), not seen by clients.
staff-console-title = Консоль сотрудников
staff-skip-link = Перейти к содержимому
staff-signed-in-as = Вы вошли как { $name } ({ $role })
staff-logout = Выйти
staff-nav-home = Обзор
staff-nav-staff = Учётные записи сотрудников
staff-nav-password = Сменить пароль

staff-role-admin = Администратор
staff-role-counsellor = Консультант
staff-role-coordinator = Координатор

staff-login-title = Вход для сотрудников
staff-login-email = Электронная почта
staff-login-password = Пароль
staff-login-submit = Войти
staff-login-invalid = Неверный адрес электронной почты или пароль.
staff-login-locked = Слишком много неудачных попыток. Попробуйте снова через { $minutes } { $minutes ->
        [one] минуту
        [few] минуты
       *[other] минут
    }.
staff-login-logged-out = Вы вышли из системы.

staff-dashboard-welcome = Здравствуйте, { $name }.
staff-dashboard-role = Ваша роль: { $role }
staff-dashboard-pages = Ваши страницы
staff-dashboard-no-pages = Для вашей роли пока нет страниц. Они появятся здесь, как только будут добавлены.

staff-admin-title = Учётные записи сотрудников
staff-admin-name = Имя
staff-admin-email = Электронная почта
staff-admin-role = Роль
staff-admin-last-login = Последний вход
staff-admin-never = никогда
staff-admin-inactive = отключена
staff-admin-last-login-at = { DATETIME($at, dateStyle: "medium", timeStyle: "short") }
staff-admin-add-title = Добавить сотрудника
staff-admin-add-submit = Добавить и создать пароль
staff-admin-created = Учётная запись для { $name } ({ $email }) создана.
staff-admin-one-time-password = Одноразовый пароль
staff-admin-password-note = Передайте этот пароль владельцу учётной записи ({ $name }) лично, а не по электронной почте. Он показывается только сейчас и больше не будет показан. Попросите сменить его после первого входа.

staff-password-title = Смена пароля
staff-password-current = Текущий пароль
staff-password-new = Новый пароль (не менее { $min } символов)
staff-password-repeat = Новый пароль ещё раз
staff-password-submit = Сменить пароль
staff-password-changed = Пароль изменён. Ваши другие сеансы завершены.

staff-error-email-invalid = Введите действительный адрес электронной почты.
staff-error-email-taken = Учётная запись сотрудника с этим адресом уже существует.
staff-error-name-invalid = Введите имя длиной от 1 до 120 символов.
staff-error-role-invalid = Выберите одну из ролей.
staff-error-password-too-short = Пароль должен содержать не менее { $min } символов.
staff-error-password-too-long = Пароль может содержать не более { $max } символов.
staff-error-password-wrong = Текущий пароль неверен.
staff-error-password-mismatch = Новые пароли не совпадают.

staff-forbidden-title = Доступ запрещён
staff-forbidden-csrf = Срок действия формы истёк, или она отправлена не из этой консоли. Вернитесь назад, обновите страницу и попробуйте снова.
staff-forbidden-role = Ваша роль не даёт доступа к этой странице.
staff-back-home = Назад к обзору

staff-nav-agenda = Расписание
staff-nav-availability = Рабочее время
staff-forbidden-other-agenda = Вы можете видеть только собственное расписание.
staff-forbidden-other-client = Вы можете видеть записи только тех клиентов, которые записывались к вам.

staff-status = { $status ->
    [booked] Записан(а)
    [attended] Пришёл (пришла)
    [no_show] Не пришёл (не пришла)
   *[cancelled] Отменено
}
staff-weekday = { $day ->
    [0] понедельник
    [1] вторник
    [2] среда
    [3] четверг
    [4] пятница
    [5] суббота
   *[6] воскресенье
}
staff-kind = { $kind ->
    [off] Выходной
   *[extra] Дополнительные часы
}

staff-agenda-title = Расписание
staff-agenda-day = День
staff-agenda-view = Период
staff-agenda-view-day = один день
staff-agenda-view-week = всю неделю
staff-agenda-counsellor = Консультант
staff-agenda-all = Все консультанты
staff-agenda-show = Показать
staff-agenda-previous = ← Назад
staff-agenda-today = Сегодня
staff-agenda-next = Вперёд →
staff-agenda-date = { DATETIME($day, dateStyle: "full") }
staff-agenda-time = { DATETIME($starts, timeStyle: "short") }–{ DATETIME($ends, timeStyle: "short") }
staff-agenda-empty-day = Встреч нет.
staff-agenda-seats = Занято мест: { $taken } из { $capacity }
staff-agenda-client = Клиент № { $client }
staff-agenda-mark-attended = Пришёл (пришла)
staff-agenda-mark-no-show = Не пришёл (не пришла)
staff-agenda-marked = Сохранено: клиент № { $client } – { $status }.
staff-agenda-cancel-submit = Отменить эту встречу
staff-agenda-cancel-note = Каждый клиент получит сообщение на своём языке с кнопкой для выбора нового времени. Это время закрывается для новых записей; администратор может снова открыть его на странице рабочего времени.
staff-agenda-cancel-reason = Причина (останется в журнале, клиентам не отправляется)
staff-agenda-cancelled = Встреча отменена: { $count ->
    [one] { $count } запись
    [few] { $count } записи
   *[other] { $count } записей
}; сообщение получили клиенты: { $told }.
staff-agenda-unreached = Этим клиентам не удалось отправить сообщение в чате; свяжитесь с ними иначе: { $clients }
staff-agenda-not-linked = Ваша учётная запись ещё не связана с консультантом. Попросите администратора связать её на странице рабочего времени.

staff-availability-title = Рабочее время
staff-availability-open = Открыть
staff-availability-no-counsellors = Консультантов пока нет. Администратор импортирует их командой `python -m bot scheduler import FILE`.
staff-availability-inactive = не предлагается клиентам
staff-availability-languages = Языки: { $languages }
staff-availability-services = Услуги: { $services }
staff-availability-account = Учётная запись консоли, которая видит это расписание
staff-availability-no-account = нет
staff-availability-link-submit = Сохранить учётную запись
staff-availability-deactivate = Больше не предлагать этого консультанта
staff-availability-activate = Снова предлагать этого консультанта
staff-availability-deactivated = { $name } больше не предлагается клиентам.
staff-availability-activated = { $name } снова предлагается клиентам.
staff-availability-ahead-title = Предстоящие встречи
staff-availability-ahead-item = { DATETIME($at, dateStyle: "full", timeStyle: "short") }: { $service }
staff-availability-weekly-title = Еженедельное рабочее время
staff-availability-times-hint = Время пражское, с шагом 5 минут. Уже назначенные встречи остаются, когда рабочее время меняется.
staff-availability-weekday = День недели
staff-availability-hours = Время
staff-availability-from = С
staff-availability-to = До
staff-availability-location = Место
staff-availability-service = Услуга
staff-availability-any-service = любая из его услуг
staff-availability-valid = Действует
staff-availability-valid-from = Действует с (необязательно)
staff-availability-valid-until = Действует до (необязательно)
staff-availability-always = всегда
staff-availability-remove = Удалить
staff-availability-no-rules = Еженедельного рабочего времени пока нет.
staff-availability-add-rule = Добавить еженедельное рабочее время
staff-availability-exceptions-title = Исключения начиная с сегодняшнего дня
staff-availability-day = День
staff-availability-kind = Тип
staff-availability-whole-day = весь день
staff-availability-note = Примечание
staff-availability-no-exceptions = Предстоящих исключений нет.
staff-availability-add-exception = Добавить исключение
staff-availability-exception-hint = Выходной: оставьте оба поля времени пустыми для всего дня. Для дополнительных часов нужны место и оба времени.
staff-availability-saved = Сохранено.
staff-availability-still-booked = На этот выходной всё ещё записаны клиенты: { $count }. Отмените эти встречи в расписании, чтобы клиенты получили сообщение.

staff-history-title = Записи клиента № { $client }
staff-history-language = Язык разговора: { $language }
staff-history-upcoming = Предстоящие
staff-history-past = Прошедшие
staff-history-none = Нет.
staff-history-when = Когда
staff-history-status = Статус
staff-history-booked-at = Дата записи
staff-history-at = { DATETIME($at, dateStyle: "medium", timeStyle: "short") }
staff-history-cancelled-by = { $by ->
    [client] отменил клиент
    [counsellor] отменил консультант
   *[other] отменил центр
}

staff-error-not-found = Этой записи уже нет. Обновите страницу.
staff-error-not-started = Присутствие можно отметить только после начала встречи.
staff-error-booking-cancelled = Эта запись отменена; присутствие не отмечается.
staff-error-bad-choice = Выберите один из предложенных вариантов.
staff-error-already-started = Эта встреча уже началась, её нельзя отменить. Вместо этого отметьте присутствие.
staff-error-reason-missing = Напишите причину отмены.
staff-error-future-bookings = К этому консультанту заранее записаны клиенты: { $count }. Сначала отмените эти встречи (список ниже), чтобы клиенты получили сообщение, а затем попробуйте снова.
staff-error-bad-time = Введите время, например 09:30, с шагом 5 минут.
staff-error-bad-day = Введите существующую дату, например 2026-03-09.
staff-error-time-order = Начало должно быть раньше конца.
staff-error-validity-order = «Действует с» не может быть позже «Действует до».
staff-error-overlap = Это время в тот день пересекается с другим еженедельным рабочим временем этого консультанта.
staff-error-service-not-offered = Этот консультант не оказывает эту услугу.
staff-error-extra-incomplete = Для дополнительных часов нужны место, начало и конец.
staff-error-times-incomplete = Укажите оба времени или ни одного для всего дня.
staff-error-past-day = Этот день уже прошёл.
