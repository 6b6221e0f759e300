# Questions: the topics the assistant can answer about.
questions-intro = Bạn hãy viết câu hỏi bằng lời của mình, bằng bất kỳ ngôn ngữ nào tôi biết. Tôi có thể trả lời về các chủ đề sau:
questions-topics =
    • cư trú: thị thực (visa), cư trú dài hạn và vĩnh viễn, gia hạn, thẻ nhân viên (zaměstnanecká karta), bảo vệ tạm thời, khai báo địa chỉ mới
    • khóa học tiếng Séc, kỳ thi A2 để xin cư trú vĩnh viễn, thi thử và khóa học thích nghi và hội nhập
    • tư vấn xã hội và pháp lý tại trung tâm
    • thông tin về trung tâm: địa chỉ, giờ làm việc, ai có thể đến
questions-urgent = Nếu bạn bị từ chối giấy phép cư trú, nhận được quyết định trục xuất, có người bị tạm giữ, hoặc bạn đang bị bạo lực hay bóc lột, hãy chọn ngay "Gặp tư vấn viên".
