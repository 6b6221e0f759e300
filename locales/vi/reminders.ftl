# Appointment reminders sent by the background loop, 24 hours and 2 hours before.
reminder-day-before =
    Xin nhắc bạn về lịch hẹn tại trung tâm:
    • { $service }
    • { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }
    • { $place }, { $address }
    Bạn vui lòng xác nhận là bạn sẽ đến. Nếu không thể đến, bạn vui lòng hủy lịch hẹn để người khác có thể sử dụng thời gian này.
reminder-soon =
    Lịch hẹn của bạn tại trung tâm sắp đến:
    • { $service }
    • { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }
    • { $place }, { $address }
    Chúng tôi rất mong được gặp bạn. Nếu cuối cùng bạn không thể đến, bạn vui lòng hủy lịch hẹn.
reminder-confirm = ✅ Tôi sẽ đến
reminder-cancel = ❌ Hủy lịch hẹn
