# Nhóm nhân viên trên Telegram (chỉ dành cho tư vấn viên, không bao giờ cho khách hàng) và việc liên kết trên trang tài khoản của bảng điều khiển.

## Console: the account page
staff-telegram-title = Nhóm nhân viên trên Telegram
staff-telegram-intro = Liên kết tài khoản Telegram của bạn để nhận hồ sơ, trả lời khách hàng và viết ghi chú nội bộ ngay trong nhóm nhân viên của trung tâm trên Telegram.
staff-telegram-not-configured = Máy chủ này chưa thiết lập nhóm nhân viên trên Telegram. Bạn có thể liên kết tài khoản ngay bây giờ; tài khoản sẽ hoạt động khi nhóm được thiết lập.
staff-telegram-linked = Tài khoản Telegram của bạn đã được liên kết.
staff-telegram-not-linked = Tài khoản Telegram của bạn chưa được liên kết.
staff-telegram-link-button = Liên kết Telegram
staff-telegram-relink-button = Liên kết tài khoản Telegram khác
staff-telegram-unlink-button = Hủy liên kết Telegram
staff-telegram-code-label = Mã dùng một lần của bạn
staff-telegram-code-how = Trong vòng { $minutes } phút, hãy gửi tin nhắn này vào nhóm nhân viên hoặc nhắn riêng cho bot của trợ lý. Mã chỉ dùng được một lần và chỉ hiển thị lúc này.
staff-telegram-code-pending = Mã tạo trước đó còn hiệu lực đến { DATETIME($until, timeStyle: "short") }. Nếu bạn không còn mã đó, hãy tạo mã mới.
staff-telegram-unlinked = Đã hủy liên kết tài khoản Telegram của bạn.

## The staff group: topic names and what the assistant posts
staffgroup-topic-name = #{ $case } { $marks } { $topic } · { $language }
staffgroup-mark-closed = 🔒 đã đóng
staffgroup-reason =
    { $reason ->
        [escalation] vấn đề pháp lý
        [request] muốn gặp tư vấn viên
        [fallback] trợ lý không hiểu
       *[other] { $reason }
    }
staffgroup-new-case =
    🆕 Hồ sơ số { $case }: { $topic }
    Ngôn ngữ: { $language } · kênh: { $channel } · { $reason }
staffgroup-urgent = 🚨 KHẨN CẤP: có thể tự do hoặc an toàn của một người đang bị đe dọa, hoặc thời hạn đang trôi. Vui lòng nhận hồ sơ này ngay.
staffgroup-intents = Trợ lý đã hiểu là: { $intents }
staffgroup-before = Cuộc trò chuyện trước khi chuyển:
staffgroup-before-none = Không có tin nhắn nào trước khi chuyển.
staffgroup-line-client = 👤 { $text }
staffgroup-line-bot = 🤖 { $text }
staffgroup-how = Nhấn "Nhận" rồi viết trong chủ đề này: tin nhắn của bạn sẽ được gửi đến khách hàng. /note kèm nội dung để thêm ghi chú nội bộ; /close kèm kết quả để đóng hồ sơ.
staffgroup-take-button = 🙋 Nhận
staffgroup-client-says = 👤 Khách hàng:
staffgroup-client-file = 📎 Khách hàng đã gửi một tệp: { $name }
staffgroup-client-unreadable = 👤 Khách hàng đã gửi nội dung không thể hiển thị ở đây ({ $what }) và đã được đề nghị viết lại bằng lời.
staffgroup-client-file-too-large = 👤 Khách hàng định gửi một tệp vượt quá giới hạn dung lượng và đã được đề nghị gửi tệp nhỏ hơn.
staffgroup-counsellor-says = 💬 { $name } gửi khách hàng:
staffgroup-not-delivered = ⛔ Chưa gửi được: khách hàng đã chặn trợ lý hoặc xóa cuộc trò chuyện.
staffgroup-delivery-failed = ⚠️ Chưa gửi được: kênh của khách hàng không nhận tin nhắn. Vui lòng thử lại sau.
staffgroup-note = 📝 Ghi chú nội bộ của { $name } (khách hàng không thấy):
staffgroup-claimed = ✅ { $name } đã nhận hồ sơ.
staffgroup-transferred = ➡️ Hồ sơ đã được chuyển cho { $name }.
staffgroup-closed = 🔒 { $name } đã đóng hồ sơ. Kết quả: { $resolution }
staffgroup-left = 🚪 Khách hàng đã quay lại với trợ lý nên hồ sơ đã đóng.
staffgroup-joined = 🔗 Khách hàng đã kết nối thêm một ứng dụng: hồ sơ { $case } của họ tiếp tục trong chủ đề này.
staffgroup-joined-into = 🔗 Khách hàng đã kết nối thêm một ứng dụng: hồ sơ này tiếp tục thành { $case } nên được đóng tại đây.
staffgroup-escalated = ⬆️ Khách hàng nêu thêm một vấn đề: { $topic }
staffgroup-sla = ⏰ Hồ sơ số { $case } đã chờ phản hồi đầu tiên { $minutes } phút.
staffgroup-someone = một đồng nghiệp
staffgroup-resolution =
    { $resolution ->
        [answered] đã trả lời
        [referred] đã chuyển nơi khác
        [appointment] đã đặt lịch hẹn
        [no_response] khách hàng không phản hồi
        [out_of_scope] ngoài phạm vi của trung tâm
        [duplicate] trùng lặp
        [client_left] khách hàng đã rời đi
       *[other] { $resolution }
    }

## The staff group: answers to staff members
staffgroup-link-first = Trước tiên hãy liên kết tài khoản Telegram: trong bảng điều khiển nhân viên, mở { $page } và nhấn "{ staff-telegram-link-button }".
staffgroup-not-casework = Vai trò của bạn trong bảng điều khiển nhân viên không bao gồm xử lý hồ sơ.
staffgroup-take-ok = Hồ sơ này là của bạn. Hãy viết trong chủ đề của hồ sơ để trả lời khách hàng.
staffgroup-already-yours = Hồ sơ này đã là của bạn.
staffgroup-taken-by = { $name } đã nhận hồ sơ này.
staffgroup-case-closed = Hồ sơ này đã đóng.
staffgroup-case-missing = Hồ sơ này không còn tồn tại.
staffgroup-take-first = Chưa ai nhận hồ sơ này. Hãy nhấn "{ staffgroup-take-button }" trước; cho đến lúc đó, tin nhắn ở đây chỉ giữa các nhân viên.
staffgroup-not-yours = Hồ sơ này do { $name } phụ trách: chỉ tin nhắn của người đó được gửi đến khách hàng. Dùng /note để viết ghi chú nội bộ.
staffgroup-too-long = Nội dung quá dài cho một câu trả lời: tối đa { $max } ký tự. Vui lòng rút ngắn.
staffgroup-note-usage = Viết ghi chú sau lệnh, ví dụ: /note Đã gọi cho khách hàng, họ sẽ mang quyết định đến.
staffgroup-close-usage = Đóng hồ sơ bằng một trong các lệnh sau:
staffgroup-only-text = Từ đây chỉ có thể chuyển văn bản đến khách hàng.
staffgroup-link-usage = Gửi mã từ trang tài khoản của bạn trong bảng điều khiển nhân viên, ví dụ: /link 12345678
staffgroup-link-ok = Đã liên kết với tên { $name }. Giờ bạn có thể nhận hồ sơ trong nhóm này.
staffgroup-link-invalid = Mã này không hợp lệ. Mỗi mã chỉ dùng được một lần và chỉ trong 15 phút: hãy tạo mã mới trên trang tài khoản của bạn.
staffgroup-link-throttled = Quá nhiều mã sai. Vui lòng đợi 15 phút rồi thử lại.
