# When the assistant does not understand.
fallback-not-understood = Xin lỗi, tôi chưa hiểu ý bạn. Bạn hãy chọn một chủ đề bên dưới hoặc thử viết theo cách khác.
