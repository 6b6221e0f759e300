# Course news.
courses-info = Trung tâm tổ chức các khóa học tiếng Séc (trình độ A1 và A2, có bài kiểm tra xếp lớp ngắn), khóa học thích nghi và hội nhập "Vítejte v ČR", thi thử cho kỳ thi A2, các buổi nói chuyện và sự kiện. Bạn hãy hỏi trung tâm về các ngày học tiếp theo: { $address }, giờ làm việc: { $hours }.
