# Appointment reminders sent by the background loop, 24 hours and 2 hours before.
reminder-day-before =
    Напоминаем о вашей записи в центр:
    • { $service }
    • { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }
    • { $place }, { $address }
    Пожалуйста, подтвердите, что вы придёте. Если вы не сможете прийти, пожалуйста, отмените запись, чтобы этим временем мог воспользоваться кто-то другой.
reminder-soon =
    Ваша запись в центр уже скоро:
    • { $service }
    • { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }
    • { $place }, { $address }
    Ждём вас. Если вы всё-таки не сможете прийти, пожалуйста, отмените запись.
reminder-confirm = ✅ Я приду
reminder-cancel = ❌ Отменить запись
