# WhatsApp's own controls: the label of the button that opens a list, and the hint under a numbered list.
whatsapp-list-button = Вибрати
whatsapp-reply-with-number = Надішліть номер варіанта, який обираєте.
