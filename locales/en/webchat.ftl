# The web chat page itself (page chrome), not the conversation.
webchat-title = Chat with { $centre }
webchat-language-label = Language
webchat-input-label = Your message
webchat-input-placeholder = Write your question…
webchat-send = Send
webchat-connecting = Connecting…
webchat-offline = Connection lost. Reconnecting…
webchat-you = You
webchat-assistant = Assistant
webchat-privacy-note = Do not write passwords or card numbers in the chat.
webchat-download = ⬇️ Download
