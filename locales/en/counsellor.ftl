# Talking to a counsellor.
counsellor-emergency =
    In an emergency call 112 (police 158).
    Violence or crime, free and non-stop: 116 006 (Bílý kruh bezpečí).
    Labour exploitation or trafficking: La Strada 222 71 71 71 or free 800 077 777.
