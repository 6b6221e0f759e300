# Booking an appointment with a counsellor.
booking-how-to =
    Counselling at the centre is free and by appointment. To book a time now, please contact the centre:
    • { $address }
    • opening hours: { $hours }
booking-online-soon = Online booking in this chat is being prepared; until then the centre books your time directly.
