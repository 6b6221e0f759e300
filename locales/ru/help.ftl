# Help, contacts and privacy.
help-text =
    Я виртуальный помощник организации «{ $centre }». Напишите вопрос своими словами или используйте кнопки.
    Команды: /menu – главное меню, /language – сменить язык, /help – эта справка, /connect – подключить другое приложение.
help-contact-address = Адрес: { $address }
help-contact-hours = Часы работы: { $hours }
help-contact-phone = Телефон: { $phone }
help-contact-email = Электронная почта: { $email }
help-privacy-button = 🔒 Личные данные
help-privacy =
    Вы согласились с правилами обработки ваших данных { DATETIME($consented_at, dateStyle: "long", timeStyle: "short") }.
    Мы храним ваши сообщения { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    }, а затем удаляем их.
help-privacy-forget-button = 🗑 Отозвать согласие и удалить сообщения
help-privacy-forget-confirm = Вы действительно хотите удалить все свои сообщения и отозвать согласие? Консультанты больше не увидят наш разговор.
help-privacy-forget-done = Готово. Я удалил { $count ->
        [one] { $count } сообщение
        [few] { $count } сообщения
        [many] { $count } сообщений
       *[other] { $count } сообщения
    } и отменил ваше согласие. Если вы напишете снова, я сначала попрошу у вас согласия.
