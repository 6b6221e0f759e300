# Група працівників у Telegram (лише консультанти, ніколи клієнти) та її прив'язка на сторінці облікового запису в консолі.

## Console: the account page
staff-telegram-title = Група працівників у Telegram
staff-telegram-intro = Прив'яжіть свій обліковий запис Telegram, щоб брати справи, відповідати клієнтам і писати внутрішні нотатки прямо з групи працівників центру в Telegram.
staff-telegram-not-configured = Групу працівників у Telegram на цьому сервері ще не налаштовано. Прив'язати обліковий запис можна вже зараз; він запрацює, щойно групу налаштують.
staff-telegram-linked = Ваш обліковий запис Telegram прив'язано.
staff-telegram-not-linked = Ваш обліковий запис Telegram не прив'язано.
staff-telegram-link-button = Прив'язати Telegram
staff-telegram-relink-button = Прив'язати інший обліковий запис Telegram
staff-telegram-unlink-button = Відв'язати Telegram
staff-telegram-code-label = Ваш одноразовий код
staff-telegram-code-how = Протягом { $minutes } хв надішліть це повідомлення в групу працівників або особисто боту асистента. Код діє один раз і показується лише зараз.
staff-telegram-code-pending = Раніше створений код дійсний до { DATETIME($until, timeStyle: "short") }. Якщо його у вас уже немає, створіть новий.
staff-telegram-unlinked = Ваш обліковий запис Telegram відв'язано.

## The staff group: topic names and what the assistant posts
staffgroup-topic-name = #{ $case } { $marks } { $topic } · { $language }
staffgroup-mark-closed = 🔒 закрито
staffgroup-reason =
    { $reason ->
        [escalation] юридичне питання
        [request] просить консультанта
        [fallback] асистент не зрозумів
       *[other] { $reason }
    }
staffgroup-new-case =
    🆕 Справа № { $case }: { $topic }
    Мова: { $language } · канал: { $channel } · { $reason }
staffgroup-urgent = 🚨 ТЕРМІНОВО: можливо, під загрозою свобода чи безпека людини, або спливає строк. Будь ласка, візьміть цю справу негайно.
staffgroup-intents = Що зрозумів асистент: { $intents }
staffgroup-before = Розмова до передачі:
staffgroup-before-none = До передачі повідомлень не було.
staffgroup-line-client = 👤 { $text }
staffgroup-line-bot = 🤖 { $text }
staffgroup-how = Натисніть «Взяти», а потім пишіть у цій темі: ваші повідомлення підуть клієнтові. /note з текстом додає внутрішню нотатку; /close з результатом закриває справу.
staffgroup-take-button = 🙋 Взяти
staffgroup-client-says = 👤 Клієнт:
staffgroup-client-file = 📎 Клієнт надіслав файл: { $name }
staffgroup-client-unreadable = 👤 Клієнт надіслав те, що тут не можна показати ({ $what }), і його попросили написати це словами.
staffgroup-client-file-too-large = 👤 Клієнт намагався надіслати завеликий файл, і його попросили надіслати менший.
staffgroup-counsellor-says = 💬 { $name } клієнтові:
staffgroup-not-delivered = ⛔ Не доставлено: клієнт заблокував асистента або видалив чат.
staffgroup-delivery-failed = ⚠️ Не доставлено: канал клієнта не прийняв повідомлення. Спробуйте пізніше.
staffgroup-note = 📝 Внутрішня нотатка від { $name } (клієнт її не бачить):
staffgroup-claimed = ✅ Справу взяв(-ла) { $name }.
staffgroup-transferred = ➡️ Справу передано: { $name }.
staffgroup-closed = 🔒 { $name } закрив(-ла) справу. Результат: { $resolution }
staffgroup-left = 🚪 Клієнт повернувся до асистента, тому справу закрито.
staffgroup-joined = 🔗 Клієнт підключив інший застосунок: його справа { $case } продовжується в цій темі.
staffgroup-joined-into = 🔗 Клієнт підключив інший застосунок: ця справа продовжується як { $case }, тому тут її закрито.
staffgroup-escalated = ⬆️ Клієнт порушив ще одне питання: { $topic }
staffgroup-sla = ⏰ Справа № { $case } чекає на першу відповідь уже { $minutes } хв.
staffgroup-someone = колега
staffgroup-resolution =
    { $resolution ->
        [answered] відповідь надано
        [referred] перенаправлено
        [appointment] записано на зустріч
        [no_response] клієнт не відповів
        [out_of_scope] поза діяльністю центру
        [duplicate] дублікат
        [client_left] клієнт пішов
       *[other] { $resolution }
    }

## The staff group: answers to staff members
staffgroup-link-first = Спершу прив'яжіть свій обліковий запис Telegram: у консолі працівників відкрийте { $page } і натисніть «{ staff-telegram-link-button }».
staffgroup-not-casework = Ваша роль у консолі працівників не передбачає роботи зі справами.
staffgroup-take-ok = Справа ваша. Щоб відповісти клієнтові, пишіть у її темі.
staffgroup-already-yours = Ця справа вже ваша.
staffgroup-taken-by = Цю справу вже взяв(-ла) { $name }.
staffgroup-case-closed = Цю справу закрито.
staffgroup-case-missing = Цієї справи вже не існує.
staffgroup-take-first = Цю справу ще ніхто не взяв. Спершу натисніть «{ staffgroup-take-button }»; доти повідомлення тут залишаються між працівниками.
staffgroup-not-yours = Цю справу веде { $name }: клієнтові йдуть лише його/її повідомлення. Для внутрішньої нотатки використайте /note.
staffgroup-too-long = Це задовго для однієї відповіді: щонайбільше { $max } символів. Будь ласка, скоротіть.
staffgroup-note-usage = Напишіть нотатку після команди, наприклад: /note Зателефонував(-ла) клієнтові, рішення принесе.
staffgroup-close-usage = Закрийте справу однією з цих команд:
staffgroup-only-text = Звідси клієнтові можна передати лише текст.
staffgroup-link-usage = Надішліть код зі сторінки свого облікового запису в консолі працівників, наприклад: /link 12345678
staffgroup-link-ok = Прив'язано як { $name }. Тепер ви можете брати справи в цій групі.
staffgroup-link-invalid = Цей код недійсний. Код діє лише один раз і лише 15 хвилин: створіть новий на сторінці свого облікового запису.
staffgroup-link-throttled = Забагато неправильних кодів. Зачекайте 15 хвилин і спробуйте знову.
