# The main menu.
menu-title = Tôi có thể giúp gì cho bạn? Hãy chọn bên dưới hoặc viết câu hỏi bằng lời của bạn.
menu-questions = ❓ Câu hỏi
menu-book = 📅 Đặt lịch hẹn
menu-counsellor = 🧑‍💼 Gặp tư vấn viên
menu-courses = 📢 Tin khóa học
menu-language = 🌐 Ngôn ngữ
menu-help = ℹ️ Trợ giúp
