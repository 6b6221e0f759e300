# First contact: greeting, privacy notice and consent, then the choice of language.
first-contact-welcome = Xin chào! Tôi là trợ lý ảo của { $centre }. Tôi trả lời câu hỏi về giấy phép cư trú, các khóa học và kỳ thi tiếng Séc, và dịch vụ tư vấn; tôi đặt lịch hẹn với tư vấn viên và kết nối bạn với nhân viên khi bạn cần. Các dịch vụ của chúng tôi đều miễn phí.
first-contact-privacy =
    Trước khi bắt đầu, bạn vui lòng đọc cách chúng tôi xử lý dữ liệu của bạn:
    • Chúng tôi lưu tin nhắn và ngôn ngữ bạn chọn để có thể trả lời bạn và giúp tư vấn viên chuẩn bị cho trường hợp của bạn.
    • Chỉ nhân viên của trung tâm mới đọc được các tin nhắn này. Chúng tôi xóa tin nhắn của bạn sau { $days } ngày.
    • Bạn có thể rút lại sự đồng ý và xóa tin nhắn bất cứ lúc nào trong menu Trợ giúp → Quyền riêng tư.
first-contact-consent-question = Bạn có đồng ý không?
first-contact-agree = ✅ Tôi đồng ý
first-contact-decline = ❌ Không, cảm ơn
first-contact-other-language = 🌐 Ngôn ngữ khác
first-contact-declined = Không sao. Khi chưa có sự đồng ý của bạn, tôi không thể lưu cuộc trò chuyện, vì vậy tôi đã không lưu tin nhắn của bạn. Bạn vẫn có thể liên hệ trực tiếp với trung tâm: { $address }, giờ làm việc: { $hours }. Nếu bạn đổi ý, chỉ cần nhắn lại cho tôi.
first-contact-choose-language = Cảm ơn bạn. Tôi nên viết cho bạn bằng ngôn ngữ nào?
