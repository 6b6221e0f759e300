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
