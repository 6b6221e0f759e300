# What Telegram shows about the bot: the command menu (descriptions 3-256 characters), the description
# on the empty chat (at most 512) and the short description on the profile and in shared links (at most 120).
command-start = Bắt đầu lại
command-menu = Menu chính
command-language = Đổi ngôn ngữ
command-book = Đặt lịch hẹn tại trung tâm
command-human = Nói chuyện với tư vấn viên
command-stop = Hủy mọi tin
command-help = Trợ giúp và liên hệ
bot-description = Tôi là trợ lý của { $centre }. Tôi trả lời câu hỏi về cư trú, việc làm, khóa học tiếng Séc và kỳ thi, đặt lịch tư vấn miễn phí và kết nối bạn với tư vấn viên. Ngôn ngữ: { $languages }.
bot-short-description = Trợ lý của trung tâm hội nhập: cư trú, khóa học tiếng Séc, đặt lịch hẹn, tư vấn viên.
