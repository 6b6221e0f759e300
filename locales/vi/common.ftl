# Shared buttons and replies used by several dialogs.
common-back-to-menu = ↩️ Về menu chính
common-yes = Có
common-no = Không
error-try-again = Xin lỗi, hệ thống của chúng tôi bị lỗi. Tin nhắn của bạn đã được lưu. Bạn vui lòng thử lại sau một phút.
error-busy = Tôi vẫn đang trả lời tin nhắn trước của bạn. Bạn vui lòng đợi một chút rồi gửi lại tin nhắn này.
input-empty = Tin nhắn của bạn bị trống. Bạn hãy viết câu hỏi bằng chữ hoặc chọn trong menu.
input-too-long = Tin nhắn của bạn quá dài đối với tôi ({ $length } ký tự). Bạn vui lòng rút ngắn xuống tối đa { $limit } ký tự hoặc chia thành nhiều tin nhắn.
input-unsupported = Tôi chỉ đọc được chữ và nút bấm. Bạn vui lòng viết câu hỏi bằng chữ.
input-stale-button = Nút này thuộc về một tin nhắn cũ và không còn dùng được. Đây là menu một lần nữa.
input-no-words = Tôi hiểu chữ, không hiểu nếu chỉ có số hoặc biểu tượng cảm xúc. Bạn hãy viết câu hỏi bằng chữ hoặc chọn trong menu.
