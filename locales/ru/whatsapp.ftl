# WhatsApp's own controls: the label of the button that opens a list, and the hint under a numbered list.
whatsapp-list-button = Выбрать
whatsapp-reply-with-number = Отправьте номер варианта, который выбираете.
