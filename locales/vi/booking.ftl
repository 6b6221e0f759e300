# Booking, moving and cancelling appointments; reminder answers. Times are shown in Prague time.
booking-choose-service = Bạn muốn đặt lịch cho dịch vụ nào? Tư vấn tại trung tâm là miễn phí.
booking-service-button = { $name }
booking-location-button = 📍 { $name }
booking-choose-location = Bạn muốn đến đâu để được { $service }?
booking-choose-day =
    { $service }, { $place }. Ngày nào phù hợp với bạn?
    Hãy chọn một ngày bên dưới hoặc viết ngày, ví dụ “24.9.” hoặc “ngày mai”.
booking-choose-new-day =
    { $service }, { $place }. Lịch hẹn hiện tại của bạn là { DATETIME($at, dateStyle: "full") }, lúc { DATETIME($at, timeStyle: "short") }.
    Bạn muốn dời sang ngày nào? Hãy chọn bên dưới hoặc viết ngày.
booking-day-button = { DATETIME($day, dateStyle: "full") }
booking-no-free-days = Hiện tại không còn giờ trống để đặt lịch { $service } trong cuộc trò chuyện này. Bạn vui lòng liên hệ trực tiếp với trung tâm: { $address }, giờ làm việc: { $hours }.
booking-no-services = Chức năng đặt lịch trong cuộc trò chuyện này chưa sẵn sàng. Bạn vui lòng liên hệ trực tiếp với trung tâm: { $address }, giờ làm việc: { $hours }.
booking-day-passed = Ngày { DATETIME($day, dateStyle: "long") } đã qua.
booking-day-holiday = Ngày { DATETIME($day, dateStyle: "long") } là ngày lễ, trung tâm đóng cửa.
booking-day-too-far = Bạn chỉ có thể đặt lịch trước tối đa { $days } ngày.
booking-day-no-times = Ngày { DATETIME($day, dateStyle: "long") } không còn giờ trống.
booking-day-unreadable = Tôi không tìm thấy ngày hợp lệ trong tin nhắn của bạn. Bạn vui lòng viết ngày theo dạng “24.9.”, hoặc chọn một ngày bên dưới.
booking-choose-time = Giờ trống vào { DATETIME($day, dateStyle: "full") } ({ $service }, { $place }). Giờ nào phù hợp với bạn?
booking-no-time-then = Ngày này không còn giờ trống { $part ->
        [morning] vào buổi sáng
        [afternoon] vào buổi chiều
        [evening] vào buổi tối
       *[other] vào thời gian đó
    }, nhưng các giờ sau vẫn còn trống:
booking-time-button = { DATETIME($at, timeStyle: "short") }
booking-alternative-button = { DATETIME($at, dateStyle: "medium") }, { DATETIME($at, timeStyle: "short") }
booking-later-times = Giờ muộn hơn ➡️
booking-other-day = 📅 Ngày khác
booking-other-service = Dịch vụ khác
booking-check = Bạn vui lòng kiểm tra lại lịch hẹn:
booking-summary =
    • { $service }
    • { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }
    • { $place }, { $address }
booking-confirm = ✅ Xác nhận
booking-change = ✏️ Thay đổi
booking-booked = Lịch hẹn của bạn đã được đặt.
booking-booked-next = Chúng tôi sẽ nhắc bạn trước một ngày và trước hai giờ. Tệp đính kèm giúp bạn thêm lịch hẹn vào lịch của mình. Nếu bạn không thể đến, bạn vui lòng hủy lịch trong mục “Lịch hẹn của tôi” để người khác có thể dùng thời gian này.
booking-taken = Rất tiếc, giờ này vừa có người khác đặt. Các giờ trống gần nhất là:
booking-taken-nothing-near = Rất tiếc, giờ này vừa có người khác đặt.
booking-unavailable = Rất tiếc, giờ này không thể đặt được nữa. Bạn vui lòng chọn lại.
booking-full = Rất tiếc, buổi này đã hết chỗ. Bạn có muốn ghi tên vào danh sách chờ không? Nếu có chỗ trống, chúng tôi sẽ giữ chỗ cho bạn và báo cho bạn biết.
booking-join-waitlist = 📝 Ghi tên vào danh sách chờ
booking-full-sessions = Các buổi này đã hết chỗ, nhưng bạn có thể ghi tên vào danh sách chờ:
booking-waitlist-button = 📝 { DATETIME($at, dateStyle: "medium") }: danh sách chờ
booking-waitlist-joined = Bạn đã có tên trong danh sách chờ. Nếu có chỗ trống, chúng tôi sẽ giữ chỗ cho bạn và báo cho bạn biết.
booking-waitlist-already = Bạn đã có tên trong danh sách chờ của buổi này.
booking-waitlist-has-seat = Bạn đã có chỗ trong buổi này.
booking-waitlist-open = Buổi này hiện đang có chỗ trống, bạn có thể đặt ngay.
booking-limit = Bạn đã có { $max } lịch hẹn, đây là số lượng tối đa một người có thể giữ cùng lúc. Để đặt thêm, bạn vui lòng hủy hoặc dời một lịch hẹn trước.
booking-stale = Nút này đã cũ. Chúng ta bắt đầu lại nhé.
booking-not-found = Tôi không tìm thấy lịch hẹn này trong các lịch hẹn của bạn. Có thể lịch hẹn đã bị hủy, đã được dời hoặc đã qua.
booking-same-time = Đây là giờ bạn đang có. Bạn vui lòng chọn giờ khác.
booking-move-check = Lịch hẹn của bạn vào { DATETIME($at, dateStyle: "full") }, lúc { DATETIME($at, timeStyle: "short") } sẽ được dời sang:
booking-move-confirm = ✅ Dời lịch hẹn
booking-moved = Lịch hẹn của bạn đã được dời. Thời gian mới:
booking-my-title = Lịch hẹn của bạn:
booking-my-none = Bạn chưa có lịch hẹn nào.
booking-my-cancel-which = Bạn muốn hủy lịch hẹn nào?
booking-my-button = 📋 Lịch hẹn của tôi
booking-new-button = ➕ Đặt lịch hẹn
booking-cancel-button = ❌ Hủy: { DATETIME($at, dateStyle: "medium") }, { DATETIME($at, timeStyle: "short") }
booking-move-button = 🔁 Dời: { DATETIME($at, dateStyle: "medium") }, { DATETIME($at, timeStyle: "short") }
booking-cancel-question = Bạn có chắc muốn hủy lịch hẹn này không?
booking-cancel-yes = Có, hủy lịch
booking-cancel-no = Không, giữ lại
booking-cancelled = Lịch hẹn của bạn đã được hủy. Cảm ơn bạn đã báo cho chúng tôi: giờ đây người khác có thể dùng thời gian này.
booking-see-you = Cảm ơn bạn đã xác nhận. Hẹn gặp bạn vào { DATETIME($at, dateStyle: "full") }, lúc { DATETIME($at, timeStyle: "short") }!
booking-promoted = Tin vui: đã có chỗ trống và chúng tôi đã giữ chỗ đó cho bạn từ danh sách chờ.
