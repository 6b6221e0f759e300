# The main menu.
menu-title = Чем я могу вам помочь? Выберите ниже или напишите вопрос своими словами.
menu-questions = ❓ Вопросы
menu-book = 📅 Запись на приём
menu-counsellor = 🧑‍💼 Живой консультант
menu-courses = 📢 Новости о курсах
menu-language = 🌐 Язык
menu-help = ℹ️ Помощь
