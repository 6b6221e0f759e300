# Talking to a counsellor.
counsellor-emergency =
    V nouzi volejte 112 (policie 158).
    Násilí nebo trestný čin, zdarma a nonstop: 116 006 (Bílý kruh bezpečí).
    Pracovní vykořisťování nebo obchod s lidmi: La Strada 222 71 71 71 nebo zdarma 800 077 777.
