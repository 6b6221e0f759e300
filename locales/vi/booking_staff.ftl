# Messages to clients when the centre changes their appointment (sent by staff from the console).
appt-staff-cancelled = Rất tiếc, trung tâm phải hủy cuộc hẹn "{ $service }" của bạn vào { DATETIME($at, dateStyle: "full", timeStyle: "short") } ({ $location }). Vui lòng chọn giờ mới.
appt-staff-session-cancelled = Buổi "{ $service }" vào { DATETIME($at, dateStyle: "full", timeStyle: "short") } ({ $location }) mà bạn đang trong danh sách chờ đã bị hủy. Bạn có thể chọn giờ khác.
appt-staff-rebook = Chọn giờ mới
