# Ứng dụng đã kết nối: một người trên Telegram, WhatsApp và trò chuyện web, kết nối bằng một mã ngắn.
link-keywords = kết nối, kết nối ứng dụng, liên kết
link-channel = { $channel ->
        [tg] Telegram
        [wa] WhatsApp
        [console] bảng điều khiển
       *[web] trò chuyện web
    }
link-code =
    Mã của bạn: { $code }
    Hãy gửi mã này cho chúng tôi từ ứng dụng kia (WhatsApp, Telegram hoặc trò chuyện web) trong vòng { $minutes } phút. Mã chỉ dùng được một lần.
link-code-button = 🔗 Kết nối ứng dụng khác
link-apps-button = 📱 Ứng dụng đã kết nối
link-apps-title = Các ứng dụng đã kết nối với tài khoản của bạn:
link-apps-item = { $number }. { link-channel }{ $this ->
        [yes] {" "}(cuộc trò chuyện này)
       *[no] {""}
    }, từ { DATETIME($since, dateStyle: "medium") }
link-apps-only-this = Hiện chỉ có cuộc trò chuyện này. Để xem lịch hẹn và tin về khóa học ở ứng dụng khác, hãy lấy mã và gửi mã từ ứng dụng đó.
link-apps-drop-hint = Để ngắt kết nối một ứng dụng, hãy bấm số của nó.
link-drop-button = ✂️ { $number }. { link-channel }
link-drop-confirm = Ngắt kết nối { $number }. { link-channel }? Lịch hẹn, tin về khóa học và các cuộc trò chuyện với tư vấn viên vẫn ở đây; ứng dụng kia sẽ bắt đầu lại mà không có chúng.
link-dropped = Đã ngắt kết nối { link-channel }. Ứng dụng đó bắt đầu lại như một cuộc trò chuyện riêng, không có lịch hẹn và tin về khóa học của bạn.
link-confirm = Mã này đến từ ứng dụng kia của bạn ({ link-channel }). Kết nối cuộc trò chuyện này với nó? Khi đó cả hai sẽ hiển thị cùng lịch hẹn, tin về khóa học và cuộc trò chuyện với tư vấn viên, bằng ngôn ngữ bạn đã chọn ở đó.
link-confirm-moves = Sẽ chuyển từ cuộc trò chuyện này: lịch hẹn sắp tới: { $bookings }, chủ đề tin khóa học: { $topics }, cuộc trò chuyện với tư vấn viên: { $cases }.
link-join-button = ✅ Có, kết nối
link-keep-button = ✖️ Không
link-cancelled = Được, không có gì được kết nối.
link-done = Xong: cuộc trò chuyện này đã được kết nối với { link-channel }. Lịch hẹn, tin về khóa học và cuộc trò chuyện với tư vấn viên giống nhau ở cả hai.
link-done-case = Cuộc trò chuyện với tư vấn viên vẫn tiếp tục: hãy viết ở đây hoặc ở ứng dụng kia.
link-invalid = Mã này không hợp lệ. Hãy kiểm tra và gửi lại, hoặc lấy mã mới ở ứng dụng kia.
link-expired = Mã đã hết hạn: mã chỉ có hiệu lực { $minutes } phút. Hãy lấy mã mới ở ứng dụng kia.
link-own = Mã này được tạo trong cuộc trò chuyện này. Hãy gửi nó từ ứng dụng kia (WhatsApp, Telegram hoặc trò chuyện web) để kết nối hai bên.
link-already = Cuộc trò chuyện này đã được kết nối với ứng dụng đó.
link-throttled = Quá nhiều mã sai. Vì an toàn của bạn, vui lòng thử lại sau { DATETIME($at, timeStyle: "short") }.
link-stale = Câu hỏi này đã hết hiệu lực. Hãy gửi lại mã để kết nối các ứng dụng.
