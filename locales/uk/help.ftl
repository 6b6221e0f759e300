# Help, contacts and privacy.
help-text =
    Я віртуальний помічник організації «{ $centre }». Напишіть запитання своїми словами або скористайтеся кнопками.
    Команди: /menu – головне меню, /language – змінити мову, /help – ця довідка, /connect – підключити інший застосунок.
help-contact-address = Адреса: { $address }
help-contact-hours = Години роботи: { $hours }
help-contact-phone = Телефон: { $phone }
help-contact-email = Електронна пошта: { $email }
help-privacy-button = 🔒 Особисті дані
help-privacy =
    Ви погодилися з правилами обробки ваших даних { DATETIME($consented_at, dateStyle: "long", timeStyle: "short") }.
    Ми зберігаємо ваші повідомлення { $days ->
        [one] { $days } день
        [few] { $days } дні
        [many] { $days } днів
       *[other] { $days } дня
    }, а потім видаляємо їх.
help-privacy-forget-button = 🗑 Відкликати згоду й видалити повідомлення
help-privacy-forget-confirm = Ви справді хочете видалити всі свої повідомлення й відкликати згоду? Консультанти більше не бачитимуть нашу розмову.
help-privacy-forget-done = Готово. Я видалив { $count ->
        [one] { $count } повідомлення
        [few] { $count } повідомлення
        [many] { $count } повідомлень
       *[other] { $count } повідомлення
    } і скасував вашу згоду. Якщо ви напишете знову, я спершу попрошу у вас згоди.
