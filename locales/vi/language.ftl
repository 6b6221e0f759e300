# Language names are written in their own language so everybody finds theirs.
language-cs = 🇨🇿 Čeština
language-en = 🇬🇧 English
language-uk = 🇺🇦 Українська
language-ru = Русский
language-vi = 🇻🇳 Tiếng Việt
language-choose = Chọn ngôn ngữ của bạn:
language-changed = Xong. Từ bây giờ tôi sẽ viết cho bạn bằng tiếng Việt.
