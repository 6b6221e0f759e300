# FAQ answers (each with its source and the date the facts were checked), topic buttons and urgent-case messages.

## Residence

faq-residence-types =
    Existuje několik druhů pobytu. Který je pro vás ten pravý, záleží na tom, proč a na jak dlouho tu jste:
    • Krátkodobý pobyt: nejvýše 90 dní.
    • Dlouhodobé vízum (D): pro pobyt delší než 90 dní s určitým účelem, například práce nebo studium. Platí nejvýše 1 rok.
    • Povolení k dlouhodobému pobytu: pro delší pobyt s určitým účelem, například zaměstnanecká karta pro práci.
    • Trvalý pobyt: požádat můžete po 5 letech nepřetržitého pobytu.
    O povoleních rozhoduje ministerstvo vnitra (OAMP), ne centrum.
    Nevíte, který pobyt se vás týká? Poradce s vámi vaši situaci zdarma probere.
    .source = https://mvcr.cz/clanek/vizum-k-pobytu-nad-90-dnu-dlouhodobe.aspx
    .checked = 2026-01-15

faq-residence-extend =
    O prodloužení požádejte včas, ještě než vám doklad skončí:
    • Povolení k dlouhodobému pobytu: nejdříve 120 dní před koncem platnosti, nejpozději poslední den platnosti.
    • Dlouhodobé vízum (D): nejdříve 90 dní před koncem platnosti, nejpozději před jeho koncem.
    • Žádost podáváte osobně na ministerstvu vnitra (OAMP).
    • Přineste originály nebo úředně ověřené kopie. Doklady musí být v češtině nebo úředně přeložené a ne starší než 180 dní.
    Poplatek a doklady pro váš účel pobytu si nechte potvrdit v centru.
    Pokud vám žádost zamítli nebo jste dostali rozhodnutí se lhůtou, obraťte se hned na poradce.
    .source = https://mvcr.cz/clanek/vizum-k-pobytu-nad-90-dnu-dlouhodobe.aspx
    .checked = 2026-01-15

faq-residence-permanent =
    O trvalý pobyt můžete požádat po 5 letech nepřetržitého pobytu. Průkaz platí 10 let.
    • Delší pobyty v zahraničí mohou těch 5 let přerušit. Nechte si své cesty zkontrolovat v centru.
    • Roky studia se počítají jen napůl.
    • Potřebujete: cestovní pas, fotografii, doklad o ubytování, doklad o prostředcích k pobytu a osvědčení o zkoušce z češtiny A2.
    • Doklady nesmí být starší než 180 dní.
    • Poplatek je 2 500 Kč.
    Poradce s vámi doklady zdarma projde.
    Pokud vám žádost zamítli nebo jste dostali rozhodnutí se lhůtou, obraťte se hned na poradce.
    .source = https://ipc.gov.cz/en/visa-and-residence-permit-types/third-country-nationals/permanent-residence/permanent-residence-permit-after-5-years-of-temporary-residence-in-the-czech-republic
    .checked = 2026-01-15

faq-employee-card =
    Zaměstnanecká karta je povolení k pobytu za účelem práce. Platí nejvýše 2 roky a dá se prodloužit.
    • První žádost podáváte osobně.
    • Nový zaměstnavatel: změnu oznamte ministerstvu vnitra. Pokud nemáte volný přístup na trh práce, oznamte ji ještě před nástupem.
    • Přišli jste o práci? Na nahlášení nové práce máte omezený čas: 60 dní, nebo 90 dní, pokud práce skončila 2. srpna 2025 nebo později. Co platí pro vás, si nechte potvrdit v centru.
    Tato pravidla se často mění. Ověřte si je prosím na stránce ministerstva ipc.gov.cz.
    Pokud vám žádost zamítli nebo jste dostali rozhodnutí se lhůtou, obraťte se hned na poradce.
    .source = https://ipc.gov.cz/en/visa-and-residence-permit-types/third-country-nationals/long-term-residence-permits/employee-card/
    .checked = 2026-01-15

faq-family-reunification =
    Váš manžel nebo manželka a vaše děti za vámi mohou přijet na dlouhodobé vízum nebo povolení k pobytu za účelem rodinného soužití.
    • Pravidla závisí na vašem vlastním pobytu, proto si nejdřív nechte svůj případ zkontrolovat poradcem.
    • Rozhoduje ministerstvo vnitra (OAMP), ne centrum.
    • Doklady musí být originály nebo úředně ověřené kopie, v češtině nebo úředně přeložené a ne starší než 180 dní. Některé potřebují apostilu.
    • Rodinní příslušníci obvykle potřebují komerční zdravotní pojištění.
    • Narodilo se vám tady dítě? Zeptejte se poradce, co máte udělat.
    Poradenství je zdarma a obvykle lze zajistit tlumočníka.
    Pokud vám žádost zamítli nebo jste dostali rozhodnutí se lhůtou, obraťte se hned na poradce.
    .source = https://mzv.cz/lvov/cz/viza_a_konzularni_informace/vizove_informace/dlouhodoby_pobyt/
    .checked = 2026-01-15

faq-report-address-change =
    Přestěhovali jste se? Novou adresu nahlaste ministerstvu vnitra do 30 dní, pokud tam budete bydlet déle než 30 dní.
    • Dočasná ochrana: do 3 dní.
    • Trvalý pobyt: do 30 dní, pokud se stěhujete na déle než 180 dní. Může se platit poplatek; nechte si to potvrdit v centru.
    • Vízum k sezónnímu zaměstnání: do 15 dní, na policii.
    • Nahlásit to můžete osobně, poštou, datovou schránkou nebo podepsaným e-mailem.
    • U dlouhodobého víza a povolení k pobytu je to zdarma.
    .source = https://frs.gov.cz/en/obligations-for-foreigners/changes-with-third-country-nationals/change-of-address/
    .checked = 2026-01-15

faq-report-document-change =
    Některé změny je nutné nahlásit rychle:
    • Nový cestovní pas, nové jméno nebo změna rodinného stavu (například po svatbě): oznamte to ministerstvu vnitra do 3 pracovních dní.
    • Ztracený nebo ukradený průkaz o pobytu či jiný doklad: nahlaste to do 3 dní.
    • Ztracený nebo ukradený pas: nahlaste to hned na policii.
    • Poškozený průkaz: zeptejte se v centru, co dělat.
    Nevíte, co přinést? Poradce vám zdarma pomůže.
    .source = https://mvcr.cz/mvcren/article/third-country-nationals-reporting-changes.aspx
    .checked = 2026-01-15

faq-temporary-protection =
    Dočasnou ochranu je nutné každý rok prodloužit, ve dvou krocích:
    • Nejdřív se zaregistrujte online. Bez registrace vám ochrana skončí.
    • Pak jděte na ministerstvo vnitra pro vízový štítek.
    • 2026: registrace má podle zpráv probíhat od 8. ledna do 15. března 2026, ochrana se prodlužuje do 31. března 2027. Každý od 15 let se registruje sám. Termíny si prosím ověřte na ipc.gov.cz.
    • Po nejméně 2 letech ochrany můžete získat zvláštní dlouhodobý pobyt. Jednou z podmínek je příjem domácnosti aspoň 440 000 Kč ročně (plus 110 000 Kč za každého dalšího člena). Online projevení zájmu je třeba podat do 30. dubna 2026.
    Tato pravidla se každý rok mění: ověřte si je na ipc.gov.cz nebo se zeptejte poradce.
    Pokud vám žádost zamítli nebo jste dostali rozhodnutí se lhůtou, obraťte se hned na poradce.
    .source = https://ipc.gov.cz/
    .checked = 2026-01-15

faq-health-insurance =
    Jaké zdravotní pojištění potřebujete, záleží na vaší situaci:
    • Veřejné pojištění: pokud pracujete u českého zaměstnavatele (13,5 % hrubé mzdy, platí se přes zaměstnavatele) nebo máte trvalý pobyt.
    • Ostatní, například kvůli podnikání, studiu nebo rodině, potřebují komplexní komerční pojištění. Do 2. srpna 2026 ho prodává jen PVZP. Co platí potom, se zeptejte v centru.
    • Dočasná ochrana: prvních 150 dní platí pojištění stát. Potom musí dospělí od 18 do 64 let do 8 dní oznámit své pojišťovně, kdo platí (zaměstnavatel, stát, nebo vy sami). To se mohlo změnit, nechte si to potvrdit v centru.
    Poradce váš případ zdarma zkontroluje.
    .source = https://businessinfo.cz/en/about-the-czech-republic/basic-data/legal-information/health-care-in-the-cr/
    .checked = 2026-01-15

faq-moi-office-info =
    Povolení k pobytu vyřizuje ministerstvo vnitra (OAMP), ne centrum. Jeho pracoviště v našem kraji:
    • Ústí nad Labem: Berní 2261/1 (i pro dočasnou ochranu)
    • Chomutov: Jiráskova 5338
    Úřední hodiny a to, jak se tam objednat, si prosím ověřte na stránce ministerstva.
    • O povolení k pobytu žádáte osobně.
    • Změny, například novou adresu, můžete poslat i poštou, datovou schránkou nebo podepsaným e-mailem.
    Poradce centra vám zdarma pomůže se na návštěvu připravit.
    .source = https://mvcr.cz/mvcren/article/third-country-nationals-reporting-changes.aspx
    .checked = 2026-01-15

## Courses, exams, education

faq-czech-course-info =
    Centrum pořádá kurzy češtiny pro cizince.
    • Obvykle jsou zdarma. Někdy se platí záloha, kterou dostanete zpět.
    • Úrovně jsou obvykle A1 a A2. Krátký rozřazovací test ukáže, která skupina je pro vás.
    • Termíny, časy a to, zda je kurz prezenčně nebo online, se mění. Na další kurz se prosím zeptejte v centru: { $address }, otevírací doba: { $hours }.
    Připravujete se na zkoušku A2 pro trvalý pobyt? Zeptejte se i na zkoušky nanečisto.
    .source = https://cizinci.cz/znalost-ceskeho-jazyka1
    .checked = 2026-01-15

faq-exam-permanent-residence =
    Pro trvalý pobyt potřebujete zkoušku z češtiny na úrovni A2.
    • Trvá jeden den: písemná část (čtení, psaní, poslech) a ústní část.
    • Stojí 3 200 Kč a platíte ji sami.
    • Přihlašujete se online. Osvědčení platí navždy.
    • Od 11. dubna 2026 se má zkouška změnit. Podrobnosti a modelové testy najdete na cestina-pro-cizince.cz.
    • Pro české občanství potřebujete úroveň B1 a test z českých reálií.
    Nevíte, jestli zkoušku musíte dělat? Zeptejte se poradce. Centrum také nabízí zkoušky nanečisto na procvičení.
    .source = https://cestina-pro-cizince.cz/trvaly-pobyt/
    .checked = 2026-01-15

faq-mock-exam =
    Před skutečnou zkouškou A2 si můžete v centru vyzkoušet zkoušku nanečisto. Uvidíte, jak zkouška probíhá a co je potřeba procvičit.
    • Termíny, přihlášení a případná cena se mění, proto se prosím zeptejte v centru: { $address }, otevírací doba: { $hours }.
    • Zeptejte se i na kurz, který vás na zkoušku připraví.
    • Doma můžete trénovat s modelovými testy na cestina-pro-cizince.cz.
    .source = https://cestina-pro-cizince.cz/trvaly-pobyt/
    .checked = 2026-01-15

faq-adaptation-course =
    Kurz „Vítejte v ČR“ je pro mnoho nově příchozích povinný.
    • Kdo: dostali jste povolení k dlouhodobému pobytu od 1. ledna 2021, nebo trvalý pobyt bez předchozího pobytu.
    • Kdy: do 1 roku od převzetí průkazu.
    • 4 hodiny, česky s tlumočníkem (angličtina, ruština, ukrajinština, vietnamština, mongolština, arabština, francouzština, španělština nebo srbština).
    • Cena: 1 500 Kč, nebo 800 Kč, pokud platí zaměstnavatel.
    • Přihlášky na frs.gov.cz/kurzy. Kurz pořádají jen integrační centra, na termíny se tedy můžete zeptat v centru.
    • Kdo na kurz nepřijde, může dostat pokutu až 10 000 Kč.
    • Kurz nemusí absolvovat: lidé mladší 15 let a starší 61 let, studenti, občané EU a jejich rodiny a lidé s povolením z doby před rokem 2021, kteří ho jen prodlužují nebo mění jeho účel.
    .source = https://mvcr.cz/clanek/adaptacne-integracni-kurzy.aspx
    .checked = 2026-01-15

faq-sociocultural-course =
    Sociokulturní orientační kurzy vysvětlují život v Česku a to, jak tu věci fungují.
    • Jsou součástí integračního programu centra.
    • Termíny se mění, proto se prosím zeptejte v centru, kdy začíná další kurz a zda se platí: { $address }, otevírací doba: { $hours }.
    • Tlumočníka lze obvykle zajistit.
    .source = https://p-p-i.cz/centrum-na-podporu-integrace-cizincu-v-usteckem-kraji-amif-31-03/
    .checked = 2026-01-15

faq-children-tutoring =
    Centrum nabízí doučování pro děti cizinců.
    • Co je právě k dispozici, se mění, proto se prosím zeptejte v centru: { $address }, otevírací doba: { $hours }.
    • Rodiče mohou využít i vzdělávací poradenství, například ohledně škol.
    • Poradenství je zdarma a tlumočníka lze obvykle zajistit.
    .source = https://p-p-i.cz/centrum-na-podporu-integrace-cizincu-v-usteckem-kraji-amif-31-03/
    .checked = 2026-01-15

faq-education-counselling =
    Centrum nabízí vzdělávací poradenství pro dospělé i rodiny.
    • Můžete se zeptat na školy a školky pro vaše děti.
    • Můžete se zeptat i na vlastní studium, rekvalifikaci nebo uznání vašeho diplomu. Poradce vám řekne, jak vám může pomoct.
    • Je zdarma a je potřeba se objednat. Tlumočníka lze obvykle zajistit.
    • Kontakt na centrum: { $address }, otevírací doba: { $hours }.
    .source = https://p-p-i.cz/centrum-na-podporu-integrace-cizincu-v-usteckem-kraji-amif-31-03/
    .checked = 2026-01-15

## Counselling

faq-social-counselling =
    Sociální poradenství je zdarma. Poradce vám může pomoct v těchto oblastech:
    • práce a bydlení
    • sociální dávky
    • zdravotní pojištění
    • školy
    • jednání s úřady
    Je potřeba se objednat, protože poradci pracují i mimo kancelář. Tlumočníka lze obvykle zajistit.
    Při první návštěvě prosím ukažte platný doklad o pobytu s fotografií.
    .source = https://integracnicentra.cz/PoskytovaneSluzby/ObecneInformace.aspx
    .checked = 2026-01-15

faq-legal-counselling =
    Právní poradenství je zdarma. Poradce vám může pomoct:
    • s pobytem: povolení, prodloužení, hlášení změn
    • s otázkami ohledně práce
    • s dopisy a rozhodnutími od úřadů
    Centrum nemůže rozhodnout o vašem povolení (rozhoduje ministerstvo vnitra) a nemůže slíbit výsledek. Obvykle vás nemůže zastupovat u soudu; zeptejte se poradce.
    Je potřeba se objednat a tlumočníka lze obvykle zajistit.
    Pokud vám žádost zamítli nebo jste dostali rozhodnutí se lhůtou, obraťte se hned na poradce.
    .source = https://integracnicentra.cz/PoskytovaneSluzby/ObecneInformace.aspx
    .checked = 2026-01-15

## The centre

faq-centre-contact-hours =
    { $centre }
    • Adresa: { $address }
    • Otevírací doba: { $hours }
    Na poradenství je potřeba se objednat, proto si prosím před návštěvou domluvte termín nebo centrum kontaktujte.
    Asistenti centra působili také na pracovištích ministerstva vnitra v Ústí nad Labem (Berní 2261/1) a v Chomutově (Jiráskova 5338). Zeptejte se v centru, zda tam jsou i teď, a úřední hodiny si ověřte na stránce ministerstva.
    .source = https://cizinci.cz/web/cz/integracni-centra
    .checked = 2026-01-15

faq-centre-services =
    { $centre } pomáhá cizincům v Ústeckém kraji. Nabízí:
    • sociální a právní poradenství
    • kurzy češtiny a sociokulturní orientační kurzy
    • přednášky a integrační či multikulturní akce
    • informační centrum
    • pomoc mimo kancelář (terénní práce)
    Služby jsou zdarma a tlumočníka lze obvykle zajistit.
    Centrum od roku 2009 provozuje Poradna pro integraci, z. ú., s podporou EU (AMIF) a ministerstva vnitra.
    .source = https://p-p-i.cz/centrum-na-podporu-integrace-cizincu-v-usteckem-kraji-amif-31-03/
    .checked = 2026-01-15

faq-centre-eligibility =
    Služby centra jsou určeny:
    • občanům zemí mimo EU, kteří v Česku pobývají legálně
    • lidem, kteří dostali azyl nebo doplňkovou ochranu
    • lidem s dočasnou ochranou: obvykle ano, nechte si to potvrdit v centru
    Občanům EU a lidem, o jejichž žádosti o azyl ještě nebylo pravomocně rozhodnuto, centrum obvykle služby neposkytuje. Poradce vám řekne, kde najdete pomoc.
    Při první návštěvě prosím ukažte platný doklad o pobytu s fotografií.
    .source = https://integracnicentra.cz/PoskytovaneSluzby/ObecneInformace.aspx
    .checked = 2026-01-15

faq-information-centre =
    Centrum má informační centrum, které můžete využívat zdarma:
    • počítače s internetem
    • knihovnu s knihami v češtině i v jiných jazycích
    • noviny a časopisy
    Mohlo se to změnit, proto se prosím zeptejte v centru na časy a na to, zda můžete tisknout: { $address }, otevírací doba: { $hours }.
    .source = https://p-p-i.cz/centrum-na-podporu-integrace-cizincu-v-usteckem-kraji-amif-31-03/
    .checked = 2026-01-15

faq-events-activities =
    Centrum pořádá přednášky a integrační a multikulturní akce, kde můžete poznat další lidi.
    • Termíny se mění, proto se prosím zeptejte v centru, co se chystá: { $address }, otevírací doba: { $hours }.
    • Další dobrou příležitostí poznat lidi jsou kurzy češtiny a sociokulturní kurzy centra.
    • Akce jsou obvykle zdarma; nechte si to potvrdit v centru.
    .source = https://p-p-i.cz/centrum-na-podporu-integrace-cizincu-v-usteckem-kraji-amif-31-03/
    .checked = 2026-01-15

## Small talk and fallback

faq-greet = Dobrý den, vítejte! Napište otázku vlastními slovy nebo si vyberte z menu.
faq-goodbye = Na shledanou a hodně štěstí! Napsat mi můžete kdykoli znovu.
faq-thanks = Rádo se stalo! Jsem rád, že jsem mohl pomoct.
faq-out-of-scope = Promiňte, s tím vám pomoct nemohu. Pomáhám s pobytem, kurzy a zkouškami z češtiny, poradenstvím a s informacemi o centru. Vyberte si prosím téma z menu.

## Around the answers

faq-source = Zdroj: { $url } (ověřeno { DATETIME($checked, dateStyle: "medium") })
faq-did-you-mean = Nejsem si jistý, že jsem vám rozuměl. Mysleli jste něco z tohoto?
faq-still-not-understood = Promiňte, pořád vám nerozumím, proto si vaši zprávu přečte člověk z centra.
# Shown the same in every locale: English first, then Czech.
faq-unsupported-language =
    Sorry, I can only write in Czech, English, Ukrainian, Russian and Vietnamese. Please choose a language below.

    Omlouvám se, umím psát jen česky, anglicky, ukrajinsky, rusky a vietnamsky. Vyberte si prosím jazyk níže.
faq-more-help = Ještě něco? Napište další otázku nebo si vyberte z menu.

## Topic buttons ("did you mean")

topic-residence-types = 🛂 Druhy pobytu
topic-residence-extend = 🔄 Prodloužení pobytu
topic-residence-permanent = 🏠 Trvalý pobyt
topic-employee-card = 💼 Zaměstnanecká karta
topic-family-reunification = 👪 Sloučení rodiny
topic-report-address-change = 📍 Hlášení nové adresy
topic-report-document-change = 📄 Změny v dokladech
topic-temporary-protection = 🇺🇦 Dočasná ochrana
topic-health-insurance = 🏥 Zdravotní pojištění
topic-moi-office-info = 🏛️ Ministerstvo vnitra
topic-czech-course-info = 📚 Kurzy češtiny
topic-exam-permanent-residence = 📝 Zkouška A2 k pobytu
topic-mock-exam = ✏️ Zkouška nanečisto
topic-adaptation-course = 🎓 Adaptační kurz
topic-sociocultural-course = 🧭 Sociokulturní kurz
topic-children-tutoring = 🧒 Doučování dětí
topic-education-counselling = 🏫 Školy a diplomy
topic-social-counselling = 🤝 Sociální poradenství
topic-legal-counselling = ⚖️ Právní poradenství
topic-centre-contact-hours = 🕘 Kde a kdy nás najdete
topic-centre-services = ℹ️ Co centrum nabízí
topic-centre-eligibility = ✅ Kdo může přijít
topic-information-centre = 💻 Informační centrum
topic-events-activities = 🎉 Akce a přednášky
topic-book-appointment = 📅 Objednat se
topic-talk-to-human = 🧑‍💼 Mluvit s poradcem
topic-subscribe-courses = 📢 Novinky o kurzech

## Urgent legal situations

escalation-intro = Zní to vážně a měl by vám s tím pomoct člověk. Poradce centra se tomu bude věnovat osobně.
escalation-deadline = Pokud jste dostali rozhodnutí, uschovejte si ho a poznamenejte si, kdy jste ho dostali: lhůta na odvolání může být jen 5 nebo 15 dní.
escalation-exploitation =
    Nevyplacená mzda, pas, který vám vzal zaměstnavatel, výhrůžky nebo nucená práce: pomáhá La Strada.
    • Volejte 222 71 71 71 nebo bezplatnou linku 800 077 777.
    • Pokud jste teď v nebezpečí, volejte 112.
escalation-violence =
    Pokud jste teď v nebezpečí, volejte 112 nebo policii na 158.
    Pomoc obětem násilí a trestných činů, zdarma a nonstop: 116 006 (Bílý kruh bezpečí).
escalation-detention =
    Pokud zadrželi vás nebo vašeho příbuzného:
    • Požádejte o tlumočníka.
    • Nepodepisujte nic, čemu nerozumíte.
    • Uschovejte si všechny papíry, které dostanete, a poznamenejte si, kdy jste je dostali.
    • Dejte rodině kontakt na centrum, aby se mohla spojit s poradcem.
escalation-asylum = Centrum nemůže pomáhat lidem, o jejichž žádosti o azyl ještě nebylo pravomocně rozhodnuto. Poradce vám řekne, kde můžete najít pomoc.
