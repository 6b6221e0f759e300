# The main menu.
menu-title = Чим я можу вам допомогти? Виберіть нижче або напишіть запитання своїми словами.
menu-questions = ❓ Запитання
menu-book = 📅 Запис на прийом
menu-counsellor = 🧑‍💼 Живий консультант
menu-courses = 📢 Новини про курси
menu-language = 🌐 Мова
menu-help = ℹ️ Допомога
