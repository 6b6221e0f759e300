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
