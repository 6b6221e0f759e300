# What Telegram shows about the bot: the command menu (descriptions 3-256 characters), the description
# on the empty chat (at most 512) and the short description on the profile and in shared links (at most 120).
command-start = Почати знову
command-menu = Головне меню
command-language = Змінити мову
command-book = Записатися до центру
command-human = Поговорити з консультантом
command-stop = Скасувати всі новини
command-help = Допомога і контакти
bot-description = Я асистент центру { $centre }. Відповідаю на запитання про перебування, роботу, курси чеської та іспити, записую на безкоштовну консультацію і з'єдную з консультантом. Мови: { $languages }.
bot-short-description = Асистент центру для іноземців: перебування, курси чеської, запис на прийом, консультант.
