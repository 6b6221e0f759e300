# Booking an appointment with a counsellor.
booking-how-to =
    Tư vấn tại trung tâm là miễn phí, nhưng cần đặt lịch hẹn trước. Để đặt lịch ngay bây giờ, bạn vui lòng liên hệ với trung tâm:
    • { $address }
    • giờ làm việc: { $hours }
booking-online-soon = Chức năng đặt lịch trực tuyến trong cuộc trò chuyện này đang được chuẩn bị. Trong thời gian này, trung tâm sẽ trực tiếp đặt lịch cho bạn.
