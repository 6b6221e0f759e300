# Bảng điều khiển nhân viên: thông báo hàng loạt (tin về khóa học) cho điều phối viên.
staff-nav-broadcasts = Thông báo
staff-broadcasts-title = Thông báo
staff-broadcasts-empty = Chưa có thông báo nào.
staff-broadcast-new = Thông báo mới
staff-broadcast-title-label = Tiêu đề (chỉ nhân viên thấy)
staff-broadcast-state = Trạng thái
staff-broadcast-when = Lên lịch vào
staff-broadcast-at = { DATETIME($at, dateStyle: "medium", timeStyle: "short") }
staff-broadcast-status = { $status ->
    [draft] Bản nháp
    [scheduled] Đã lên lịch
    [sending] Đang gửi
    [paused] Tạm dừng
    [cancelled] Đã hủy
   *[done] Hoàn tất
}
staff-broadcast-delivery-status = { $status ->
    [queued] Đang chờ
    [sending] Đang gửi
    [sent] Đã gửi
    [failed] Lỗi
    [blocked] Đã chặn bot
   *[skipped] Bỏ qua
}
staff-broadcast-compose = Soạn thông báo
staff-broadcast-fix = Vui lòng sửa những điểm sau trước khi lưu:
staff-broadcast-text-hint = Hãy viết thông báo bằng mọi ngôn ngữ bạn có thể. Văn bản được gửi đúng như đã gõ (không định dạng); văn bản dài sẽ được gửi thành hai tin.
staff-broadcast-text-label = Văn bản bằng { $language }
staff-broadcast-empty-legend = Khách hàng có ngôn ngữ chưa có văn bản
staff-broadcast-empty-fallback = nhận văn bản bằng ngôn ngữ dự phòng
staff-broadcast-fallback-language = Ngôn ngữ dự phòng
staff-broadcast-empty-skip = không nhận gì
staff-broadcast-buttons-legend = Nút (không bắt buộc)
staff-broadcast-signup-label = "Đăng ký cho tôi" đặt lịch dịch vụ này hoặc ghi vào danh sách chờ
staff-broadcast-signup-none = Không có nút đăng ký
staff-broadcast-url-label = Liên kết "Thêm thông tin"
staff-broadcast-audience-legend = Người nhận
staff-broadcast-audience-hint = Chỉ khách hàng đã đăng ký chủ đề được chọn mới nhận được. Để trống ngôn ngữ, kênh hoặc chi nhánh nghĩa là tất cả.
staff-broadcast-topics = Chủ đề
staff-broadcast-topic = { $topic ->
    [czech_courses] Khóa học tiếng Séc
    [adaptation_course] Khóa học hội nhập
    [exams] Kỳ thi
    [events] Bài giảng và sự kiện
   *[news] Tin chung
}
staff-broadcast-languages = Ngôn ngữ
staff-broadcast-channels = Kênh
staff-broadcast-channel = { $channel ->
    [tg] Telegram
    [wa] WhatsApp
    [web] Trò chuyện trên web
   *[other] { $channel }
}
staff-broadcast-channel-label = Kênh
staff-broadcast-locations = Chi nhánh
staff-broadcast-save = Lưu và xem trước
staff-broadcast-edit = Sửa
staff-broadcast-recipients = Người nhận
staff-broadcast-recipient-count = { $count } người nhận
staff-broadcast-whatsapp-pending = { $count } người đăng ký qua WhatsApp sẽ bị bỏ qua: chưa thể gửi qua WhatsApp.
staff-broadcast-warning-fallback = Chưa có văn bản bằng { $language }: { $count } khách hàng sẽ nhận văn bản bằng { $fallback }.
staff-broadcast-warning-skip = Chưa có văn bản bằng { $language }: { $count } khách hàng sẽ không nhận gì.
staff-broadcast-missing-languages = Ngôn ngữ chưa có văn bản: { $languages }
staff-broadcast-preview = Xem trước
staff-broadcast-preview-language = Ngôn ngữ: { $language }
staff-broadcast-parts = { $count } tin
staff-broadcast-whatsapp-list = WhatsApp hiển thị hơn 3 nút dưới dạng danh sách.
staff-broadcast-test = Gửi thử
staff-broadcast-test-hint = Bản thử được gửi ngay tới một cuộc trò chuyện, ví dụ cuộc trò chuyện của bạn với bot trên Telegram (tg: và mã cuộc trò chuyện) hoặc trò chuyện trên web (web: và mã của nó). Cuộc trò chuyện đó phải đã từng nhắn cho bot.
staff-broadcast-test-ref = Cuộc trò chuyện (mã khách hàng)
staff-broadcast-test-send = Gửi thử
staff-broadcast-test-done = Đã gửi bản thử tới { $client }.
staff-broadcast-send = Gửi
staff-broadcast-send-now = Gửi ngay
staff-broadcast-send-later = Gửi vào lúc:
staff-broadcast-send-at = Ngày và giờ (giờ của trung tâm)
staff-broadcast-send-submit = Gửi tới { $count } người nhận
staff-broadcast-scheduled-note = Đã lên lịch vào { DATETIME($at, dateStyle: "medium", timeStyle: "short") }. Khi bắt đầu gửi, trang sẽ tự hiển thị tiến độ; sửa thông báo sẽ hủy lịch.
staff-broadcast-unschedule = Hủy lịch (trở về bản nháp)
staff-broadcast-bad-time = Hãy nhập ngày và giờ.
staff-broadcast-progress = Tiến độ
staff-broadcast-total = Tổng
staff-broadcast-sent = Đã gửi
staff-broadcast-failed = Lỗi
staff-broadcast-blocked = Bị chặn
staff-broadcast-skipped = Bỏ qua
staff-broadcast-left = Còn lại
staff-broadcast-rate = Tin mỗi giây
staff-broadcast-eta = Thời gian còn lại
staff-broadcast-interrupted = { $count } tin đang được gửi thì việc gửi bất ngờ dừng lại: chúng có thể đã tới hoặc chưa, nên sẽ không được gửi lại.
staff-broadcast-pause = Tạm dừng
staff-broadcast-resume = Tiếp tục
staff-broadcast-cancel = Hủy phần còn lại
staff-broadcast-report = Báo cáo theo ngôn ngữ và kênh
staff-broadcast-language = Ngôn ngữ
staff-broadcast-reasons = Lý do
staff-broadcast-problem-title-missing = Hãy đặt tiêu đề cho thông báo.
staff-broadcast-problem-text-empty = Hãy viết văn bản bằng ít nhất một ngôn ngữ.
staff-broadcast-problem-text-too-long = Văn bản bằng { $language } có { $length } ký tự; tối đa là { $limit }. Hãy rút gọn.
staff-broadcast-problem-fallback-empty = Ngôn ngữ dự phòng ({ $language }) chưa có văn bản. Hãy viết, chọn ngôn ngữ dự phòng khác, hoặc chọn "không nhận gì".
staff-broadcast-problem-no-topics = Hãy chọn ít nhất một chủ đề.
staff-broadcast-problem-bad-url = Liên kết phải bắt đầu bằng http:// hoặc https:// và không có dấu cách.
staff-broadcast-problem-bad-signup = Hãy chọn dịch vụ cho nút đăng ký từ danh sách.
staff-broadcast-problem-empty-audience = Không ai phù hợp với lựa chọn này: không người đăng ký nào sẽ nhận được.
staff-broadcast-problem-time-past = Thời điểm đó đã qua. Hãy chọn thời điểm trong tương lai hoặc gửi ngay.
staff-broadcast-problem-not-editable = Thông báo này đang được gửi và không thể sửa.
staff-broadcast-problem-bad-state = Thao tác này không còn phù hợp với trạng thái của thông báo. Hãy tải lại trang.
staff-broadcast-problem-not-found = Thông báo này không còn tồn tại.
staff-broadcast-problem-unknown-client = Chưa có ai nhắn cho bot từ cuộc trò chuyện có mã này.
staff-broadcast-problem-not-delivered = Bản thử chưa được gửi tới ({ $status }: { $detail }).
