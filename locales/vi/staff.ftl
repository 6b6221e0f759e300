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
