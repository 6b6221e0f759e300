# Đăng ký nhận tin về các khóa học và thông báo do điều phối viên gửi.
subscriptions-intro = Hãy chọn những tin bạn muốn nhận tại đây. ✅ là tin bạn đang nhận; bấm lại để ngừng nhận.
subscriptions-topic = { $on ->
    [yes] ✅
   *[no] ➕
} { $topic ->
    [czech_courses] Khóa học tiếng Séc
    [adaptation_course] Khóa học hội nhập
    [exams] Kỳ thi
    [events] Bài giảng và sự kiện
   *[news] Tin chung
}
subscriptions-subscribed = Xong. Bạn sẽ nhận tin về { $topic ->
    [czech_courses] các khóa học tiếng Séc
    [adaptation_course] khóa học hội nhập
    [exams] các kỳ thi
    [events] các bài giảng và sự kiện
   *[news] trung tâm
} bằng ngôn ngữ của bạn. Sự đồng ý của bạn đã được ghi lại vào { DATETIME($at, dateStyle: "long") } lúc { DATETIME($at, timeStyle: "short") }. Bạn có thể ngừng bất cứ lúc nào bằng lệnh /stop hoặc gõ STOP.
subscriptions-unsubscribed = Bạn sẽ không nhận tin về { $topic ->
    [czech_courses] các khóa học tiếng Séc
    [adaptation_course] khóa học hội nhập
    [exams] các kỳ thi
    [events] các bài giảng và sự kiện
   *[news] trung tâm
} nữa.
subscriptions-list-button = 📋 Tôi đang nhận tin gì?
subscriptions-list-title = Bạn đang nhận tin về:
subscriptions-list-item = • { $topic ->
    [czech_courses] Khóa học tiếng Séc
    [adaptation_course] Khóa học hội nhập
    [exams] Kỳ thi
    [events] Bài giảng và sự kiện
   *[news] Tin chung
} (từ { DATETIME($since, dateStyle: "medium") })
subscriptions-list-location = Chỉ tin của chi nhánh: { $place }
subscriptions-none = Bạn chưa đăng ký nhận tin nào.
subscriptions-choose-button = 📢 Chọn tin
subscriptions-stop-button = 🔕 Ngừng nhận mọi tin
subscriptions-stopped = Đã ngừng mọi tin. Chúng tôi sẽ không gửi thông báo cho bạn nữa.
subscriptions-stop-words = dừng, ngừng, hủy đăng ký
subscriptions-location-button = 📍 Chi nhánh
subscriptions-location-choose = Bạn muốn nhận tin của chi nhánh nào?
subscriptions-location-item = { $place }
subscriptions-location-any = Tất cả chi nhánh
subscriptions-location-set = { $place ->
    [any] Bạn sẽ nhận tin của tất cả chi nhánh.
   *[other] Bạn sẽ chỉ nhận tin của chi nhánh { $place }.
}
# The coordinator's own words, inserted verbatim by the translator (never formatted by Fluent).
broadcast-message = { $text }
broadcast-more-info = Thêm thông tin: { $url }
broadcast-sign-up = ✍️ Đăng ký cho tôi
broadcast-manage = ⚙️ Cài đặt nhận tin
