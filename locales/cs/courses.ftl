# Course news.
courses-info = Centrum pořádá kurzy češtiny (úrovně A1 a A2, s krátkým rozřazovacím testem), adaptačně-integrační kurz „Vítejte v ČR“, zkoušky nanečisto před zkouškou A2, přednášky a akce. Na další termíny se zeptejte v centru: { $address }, otevírací doba: { $hours }.
courses-czech =
    { $level ->
        [a1] Čeština pro začátečníky (A1):
        [a2] Čeština pro mírně pokročilé (A2):
       *[other] Kurzy češtiny:
    } centrum je pořádá obvykle zdarma, někdy za vratnou zálohu. Krátký rozřazovací test ukáže, která skupina je pro vás.
    Termíny se mění. { $subscribed ->
        [yes] Novinky o kurzech češtiny už odebíráte: napíšeme vám, až začne nový kurz.
       *[no] Stiskněte ➕ a napíšeme vám sem, až začne nový kurz.
    } Nebo se zeptejte v centru: { $address }, otevírací doba: { $hours }.
