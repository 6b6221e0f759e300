# Help, contacts and privacy.
help-text =
    Tôi là trợ lý ảo của { $centre }. Bạn hãy viết câu hỏi bằng lời của mình hoặc dùng các nút bấm.
    Lệnh: /menu – menu chính, /language – đổi ngôn ngữ, /help – trợ giúp này, /connect – kết nối ứng dụng khác.
help-contact-address = Địa chỉ: { $address }
help-contact-hours = Giờ làm việc: { $hours }
help-contact-phone = Điện thoại: { $phone }
help-contact-email = E-mail: { $email }
help-privacy-button = 🔒 Quyền riêng tư
help-privacy =
    Bạn đã đồng ý với thông báo về quyền riêng tư của chúng tôi vào { DATETIME($consented_at, dateStyle: "long", timeStyle: "short") }.
    Chúng tôi lưu tin nhắn của bạn trong { $days } ngày, sau đó xóa đi.
help-privacy-forget-button = 🗑 Rút lại đồng ý và xóa tin nhắn
help-privacy-forget-confirm = Bạn có thật sự muốn xóa tất cả tin nhắn của mình và rút lại sự đồng ý không? Tư vấn viên sẽ không còn xem được cuộc trò chuyện của chúng ta.
help-privacy-forget-done = Xong. Tôi đã xóa { $count } tin nhắn và hủy sự đồng ý của bạn. Nếu bạn nhắn tin lại, tôi sẽ hỏi sự đồng ý của bạn trước.
