# Language names are written in their own language so everybody finds theirs.
language-cs = 🇨🇿 Čeština
language-en = 🇬🇧 English
language-uk = 🇺🇦 Українська
language-ru = Русский
language-vi = 🇻🇳 Tiếng Việt
language-choose = Vyberte si jazyk:
language-changed = Hotovo. Od teď vám budu psát česky.
