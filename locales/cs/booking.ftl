# Booking an appointment with a counsellor.
booking-how-to =
    Poradenství v centru je zdarma, ale je potřeba se objednat. Pokud se chcete objednat hned, kontaktujte prosím centrum:
    • { $address }
    • otevírací doba: { $hours }
booking-online-soon = Objednání přímo tady v chatu připravujeme. Zatím vám termín domluví přímo centrum.
