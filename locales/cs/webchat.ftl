# The web chat page itself (page chrome), not the conversation.
webchat-title = Chat – { $centre }
webchat-language-label = Jazyk
webchat-input-label = Vaše zpráva
webchat-input-placeholder = Napište svou otázku…
webchat-send = Odeslat
webchat-connecting = Připojuji…
webchat-offline = Spojení se přerušilo. Znovu se připojuji…
webchat-you = Vy
webchat-assistant = Asistent
webchat-privacy-note = Do chatu nepište hesla ani čísla platebních karet.
webchat-download = ⬇️ Stáhnout
