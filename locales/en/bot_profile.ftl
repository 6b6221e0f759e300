# What Telegram shows about the bot: the command menu (descriptions 3-256 characters), the description
# on the empty chat (at most 512) and the short description on the profile and in shared links (at most 120).
command-start = Start again
command-menu = Main menu
command-language = Change the language
command-book = Book an appointment at the centre
command-human = Talk to a counsellor
command-stop = Stop all news
command-help = Help and contacts
bot-description = I am the assistant of the { $centre }. I answer questions about residence, work, Czech courses and exams, book you a free appointment and put you in touch with a counsellor. Languages: { $languages }.
bot-short-description = The integration centre's assistant: residence questions, Czech courses, appointments, counsellors.
