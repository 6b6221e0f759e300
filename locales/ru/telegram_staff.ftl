# Группа сотрудников в Telegram (только консультанты, никогда клиенты) и её привязка на странице учётной записи в консоли.

## Console: the account page
staff-telegram-title = Группа сотрудников в Telegram
staff-telegram-intro = Привяжите свою учётную запись Telegram, чтобы брать обращения, отвечать клиентам и писать внутренние заметки прямо из группы сотрудников центра в Telegram.
staff-telegram-not-configured = Группа сотрудников в Telegram на этом сервере ещё не настроена. Привязать учётную запись можно уже сейчас; она заработает, как только группу настроят.
staff-telegram-linked = Ваша учётная запись Telegram привязана.
staff-telegram-not-linked = Ваша учётная запись Telegram не привязана.
staff-telegram-link-button = Привязать Telegram
staff-telegram-relink-button = Привязать другую учётную запись Telegram
staff-telegram-unlink-button = Отвязать Telegram
staff-telegram-code-label = Ваш одноразовый код
staff-telegram-code-how = В течение { $minutes } мин отправьте это сообщение в группу сотрудников или лично боту ассистента. Код действует один раз и показывается только сейчас.
staff-telegram-code-pending = Созданный ранее код действителен до { DATETIME($until, timeStyle: "short") }. Если его у вас уже нет, создайте новый.
staff-telegram-unlinked = Ваша учётная запись Telegram отвязана.

## The staff group: topic names and what the assistant posts
staffgroup-topic-name = #{ $case } { $marks } { $topic } · { $language }
staffgroup-mark-closed = 🔒 закрыто
staffgroup-reason =
    { $reason ->
        [escalation] юридический вопрос
        [request] просит консультанта
        [fallback] ассистент не понял
       *[other] { $reason }
    }
staffgroup-new-case =
    🆕 Обращение № { $case }: { $topic }
    Язык: { $language } · канал: { $channel } · { $reason }
staffgroup-urgent = 🚨 СРОЧНО: возможно, под угрозой свобода или безопасность человека, или истекает срок. Пожалуйста, возьмите это обращение немедленно.
staffgroup-intents = Что понял ассистент: { $intents }
staffgroup-before = Разговор до передачи:
staffgroup-before-none = До передачи сообщений не было.
staffgroup-line-client = 👤 { $text }
staffgroup-line-bot = 🤖 { $text }
staffgroup-how = Нажмите «Взять», а затем пишите в этой теме: ваши сообщения уйдут клиенту. /note с текстом добавляет внутреннюю заметку; /close с результатом закрывает обращение.
staffgroup-take-button = 🙋 Взять
staffgroup-client-says = 👤 Клиент:
staffgroup-client-file = 📎 Клиент прислал файл: { $name }
staffgroup-client-unreadable = 👤 Клиент прислал то, что здесь нельзя показать ({ $what }), и его попросили написать это словами.
staffgroup-client-file-too-large = 👤 Клиент пытался отправить слишком большой файл, и его попросили прислать файл поменьше.
staffgroup-counsellor-says = 💬 { $name } клиенту:
staffgroup-not-delivered = ⛔ Не доставлено: клиент заблокировал ассистента или удалил чат.
staffgroup-delivery-failed = ⚠️ Не доставлено: канал клиента не принял сообщение. Попробуйте позже.
staffgroup-note = 📝 Внутренняя заметка от { $name } (клиент её не видит):
staffgroup-claimed = ✅ Обращение взял(а) { $name }.
staffgroup-transferred = ➡️ Обращение передано: { $name }.
staffgroup-closed = 🔒 { $name } закрыл(а) обращение. Результат: { $resolution }
staffgroup-left = 🚪 Клиент вернулся к ассистенту, поэтому обращение закрыто.
staffgroup-joined = 🔗 Клиент подключил другое приложение: его обращение { $case } продолжается в этой теме.
staffgroup-joined-into = 🔗 Клиент подключил другое приложение: это обращение продолжается как { $case }, поэтому здесь оно закрыто.
staffgroup-escalated = ⬆️ Клиент поднял ещё один вопрос: { $topic }
staffgroup-sla = ⏰ Обращение № { $case } ждёт первого ответа уже { $minutes } мин.
staffgroup-someone = коллега
staffgroup-resolution =
    { $resolution ->
        [answered] ответ дан
        [referred] перенаправлено
        [appointment] записан на встречу
        [no_response] клиент не ответил
        [out_of_scope] вне деятельности центра
        [duplicate] дубликат
        [client_left] клиент ушёл
       *[other] { $resolution }
    }

## The staff group: answers to staff members
staffgroup-link-first = Сначала привяжите свою учётную запись Telegram: в консоли сотрудников откройте { $page } и нажмите «{ staff-telegram-link-button }».
staffgroup-not-casework = Ваша роль в консоли сотрудников не предусматривает работу с обращениями.
staffgroup-take-ok = Обращение ваше. Чтобы ответить клиенту, пишите в его теме.
staffgroup-already-yours = Это обращение уже ваше.
staffgroup-taken-by = Это обращение уже взял(а) { $name }.
staffgroup-case-closed = Это обращение закрыто.
staffgroup-case-missing = Этого обращения больше не существует.
staffgroup-take-first = Это обращение ещё никто не взял. Сначала нажмите «{ staffgroup-take-button }»; до тех пор сообщения здесь остаются между сотрудниками.
staffgroup-not-yours = Это обращение ведёт { $name }: клиенту уходят только его/её сообщения. Для внутренней заметки используйте /note.
staffgroup-too-long = Это слишком длинно для одного ответа: не больше { $max } символов. Пожалуйста, сократите.
staffgroup-note-usage = Напишите заметку после команды, например: /note Позвонил(а) клиенту, решение принесёт.
staffgroup-close-usage = Закройте обращение одной из этих команд:
staffgroup-only-text = Отсюда клиенту можно передать только текст.
staffgroup-link-usage = Отправьте код со страницы своей учётной записи в консоли сотрудников, например: /link 12345678
staffgroup-link-ok = Привязано как { $name }. Теперь вы можете брать обращения в этой группе.
staffgroup-link-invalid = Этот код недействителен. Код действует только один раз и только 15 минут: создайте новый на странице своей учётной записи.
staffgroup-link-throttled = Слишком много неверных кодов. Подождите 15 минут и попробуйте снова.
