# WhatsApp's own controls: the label of the button that opens a list, and the hint under a numbered list.
whatsapp-list-button = Vybrat
whatsapp-reply-with-number = Odpovězte číslem možnosti, kterou si vybíráte.
