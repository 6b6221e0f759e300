# Booking, moving and cancelling appointments; reminder answers. Times are shown in Prague time.
booking-choose-service = На що ви хочете записатися? Консультації в центрі безкоштовні.
booking-service-button = { $name }
booking-location-button = 📍 { $name }
booking-choose-location = Куди вам зручніше прийти ({ $service })?
booking-choose-day =
    { $service }, { $place }. Який день вам підходить?
    Виберіть день нижче або напишіть дату, наприклад «24.9.» чи «завтра».
booking-choose-new-day =
    { $service }, { $place }. Ваш запис зараз: { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }.
    На який день перенести запис? Виберіть нижче або напишіть дату.
booking-day-button = { DATETIME($day, dateStyle: "full") }
booking-no-free-days = Зараз у чаті немає вільного часу для запису ({ $service }). Зверніться, будь ласка, безпосередньо до центру: { $address }, години роботи: { $hours }.
booking-no-services = Запис у чаті поки що недоступний. Зверніться, будь ласка, безпосередньо до центру: { $address }, години роботи: { $hours }.
booking-day-passed = { DATETIME($day, dateStyle: "long") } уже минуло.
booking-day-holiday = { DATETIME($day, dateStyle: "long") } — державне свято, центр не працює.
booking-day-too-far = Записатися можна щонайбільше на { $days ->
        [one] { $days } день
        [few] { $days } дні
        [many] { $days } днів
       *[other] { $days } дня
    } наперед.
booking-day-no-times = На { DATETIME($day, dateStyle: "long") } вільного часу вже немає.
booking-day-unreadable = Я не знайшов у вашому повідомленні правильної дати. Напишіть її, будь ласка, так: «24.9.», або виберіть день нижче.
booking-choose-time = Вільний час — { DATETIME($day, dateStyle: "full") } ({ $service }, { $place }). Який час вам підходить?
booking-no-time-then = Цього дня немає вільного часу { $part ->
        [morning] зранку
        [afternoon] після обіду
        [evening] увечері
       *[other] у цей час
    }, але вільний такий час:
booking-time-button = { DATETIME($at, timeStyle: "short") }
booking-alternative-button = { DATETIME($at, dateStyle: "medium") }, { DATETIME($at, timeStyle: "short") }
booking-later-times = Пізніший час ➡️
booking-other-day = 📅 Інший день
booking-other-service = Інша послуга
booking-check = Перевірте, будь ласка, ваш запис:
booking-summary =
    • { $service }
    • { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }
    • { $place }, { $address }
booking-confirm = ✅ Підтвердити
booking-change = ✏️ Змінити
booking-booked = Вас записано.
booking-booked-next = Ми нагадаємо вам за день і за дві години до зустрічі. Доданий файл можна зберегти в календар. Якщо ви не зможете прийти, скасуйте, будь ласка, запис у розділі «Мої записи», щоб цей час міг отримати хтось інший.
booking-taken = На жаль, цей час щойно хтось зайняв. Найближчий вільний час:
booking-taken-nothing-near = На жаль, цей час щойно хтось зайняв.
booking-unavailable = На жаль, на цей час записатися вже не можна. Виберіть, будь ласка, ще раз.
booking-full = На жаль, на це заняття вже немає місць. Хочете записатися в лист очікування? Якщо місце звільниться, ми забронюємо його для вас і повідомимо.
booking-join-waitlist = 📝 Записатися в лист очікування
booking-full-sessions = На ці заняття місць немає, але можна записатися в лист очікування:
booking-waitlist-button = 📝 { DATETIME($at, dateStyle: "medium") }: лист очікування
booking-waitlist-joined = Ви в листі очікування. Якщо місце звільниться, ми забронюємо його для вас і повідомимо.
booking-waitlist-already = Ви вже в листі очікування на це заняття.
booking-waitlist-has-seat = У вас уже є місце на цьому занятті.
booking-waitlist-open = На цьому занятті зараз є вільне місце, тож можна записатися одразу.
booking-limit = У вас уже { $max ->
        [one] { $max } запис
        [few] { $max } записи
        [many] { $max } записів
       *[other] { $max } запису
    }, а більше одна людина одночасно мати не може. Щоб записатися ще раз, спочатку скасуйте або перенесіть один із них.
booking-stale = Ця кнопка вже застаріла. Почнімо спочатку.
booking-not-found = Я не знаходжу цього запису серед ваших. Можливо, його вже скасовано, перенесено або він уже минув.
booking-same-time = Ви вже записані на цей час. Виберіть, будь ласка, інший.
booking-move-check = Ваш запис ({ DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }) буде перенесено на:
booking-move-confirm = ✅ Перенести запис
booking-moved = Ваш запис перенесено. Новий час:
booking-my-title = Ваші записи:
booking-my-none = У вас немає записів.
booking-my-cancel-which = Який запис ви хочете скасувати?
booking-my-button = 📋 Мої записи
booking-new-button = ➕ Записатися
booking-cancel-button = ❌ Скасувати: { DATETIME($at, dateStyle: "medium") }, { DATETIME($at, timeStyle: "short") }
booking-move-button = 🔁 Перенести: { DATETIME($at, dateStyle: "medium") }, { DATETIME($at, timeStyle: "short") }
booking-cancel-question = Ви справді хочете скасувати цей запис?
booking-cancel-yes = Так, скасувати
booking-cancel-no = Ні, залишити
booking-cancelled = Ваш запис скасовано. Дякуємо, що повідомили: тепер цей час може отримати хтось інший.
booking-see-you = Дякуємо за підтвердження. Чекаємо на вас: { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }.
booking-promoted = Гарна новина: звільнилося місце, і ми забронювали його для вас із листа очікування.
