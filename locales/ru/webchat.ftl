# The web chat page itself (page chrome), not the conversation.
webchat-title = Чат – { $centre }
webchat-language-label = Язык
webchat-input-label = Ваше сообщение
webchat-input-placeholder = Напишите свой вопрос…
webchat-send = Отправить
webchat-connecting = Подключение…
webchat-offline = Связь потеряна. Подключаюсь снова…
webchat-you = Вы
webchat-assistant = Помощник
webchat-privacy-note = Не пишите в чате пароли и номера банковских карт.
webchat-download = ⬇️ Скачать
