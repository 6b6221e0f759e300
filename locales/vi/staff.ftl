# Staff console (counsellors, coordinators, admins), not seen by clients.
staff-console-title = Bảng điều khiển nhân viên
staff-skip-link = Chuyển đến nội dung
staff-signed-in-as = Đã đăng nhập: { $name } ({ $role })
staff-logout = Đăng xuất
staff-nav-home = Tổng quan
staff-nav-staff = Tài khoản nhân viên
staff-nav-password = Đổi mật khẩu

staff-role-admin = Quản trị viên
staff-role-counsellor = Tư vấn viên
staff-role-coordinator = Điều phối viên

staff-login-title = Đăng nhập nhân viên
staff-login-email = E-mail
staff-login-password = Mật khẩu
staff-login-submit = Đăng nhập
staff-login-invalid = E-mail hoặc mật khẩu không đúng.
staff-login-locked = Quá nhiều lần thử không thành công. Vui lòng thử lại sau { $minutes } phút.
staff-login-logged-out = Bạn đã đăng xuất.

staff-dashboard-welcome = Xin chào, { $name }.
staff-dashboard-role = Vai trò của bạn: { $role }
staff-dashboard-pages = Các trang của bạn
staff-dashboard-no-pages = Hiện chưa có trang nào cho vai trò của bạn. Các trang sẽ xuất hiện ở đây khi được thêm vào.

staff-admin-title = Tài khoản nhân viên
staff-admin-name = Họ tên
staff-admin-email = E-mail
staff-admin-role = Vai trò
staff-admin-last-login = Lần đăng nhập gần nhất
staff-admin-never = chưa bao giờ
staff-admin-inactive = đã vô hiệu hóa
staff-admin-last-login-at = { DATETIME($at, dateStyle: "medium", timeStyle: "short") }
staff-admin-add-title = Thêm nhân viên
staff-admin-add-submit = Thêm và tạo mật khẩu
staff-admin-created = Đã tạo tài khoản cho { $name } ({ $email }).
staff-admin-one-time-password = Mật khẩu dùng một lần
staff-admin-password-note = Hãy trao trực tiếp mật khẩu này cho { $name }, không gửi qua e-mail. Mật khẩu chỉ hiển thị lúc này và sẽ không thể hiển thị lại. Hãy nhắc họ đổi mật khẩu sau lần đăng nhập đầu tiên.

staff-password-title = Đổi mật khẩu
staff-password-current = Mật khẩu hiện tại
staff-password-new = Mật khẩu mới (ít nhất { $min } ký tự)
staff-password-repeat = Nhập lại mật khẩu mới
staff-password-submit = Đổi mật khẩu
staff-password-changed = Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã bị đăng xuất.

staff-error-email-invalid = Vui lòng nhập địa chỉ e-mail hợp lệ.
staff-error-email-taken = Đã có tài khoản nhân viên với e-mail này.
staff-error-name-invalid = Vui lòng nhập họ tên dài từ 1 đến 120 ký tự.
staff-error-role-invalid = Vui lòng chọn một vai trò.
staff-error-password-too-short = Mật khẩu phải có ít nhất { $min } ký tự.
staff-error-password-too-long = Mật khẩu chỉ được có tối đa { $max } ký tự.
staff-error-password-wrong = Mật khẩu hiện tại không đúng.
staff-error-password-mismatch = Hai mật khẩu mới không khớp.

staff-forbidden-title = Truy cập bị từ chối
staff-forbidden-csrf = Biểu mẫu đã hết hạn hoặc không được gửi từ bảng điều khiển này. Hãy quay lại, tải lại trang và thử lại.
staff-forbidden-role = Vai trò của bạn không được phép mở trang này.
staff-back-home = Quay lại trang tổng quan

staff-nav-agenda = Lịch hẹn
staff-nav-availability = Giờ làm việc
staff-forbidden-other-agenda = Bạn chỉ có thể xem lịch hẹn của chính mình.
staff-forbidden-other-client = Bạn chỉ có thể xem lịch đặt của những khách hàng đã đặt hẹn với bạn.

staff-status = { $status ->
    [booked] Đã đặt
    [attended] Đã đến
    [no_show] Không đến
   *[cancelled] Đã hủy
}
staff-weekday = { $day ->
    [0] Thứ Hai
    [1] Thứ Ba
    [2] Thứ Tư
    [3] Thứ Năm
    [4] Thứ Sáu
    [5] Thứ Bảy
   *[6] Chủ Nhật
}
staff-kind = { $kind ->
    [off] Nghỉ
   *[extra] Giờ làm thêm
}

staff-agenda-title = Lịch hẹn
staff-agenda-day = Ngày
staff-agenda-view = Khoảng thời gian
staff-agenda-view-day = một ngày
staff-agenda-view-week = cả tuần
staff-agenda-counsellor = Tư vấn viên
staff-agenda-all = Tất cả tư vấn viên
staff-agenda-show = Hiển thị
staff-agenda-previous = ← Trước
staff-agenda-today = Hôm nay
staff-agenda-next = Tiếp →
staff-agenda-date = { DATETIME($day, dateStyle: "full") }
staff-agenda-time = { DATETIME($starts, timeStyle: "short") }–{ DATETIME($ends, timeStyle: "short") }
staff-agenda-empty-day = Không có cuộc hẹn.
staff-agenda-seats = Số chỗ đã đặt: { $taken } / { $capacity }
staff-agenda-client = Khách hàng số { $client }
staff-agenda-mark-attended = Đã đến
staff-agenda-mark-no-show = Không đến
staff-agenda-marked = Đã lưu: khách hàng số { $client } – { $status }.
staff-agenda-cancel-submit = Hủy cuộc hẹn này
staff-agenda-cancel-note = Mỗi khách hàng sẽ nhận được tin nhắn bằng ngôn ngữ của mình, kèm nút để chọn giờ mới. Khung giờ này sẽ bị đóng với các lượt đặt mới; quản trị viên có thể mở lại trên trang giờ làm việc.
staff-agenda-cancel-reason = Lý do (được lưu trong nhật ký, không gửi cho khách hàng)
staff-agenda-cancelled = Cuộc hẹn đã bị hủy: { $count } lượt đặt; { $told } khách hàng đã được thông báo.
staff-agenda-unreached = Không gửi được tin nhắn qua chat cho những khách hàng này; hãy liên hệ với họ bằng cách khác: { $clients }
staff-agenda-not-linked = Tài khoản của bạn chưa được liên kết với tư vấn viên nào. Hãy nhờ quản trị viên liên kết trên trang giờ làm việc.

staff-availability-title = Giờ làm việc
staff-availability-open = Mở
staff-availability-no-counsellors = Chưa có tư vấn viên nào. Quản trị viên nhập họ bằng lệnh `python -m bot scheduler import FILE`.
staff-availability-inactive = không cung cấp cho khách hàng
staff-availability-languages = Ngôn ngữ: { $languages }
staff-availability-services = Dịch vụ: { $services }
staff-availability-account = Tài khoản bảng điều khiển xem lịch hẹn này
staff-availability-no-account = không có
staff-availability-link-submit = Lưu tài khoản
staff-availability-deactivate = Ngừng cung cấp tư vấn viên này
staff-availability-activate = Cung cấp lại tư vấn viên này
staff-availability-deactivated = { $name } không còn được cung cấp cho khách hàng.
staff-availability-activated = { $name } lại được cung cấp cho khách hàng.
staff-availability-ahead-title = Các cuộc hẹn sắp tới
staff-availability-ahead-item = { DATETIME($at, dateStyle: "full", timeStyle: "short") }: { $service }
staff-availability-weekly-title = Giờ làm việc hằng tuần
staff-availability-times-hint = Giờ theo giờ Praha, mỗi bước 5 phút. Các cuộc hẹn đã đặt vẫn giữ nguyên khi giờ làm việc thay đổi.
staff-availability-weekday = Thứ
staff-availability-hours = Giờ
staff-availability-from = Từ
staff-availability-to = Đến
staff-availability-location = Địa điểm
staff-availability-service = Dịch vụ
staff-availability-any-service = bất kỳ dịch vụ nào của họ
staff-availability-valid = Hiệu lực
staff-availability-valid-from = Hiệu lực từ (không bắt buộc)
staff-availability-valid-until = Hiệu lực đến (không bắt buộc)
staff-availability-always = luôn luôn
staff-availability-remove = Xóa
staff-availability-no-rules = Chưa có giờ làm việc hằng tuần.
staff-availability-add-rule = Thêm giờ làm việc hằng tuần
staff-availability-exceptions-title = Ngoại lệ từ hôm nay
staff-availability-day = Ngày
staff-availability-kind = Loại
staff-availability-whole-day = cả ngày
staff-availability-note = Ghi chú
staff-availability-no-exceptions = Không có ngoại lệ sắp tới.
staff-availability-add-exception = Thêm ngoại lệ
staff-availability-exception-hint = Nghỉ: để trống cả hai ô giờ nếu nghỉ cả ngày. Giờ làm thêm cần địa điểm và cả hai giờ.
staff-availability-saved = Đã lưu.
staff-availability-still-booked = Vẫn còn { $count } khách hàng đã đặt hẹn trong thời gian nghỉ này. Hãy hủy các cuộc hẹn đó trong lịch hẹn để khách hàng được thông báo.

staff-history-title = Lịch đặt của khách hàng số { $client }
staff-history-language = Ngôn ngữ trò chuyện: { $language }
staff-history-upcoming = Sắp tới
staff-history-past = Đã qua
staff-history-none = Không có.
staff-history-when = Thời gian
staff-history-status = Trạng thái
staff-history-booked-at = Ngày đặt
staff-history-at = { DATETIME($at, dateStyle: "medium", timeStyle: "short") }
staff-history-cancelled-by = { $by ->
    [client] do khách hàng hủy
    [counsellor] do tư vấn viên hủy
   *[other] do trung tâm hủy
}

staff-error-not-found = Mục này không còn tồn tại. Hãy tải lại trang.
staff-error-not-started = Chỉ có thể ghi nhận việc có mặt sau khi cuộc hẹn đã bắt đầu.
staff-error-booking-cancelled = Lượt đặt này đã bị hủy; không cần ghi nhận có mặt.
staff-error-bad-choice = Hãy chọn một trong các lựa chọn được đưa ra.
staff-error-already-started = Cuộc hẹn này đã bắt đầu và không thể hủy. Hãy ghi nhận việc có mặt thay vào đó.
staff-error-reason-missing = Hãy ghi lý do hủy.
staff-error-future-bookings = Còn { $count } khách hàng đã đặt hẹn trước với tư vấn viên này. Hãy hủy các cuộc hẹn đó trước (danh sách bên dưới) để khách hàng được thông báo, rồi thử lại.
staff-error-bad-time = Hãy nhập giờ, ví dụ 09:30, theo bước 5 phút.
staff-error-bad-day = Hãy nhập một ngày có thật, ví dụ 2026-03-09.
staff-error-time-order = Giờ bắt đầu phải trước giờ kết thúc.
staff-error-validity-order = "Hiệu lực từ" không được sau "Hiệu lực đến".
staff-error-overlap = Khung giờ này trùng với giờ làm việc hằng tuần khác của tư vấn viên này trong ngày đó.
staff-error-service-not-offered = Tư vấn viên này không cung cấp dịch vụ đó.
staff-error-extra-incomplete = Giờ làm thêm cần địa điểm, giờ bắt đầu và giờ kết thúc.
staff-error-times-incomplete = Hãy nhập cả hai giờ, hoặc để trống cả hai nếu cả ngày.
staff-error-past-day = Ngày đó đã qua.
