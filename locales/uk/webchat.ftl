# The web chat page itself (page chrome), not the conversation.
webchat-title = Чат – { $centre }
webchat-language-label = Мова
webchat-input-label = Ваше повідомлення
webchat-input-placeholder = Напишіть своє запитання…
webchat-send = Надіслати
webchat-connecting = З'єднання…
webchat-offline = З'єднання втрачено. Підключаюся знову…
webchat-you = Ви
webchat-assistant = Помічник
webchat-privacy-note = Не пишіть у чаті паролі чи номери банківських карток.
webchat-download = ⬇️ Завантажити
