# The web chat page itself (page chrome), not the conversation.
webchat-title = Trò chuyện với { $centre }
webchat-language-label = Ngôn ngữ
webchat-input-label = Tin nhắn của bạn
webchat-input-placeholder = Viết câu hỏi của bạn…
webchat-send = Gửi
webchat-connecting = Đang kết nối…
webchat-offline = Mất kết nối. Đang kết nối lại…
webchat-you = Bạn
webchat-assistant = Trợ lý
webchat-privacy-note = Đừng viết mật khẩu hoặc số thẻ ngân hàng vào cuộc trò chuyện.
webchat-download = ⬇️ Tải xuống
