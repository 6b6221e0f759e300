# The main menu.
menu-title = S čím vám mohu pomoct? Vyberte níže nebo napište otázku vlastními slovy.
menu-questions = ❓ Otázky
menu-book = 📅 Objednat se
menu-counsellor = 🧑‍💼 Mluvit s poradcem
menu-courses = 📢 Novinky o kurzech
menu-language = 🌐 Jazyk
menu-help = ℹ️ Nápověda
