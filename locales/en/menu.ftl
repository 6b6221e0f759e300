# The main menu.
menu-title = How can I help you? Choose below or write your question in your own words.
menu-questions = ❓ Questions
menu-book = 📅 Book an appointment
menu-counsellor = 🧑‍💼 Talk to a counsellor
menu-courses = 📢 Course news
menu-language = 🌐 Language
menu-help = ℹ️ Help
