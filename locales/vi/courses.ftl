# Course news.
courses-info = Trung tâm tổ chức các khóa học tiếng Séc (trình độ A1 và A2, có bài kiểm tra xếp lớp ngắn), khóa học thích nghi và hội nhập "Vítejte v ČR", thi thử cho kỳ thi A2, các buổi nói chuyện và sự kiện. Bạn hãy hỏi trung tâm về các ngày học tiếp theo: { $address }, giờ làm việc: { $hours }.
courses-czech =
    { $level ->
        [a1] Tiếng Séc cho người mới bắt đầu (A1):
        [a2] Tiếng Séc cho người đã biết một chút (A2):
       *[other] Khóa học tiếng Séc:
    } trung tâm thường tổ chức miễn phí, đôi khi có khoản đặt cọc được hoàn lại. Một bài kiểm tra xếp lớp ngắn cho biết nhóm nào phù hợp với bạn.
    Lịch học thay đổi. { $subscribed ->
        [yes] Bạn đã nhận tin về khóa học tiếng Séc: chúng tôi sẽ nhắn khi có khóa mới.
       *[no] Hãy bấm ➕, chúng tôi sẽ nhắn cho bạn ở đây khi có khóa mới.
    } Hoặc hỏi trung tâm: { $address }, giờ làm việc: { $hours }.
