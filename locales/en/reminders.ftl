# Appointment reminders sent by the background loop, 24 hours and 2 hours before.
reminder-day-before =
    A reminder of your appointment at the centre:
    • { $service }
    • { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }
    • { $place }, { $address }
    Please confirm that you will come. If you cannot come, please cancel the appointment so that someone else can have the time.
reminder-soon =
    Your appointment at the centre is coming up soon:
    • { $service }
    • { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }
    • { $place }, { $address }
    We look forward to seeing you. If you cannot come after all, please cancel the appointment.
reminder-confirm = ✅ I will come
reminder-cancel = ❌ Cancel the appointment
