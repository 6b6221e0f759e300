# Booking, moving and cancelling appointments; reminder answers. Times are shown in Prague time.
booking-choose-service = What would you like to book? Counselling at the centre is free of charge.
booking-service-button = { $name }
booking-location-button = 📍 { $name }
booking-choose-location = Where would you like to come for { $service }?
booking-choose-day =
    { $service }, { $place }. Which day suits you?
    Choose a day below or write a date, for example “24.9.” or “tomorrow”.
booking-choose-new-day =
    { $service }, { $place }. Your appointment is now on { DATETIME($at, dateStyle: "full") } at { DATETIME($at, timeStyle: "short") }.
    Which day would you like instead? Choose below or write a date.
booking-day-button = { DATETIME($day, dateStyle: "full") }
booking-no-free-days = At the moment there are no free times for { $service } that can be booked in the chat. Please contact the centre: { $address }, opening hours: { $hours }.
booking-no-services = Booking in the chat is not available yet. Please contact the centre: { $address }, opening hours: { $hours }.
booking-day-passed = { DATETIME($day, dateStyle: "long") } has already passed.
booking-day-holiday = { DATETIME($day, dateStyle: "long") } is a public holiday; the centre is closed.
booking-day-too-far = Appointments can be booked at most { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ahead.
booking-day-no-times = There are no free times on { DATETIME($day, dateStyle: "long") }.
booking-day-unreadable = I could not find a valid date in your message. Please write it like “24.9.”, or choose a day below.
booking-choose-time = Free times on { DATETIME($day, dateStyle: "full") } ({ $service }, { $place }). Which time suits you?
booking-no-time-then = There is no free time { $part ->
        [morning] in the morning
        [afternoon] in the afternoon
        [evening] in the evening
       *[other] at that time
    } on this day, but these times are free:
booking-time-button = { DATETIME($at, timeStyle: "short") }
booking-alternative-button = { DATETIME($at, dateStyle: "medium") }, { DATETIME($at, timeStyle: "short") }
booking-later-times = Later times ➡️
booking-other-day = 📅 Another day
booking-other-service = Another service
booking-check = Please check your appointment:
booking-summary =
    • { $service }
    • { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }
    • { $place }, { $address }
booking-confirm = ✅ Confirm
booking-change = ✏️ Change
booking-booked = Your appointment is booked.
booking-booked-next = We will remind you one day and two hours before. The attached file adds the appointment to your calendar. If you cannot come, please cancel it in “My appointments” so that someone else can have the time.
booking-taken = Sorry, someone has just taken this time. These are the nearest free times:
booking-taken-nothing-near = Sorry, someone has just taken this time.
booking-unavailable = Sorry, this time can no longer be booked. Please choose again.
booking-full = Sorry, this session is fully booked. Would you like to join the waiting list? If a seat becomes free, we will book it for you and let you know.
booking-join-waitlist = 📝 Join the waiting list
booking-full-sessions = These sessions are fully booked, but you can join their waiting list:
booking-waitlist-button = 📝 { DATETIME($at, dateStyle: "medium") }: waiting list
booking-waitlist-joined = You are on the waiting list. If a seat becomes free, we will book it for you and let you know.
booking-waitlist-already = You are already on the waiting list for this session.
booking-waitlist-has-seat = You already have a seat in this session.
booking-waitlist-open = A seat in this session is free now, so you can book it straight away.
booking-limit = You already have { $max ->
        [one] { $max } booked appointment
       *[other] { $max } booked appointments
    }, which is the most one person can hold at a time. To book another one, please cancel or move one of them first.
booking-stale = This button is out of date. Let us start again.
booking-not-found = I cannot find this appointment among your bookings. It may have been cancelled or moved already, or it has passed.
booking-same-time = This is the time you already have. Please choose a different one.
booking-move-check = Your appointment on { DATETIME($at, dateStyle: "full") } at { DATETIME($at, timeStyle: "short") } will be moved to:
booking-move-confirm = ✅ Move the appointment
booking-moved = Your appointment has been moved. The new time:
booking-my-title = Your appointments:
booking-my-none = You have no booked appointments.
booking-my-cancel-which = Which appointment would you like to cancel?
booking-my-button = 📋 My appointments
booking-new-button = ➕ Book an appointment
booking-cancel-button = ❌ Cancel: { DATETIME($at, dateStyle: "medium") }, { DATETIME($at, timeStyle: "short") }
booking-move-button = 🔁 Move: { DATETIME($at, dateStyle: "medium") }, { DATETIME($at, timeStyle: "short") }
booking-cancel-question = Do you really want to cancel this appointment?
booking-cancel-yes = Yes, cancel it
booking-cancel-no = No, keep it
booking-cancelled = Your appointment has been cancelled. Thank you for letting us know: someone else can now have this time.
booking-see-you = Thank you for confirming. See you on { DATETIME($at, dateStyle: "full") } at { DATETIME($at, timeStyle: "short") }!
booking-promoted = Good news: a seat has become free, and we have booked it for you from the waiting list.
