# Appointment reminders sent by the background loop, 24 hours and 2 hours before.
reminder-day-before =
    Нагадуємо про ваш запис до центру:
    • { $service }
    • { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }
    • { $place }, { $address }
    Будь ласка, підтвердьте, що ви прийдете. Якщо не зможете прийти, скасуйте, будь ласка, запис, щоб цим часом міг скористатися хтось інший.
reminder-soon =
    Ваш запис до центру вже незабаром:
    • { $service }
    • { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }
    • { $place }, { $address }
    Чекаємо на вас. Якщо ви все-таки не зможете прийти, будь ласка, скасуйте запис.
reminder-confirm = ✅ Я прийду
reminder-cancel = ❌ Скасувати запис
