# Language names are written in their own language so everybody finds theirs.
language-cs = 🇨🇿 Čeština
language-en = 🇬🇧 English
language-uk = 🇺🇦 Українська
language-ru = Русский
language-vi = 🇻🇳 Tiếng Việt
language-choose = Choose your language:
language-changed = Done. I will write to you in English from now on.
