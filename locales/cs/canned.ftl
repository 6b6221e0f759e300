# Připravené odpovědi poradců: `canned-<name>` se posílá klientovi v jeho jazyce;
# `canned-<name>-title` je krátký název, podle kterého ji poradce vybírá. Fakta jen ze shared/domain.md.
canned-ask-decision-title = Zeptat se na datum rozhodnutí a fotku
canned-ask-decision = Napište mi prosím, kterého dne vám bylo rozhodnutí doručeno, a pošlete sem do chatu fotku všech jeho stran. Lhůta pro odvolání běží ode dne doručení, proto je datum důležité.
canned-appeal-deadline-title = Upozornit na lhůtu k odvolání
canned-appeal-deadline = Prosím nečekejte: odvolání proti zamítnutí se podává písemně do 15 dnů ode dne, kdy vám bylo rozhodnutí doručeno, u úřadu, který rozhodl. U rozhodnutí o vyhoštění je lhůta jen 5 dnů. S odvoláním vám pomůžeme.
canned-bring-documents-title = Co vzít na schůzku
canned-bring-documents = Vezměte si prosím na schůzku platný doklad o pobytu s fotografií (nebo pas) a všechny dopisy a rozhodnutí, které jste od úřadů dostali. Nejlépe originály.
canned-call-back-title = Zavoláme vám
canned-call-back = Poradce vám zavolá. Napište sem prosím své telefonní číslo a kdy můžete mluvit.
canned-oamp-office-title = Odkázat na pracoviště ministerstva (OAMP)
canned-oamp-office = O povoleních k pobytu rozhoduje ministerstvo vnitra (jeho Odbor azylové a migrační politiky, OAMP), ne naše centrum. V Ústí nad Labem sídlí jeho pracoviště v ulici Berní 2261/1. Před návštěvou si prosím ověřte aktuální úřední hodiny na stránkách ministerstva (ipc.gov.cz).
canned-interpreter-title = Tlumočník je k dispozici
canned-interpreter = Naše poradenství je zdarma a na schůzku vám můžeme zajistit tlumočníka. Napište nám prosím, jaký jazyk potřebujete.
canned-closing-title = Ukončení: poděkování
canned-closing = Děkujeme, že jste nám napsali. Pokud budete cokoli dalšího potřebovat, napište sem kdykoli znovu. Přejeme vám vše dobré.
