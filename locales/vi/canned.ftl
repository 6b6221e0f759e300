# Câu trả lời soạn sẵn của tư vấn viên: `canned-<name>` được gửi cho khách hàng bằng ngôn ngữ của họ;
# `canned-<name>-title` là tên ngắn để tư vấn viên chọn. Thông tin chỉ lấy từ shared/domain.md.
canned-ask-decision-title = Hỏi ngày nhận quyết định và ảnh chụp
canned-ask-decision = Xin vui lòng cho biết bạn nhận được quyết định vào ngày nào, và gửi vào cuộc trò chuyện này ảnh chụp tất cả các trang của quyết định. Thời hạn khiếu nại được tính từ ngày nhận quyết định, vì vậy ngày này rất quan trọng.
canned-appeal-deadline-title = Nhắc về thời hạn khiếu nại
canned-appeal-deadline = Xin đừng chờ đợi: đơn khiếu nại quyết định từ chối phải nộp bằng văn bản trong vòng 15 ngày kể từ ngày bạn nhận quyết định, tại cơ quan đã ra quyết định. Với quyết định trục xuất, thời hạn chỉ có 5 ngày. Chúng tôi sẽ giúp bạn làm đơn khiếu nại.
canned-bring-documents-title = Cần mang gì đến buổi hẹn
canned-bring-documents = Khi đến buổi hẹn, xin vui lòng mang theo giấy tờ cư trú còn hiệu lực có ảnh (hoặc hộ chiếu) và tất cả thư từ, quyết định bạn đã nhận từ các cơ quan nhà nước. Tốt nhất là bản gốc.
canned-call-back-title = Chúng tôi sẽ gọi cho bạn
canned-call-back = Tư vấn viên sẽ gọi điện cho bạn. Xin vui lòng viết vào đây số điện thoại của bạn và thời gian bạn có thể nói chuyện.
canned-oamp-office-title = Giới thiệu đến văn phòng Bộ Nội vụ (OAMP)
canned-oamp-office = Giấy phép cư trú do Bộ Nội vụ (Cục Chính sách Tị nạn và Di trú, OAMP) quyết định, không phải trung tâm của chúng tôi. Tại Ústí nad Labem, văn phòng của Bộ ở địa chỉ Berní 2261/1. Trước khi đến, xin vui lòng kiểm tra giờ làm việc hiện tại trên trang web của Bộ (ipc.gov.cz).
canned-interpreter-title = Có phiên dịch viên
canned-interpreter = Dịch vụ tư vấn của chúng tôi miễn phí, và chúng tôi có thể sắp xếp phiên dịch viên cho buổi hẹn của bạn. Xin vui lòng cho biết bạn cần ngôn ngữ nào.
canned-closing-title = Kết thúc: cảm ơn
canned-closing = Cảm ơn bạn đã viết cho chúng tôi. Nếu bạn cần gì thêm, cứ viết lại vào đây bất cứ lúc nào. Chúc bạn mọi điều tốt lành.
