# Questions: the topics the assistant can answer about.
questions-intro = Napište otázku vlastními slovy, v kterémkoli z mých jazyků. Vyznám se v těchto tématech:
questions-topics =
    • pobyt: víza, dlouhodobý a trvalý pobyt, prodloužení, zaměstnanecká karta, dočasná ochrana, hlášení nové adresy
    • kurzy češtiny, zkouška A2 pro trvalý pobyt, zkoušky nanečisto a adaptačně-integrační kurz
    • sociální a právní poradenství v centru
    • samotné centrum: adresa, otevírací doba, kdo může přijít
questions-urgent = Pokud vám zamítli povolení k pobytu, máte rozhodnutí o vyhoštění, někoho zadrželi nebo zažíváte násilí či vykořisťování, zvolte hned „Mluvit s poradcem“.
