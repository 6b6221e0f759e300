# What Telegram shows about the bot: the command menu (descriptions 3-256 characters), the description
# on the empty chat (at most 512) and the short description on the profile and in shared links (at most 120).
command-start = Начать заново
command-menu = Главное меню
command-language = Сменить язык
command-book = Записаться в центр
command-human = Поговорить с консультантом
command-stop = Отменить все новости
command-help = Помощь и контакты
bot-description = Я ассистент центра { $centre }. Отвечаю на вопросы о пребывании, работе, курсах чешского и экзаменах, записываю на бесплатную консультацию и соединяю с консультантом. Языки: { $languages }.
bot-short-description = Ассистент центра для иностранцев: пребывание, курсы чешского, запись на приём, консультант.
