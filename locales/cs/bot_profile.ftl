# What Telegram shows about the bot: the command menu (descriptions 3-256 characters), the description
# on the empty chat (at most 512) and the short description on the profile and in shared links (at most 120).
command-start = Začít znovu
command-menu = Hlavní nabídka
command-language = Změnit jazyk
command-book = Objednat se do centra
command-human = Mluvit s poradcem
command-stop = Zrušit všechny novinky
command-help = Nápověda a kontakty
bot-description = Jsem asistent centra { $centre }. Odpovím na otázky o pobytu, práci, kurzech češtiny a zkouškách, objednám vás na bezplatnou konzultaci a spojím vás s poradcem. Jazyky: { $languages }.
bot-short-description = Asistent centra pro cizince: otázky o pobytu, kurzy češtiny, objednání, poradce.
