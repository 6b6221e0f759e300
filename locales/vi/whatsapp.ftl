# WhatsApp's own controls: the label of the button that opens a list, and the hint under a numbered list.
whatsapp-list-button = Chọn
whatsapp-reply-with-number = Hãy trả lời bằng số của lựa chọn bạn muốn.
