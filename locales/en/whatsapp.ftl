# WhatsApp's own controls: the label of the button that opens a list, and the hint under a numbered list.
whatsapp-list-button = Choose
whatsapp-reply-with-number = Reply with the number of your choice.
