# The counsellor queue as the client sees it: hand-off, waiting, talking to a counsellor, closing.
case-opened = Tôi đã chuyển cuộc trò chuyện của bạn cho tư vấn viên của trung tâm. Tư vấn viên sẽ nhắn tin cho bạn ngay tại đây, trong cuộc trò chuyện này.
case-added = Bạn đang trò chuyện với tư vấn viên, nên tôi đã thêm tin nhắn này vào cuộc trò chuyện đó.
# Vietnamese has no plural forms: one message serves every number.
case-wait-minutes = Tư vấn viên dự kiến sẽ trả lời bạn trong khoảng { $minutes } phút.
case-wait-hours = Tư vấn viên dự kiến sẽ trả lời bạn trong khoảng { $hours } giờ.
case-closed-hours = Hiện trung tâm đang đóng cửa. Tư vấn viên sẽ trả lời bạn khi trung tâm mở cửa: { DATETIME($when, dateStyle: "full") }, lúc { DATETIME($when, timeStyle: "short") }. Nếu bạn muốn đến trực tiếp, bạn có thể đặt lịch hẹn.
case-closed-no-hours = Hiện trung tâm đang đóng cửa. Tư vấn viên sẽ trả lời bạn ngay khi trung tâm mở cửa. Nếu bạn muốn đến trực tiếp, bạn có thể đặt lịch hẹn.
case-how-it-works = Bạn hãy viết ở đây, bằng lời của mình, tất cả những gì bạn muốn tư vấn viên biết; bạn cũng có thể gửi ảnh chụp giấy tờ. Để quay lại với trợ lý, hãy bấm “{ case-leave-button }”.
case-leave-button = ↩️ Quay lại trợ lý
case-left = Bạn đã quay lại với trợ lý, và cuộc trò chuyện với tư vấn viên đã kết thúc. Bạn có thể yêu cầu gặp tư vấn viên lại bất cứ lúc nào.
case-claimed = { $name } của trung tâm đang đọc tin nhắn của bạn và sẽ trả lời bạn tại đây.
case-counsellor-says =
    { $name } (tư vấn viên):
# A counsellor's own words, shown as typed (rendered verbatim, never through Fluent).
case-counsellor-text = { $text }
case-closed-for-client = Tư vấn viên đã kết thúc cuộc trò chuyện này. Bạn đã quay lại với trợ lý: hãy nhắn tin bất cứ khi nào bạn cần.
case-satisfaction-question = Một câu hỏi nhỏ: bạn hài lòng với sự hỗ trợ mình đã nhận được đến mức nào?
case-rate-5 = 😀 Rất hài lòng
case-rate-4 = 🙂 Hài lòng
case-rate-3 = 😐 Bình thường
case-rate-2 = 🙁 Không hài lòng
case-rate-1 = 😞 Rất không hài lòng
case-rated = Cảm ơn bạn đã trả lời. Câu trả lời của bạn giúp trung tâm làm tốt hơn.
case-rate-stale = Cảm ơn bạn, chúng tôi đã nhận được câu trả lời của bạn rồi.
case-only-words = Tư vấn viên có thể đọc tin nhắn chữ, ảnh và tài liệu, nhưng không đọc được loại tin nhắn này. Bạn vui lòng viết bằng chữ.
case-file-too-large = Tệp này quá lớn: giới hạn là { $megabytes } MB. Bạn vui lòng gửi ảnh nhỏ hơn hoặc viết bằng chữ.
case-button-during = Bạn đang trò chuyện với tư vấn viên nên menu tạm dừng. Bạn hãy viết tin nhắn, hoặc bấm “{ case-leave-button }”.
case-file-outside = Tôi không đọc được tệp. Nếu bạn muốn tư vấn viên xem một tài liệu, hãy yêu cầu gặp tư vấn viên trước, rồi gửi tài liệu cho họ.
