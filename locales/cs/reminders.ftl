# Appointment reminders sent by the background loop, 24 hours and 2 hours before.
reminder-day-before =
    Připomínáme vám termín v centru:
    • { $service }
    • { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }
    • { $place }, { $address }
    Potvrďte prosím, že přijdete. Pokud přijít nemůžete, termín prosím zrušte, aby ho mohl využít někdo jiný.
reminder-soon =
    Váš termín v centru se blíží:
    • { $service }
    • { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }
    • { $place }, { $address }
    Těšíme se na vás. Pokud nakonec přijít nemůžete, termín prosím zrušte.
reminder-confirm = ✅ Přijdu
reminder-cancel = ❌ Zrušit termín
