# Language names are written in their own language so everybody finds theirs.
language-cs = 🇨🇿 Čeština
language-en = 🇬🇧 English
language-uk = 🇺🇦 Українська
language-ru = Русский
language-vi = 🇻🇳 Tiếng Việt
language-choose = Выберите язык:
language-changed = Готово. Теперь я буду писать вам по-русски.
