# The counsellor queue as the client sees it: hand-off, waiting, talking to a counsellor, closing.
case-opened = Předal jsem váš rozhovor poradci centra. Odpoví vám tady, v tomto chatu.
case-added = Už si píšete s poradcem, proto jsem tuto zprávu přidal k vašemu rozhovoru.
case-wait-minutes =
    { $minutes ->
        [one] Odpověď poradce by měla přijít zhruba do { $minutes } minuty.
        [few] Odpověď poradce by měla přijít zhruba do { $minutes } minut.
        [many] Odpověď poradce by měla přijít zhruba do { $minutes } minuty.
       *[other] Odpověď poradce by měla přijít zhruba do { $minutes } minut.
    }
case-wait-hours =
    { $hours ->
        [one] Odpověď poradce by měla přijít zhruba do { $hours } hodiny.
        [few] Odpověď poradce by měla přijít zhruba do { $hours } hodin.
        [many] Odpověď poradce by měla přijít zhruba do { $hours } hodiny.
       *[other] Odpověď poradce by měla přijít zhruba do { $hours } hodin.
    }
case-closed-hours = Centrum je teď zavřené. Poradce vám odpoví, až centrum otevře: { DATETIME($when, dateStyle: "full") } v { DATETIME($when, timeStyle: "short") }. Pokud chcete raději přijít osobně, můžete se objednat.
case-closed-no-hours = Centrum je teď zavřené. Poradce vám odpoví, jakmile centrum otevře. Pokud chcete raději přijít osobně, můžete se objednat.
case-how-it-works = Napište sem vlastními slovy všechno, co má poradce vědět; klidně pošlete i fotky dokladů. Pokud se chcete vrátit k asistentovi, stiskněte „{ case-leave-button }“.
case-leave-button = ↩️ Zpět k asistentovi
case-left = Jste zpátky u asistenta a rozhovor s poradcem je ukončený. O poradce můžete znovu požádat kdykoli.
case-claimed = { $name } z centra si teď čte vaši zprávu a napíše vám sem.
case-counsellor-says =
    { $name } (poradce):
# A counsellor's own words, shown as typed (rendered verbatim, never through Fluent).
case-counsellor-text = { $text }
case-closed-for-client = Rozhovor s poradcem je ukončený. Jste zpátky u asistenta: napište, kdykoli budete cokoli potřebovat.
case-satisfaction-question = Ještě jedna otázka: jak jste spokojeni s pomocí, kterou jste dostali?
case-rate-5 = 😀 Velmi spokojen/a
case-rate-4 = 🙂 Spokojen/a
case-rate-3 = 😐 Tak napůl
case-rate-2 = 🙁 Nespokojen/a
case-rate-1 = 😞 Velmi nespokojen/a
case-rated = Děkuji za vaši odpověď. Pomůže centru zlepšovat jeho služby.
case-rate-stale = Děkuji, vaši odpověď už máme.
case-only-words = Poradce si může přečíst text, fotky a dokumenty, ale tohle ne. Napište to prosím slovy.
case-file-too-large = Tento soubor je moc velký: limit je { $megabytes } MB. Pošlete prosím menší fotku nebo to napište slovy.
case-button-during = Teď si píšete s poradcem, proto je menu pozastavené. Napište svou zprávu, nebo stiskněte „{ case-leave-button }“.
case-file-outside = Soubory číst neumím. Pokud má poradce vidět nějaký dokument, požádejte nejdřív o poradce a dokument pošlete až potom.
