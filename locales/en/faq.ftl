# FAQ answers (each with its source and the date the facts were checked), topic buttons and urgent-case messages.

## Residence

faq-residence-types =
    There are several kinds of stay. Which one fits you depends on why you are here and for how long:
    • Short stay: up to 90 days.
    • Long-term visa (D): for a stay of more than 90 days with a purpose, such as work or study. It is valid for up to 1 year.
    • Long-term residence permit: for a longer stay with a purpose, for example the employee card for work.
    • Permanent residence: you can apply after 5 years of continuous stay.
    The Ministry of the Interior (OAMP) decides on permits, not the centre.
    Not sure which one is for you? A counsellor can look at your situation with you, free of charge.
    .source = https://mvcr.cz/clanek/vizum-k-pobytu-nad-90-dnu-dlouhodobe.aspx
    .checked = 2026-01-15

faq-residence-extend =
    Apply for an extension in time, before your document ends:
    • Long-term residence permit: at the earliest 120 days before it ends, at the latest on its last valid day.
    • Long-term visa (D): at the earliest 90 days before it ends, at the latest before it ends.
    • Apply in person at the Ministry of the Interior (OAMP).
    • Bring originals or certified copies. Documents must be in Czech or officially translated, and not older than 180 days.
    Ask the centre to confirm the fee and the documents for your purpose of stay.
    If your application was refused or you got a decision with a deadline, talk to a counsellor straight away.
    .source = https://mvcr.cz/clanek/vizum-k-pobytu-nad-90-dnu-dlouhodobe.aspx
    .checked = 2026-01-15

faq-residence-permanent =
    You can apply for permanent residence after 5 years of continuous stay. The card is valid for 10 years.
    • Long stays abroad can break the 5 years. Ask the centre to check your absences.
    • Years of study count only half.
    • You need: passport, photo, proof of accommodation, proof of money to live on, and the A2 Czech exam certificate.
    • Documents must not be older than 180 days.
    • The fee is 2,500 CZK.
    A counsellor can check your documents with you, free of charge.
    If your application was refused or you got a decision with a deadline, talk to a counsellor straight away.
    .source = https://ipc.gov.cz/en/visa-and-residence-permit-types/third-country-nationals/permanent-residence/permanent-residence-permit-after-5-years-of-temporary-residence-in-the-czech-republic
    .checked = 2026-01-15

faq-employee-card =
    The employee card is a residence permit for work. It is valid for up to 2 years and can be extended.
    • You make the first application in person.
    • New employer: report it to the Ministry of the Interior. If you do not have free access to the labour market, report it before you start.
    • Lost your job? You have a limited time to report a new one: 60 days, or 90 days if the job ended on or after 2 August 2025. Ask the centre to confirm which applies to you.
    These rules change often. Please check the ministry's page on ipc.gov.cz.
    If your application was refused or you got a decision with a deadline, talk to a counsellor straight away.
    .source = https://ipc.gov.cz/en/visa-and-residence-permit-types/third-country-nationals/long-term-residence-permits/employee-card/
    .checked = 2026-01-15

faq-family-reunification =
    Your husband or wife and your children may be able to join you with a long-term visa or residence permit for family purposes.
    • The rules depend on your own permit, so let a counsellor check your case first.
    • The Ministry of the Interior (OAMP) decides, not the centre.
    • Documents must be originals or certified copies, in Czech or officially translated, and not older than 180 days. Some need an apostille.
    • Family members usually need commercial health insurance.
    • Was your child born here? Ask a counsellor what to do.
    Counselling is free, and an interpreter can usually be arranged.
    If your application was refused or you got a decision with a deadline, talk to a counsellor straight away.
    .source = https://mzv.cz/lvov/cz/viza_a_konzularni_informace/vizove_informace/dlouhodoby_pobyt/
    .checked = 2026-01-15

faq-report-address-change =
    Moved? Report your new address to the Ministry of the Interior within 30 days if you will live there for more than 30 days.
    • Temporary protection: within 3 days.
    • Permanent residence: within 30 days if you move for more than 180 days. There may be a fee; ask the centre to confirm.
    • Seasonal-work visa: within 15 days, to the police.
    • You can report it in person, by post, by data box or by signed e-mail.
    • For a long-term visa or residence permit it is free.
    .source = https://frs.gov.cz/en/obligations-for-foreigners/changes-with-third-country-nationals/change-of-address/
    .checked = 2026-01-15

faq-report-document-change =
    Some changes must be reported quickly:
    • New passport, new name or new marital status (for example after a wedding): tell the Ministry of the Interior within 3 working days.
    • Lost or stolen residence card or other document: report it within 3 days.
    • Lost or stolen passport: report it to the police straight away.
    • Damaged card: ask the centre what to do.
    Not sure what to bring? A counsellor can help you, free of charge.
    .source = https://mvcr.cz/mvcren/article/third-country-nationals-reporting-changes.aspx
    .checked = 2026-01-15

faq-temporary-protection =
    Temporary protection must be extended every year, in two steps:
    • First register online. Without registration your protection ends.
    • Then go to the Ministry of the Interior for a visa sticker.
    • 2026: registration is reported to run from 8 January to 15 March 2026, for protection until 31 March 2027. Everyone aged 15 or older registers on their own. Please check the dates on ipc.gov.cz.
    • After at least 2 years of protection you may get special long-term residence. One condition is a household income of at least 440,000 CZK a year (plus 110,000 CZK for each other member). The online expression of interest is due by 30 April 2026.
    These rules change every year: check ipc.gov.cz or ask a counsellor.
    If your application was refused or you got a decision with a deadline, talk to a counsellor straight away.
    .source = https://ipc.gov.cz/
    .checked = 2026-01-15

faq-health-insurance =
    Which health insurance you need depends on your situation:
    • Public insurance: if you work for a Czech employer (13.5 % of your gross wage, paid through your employer) or have permanent residence.
    • Others, for example for business, study or family, need comprehensive commercial insurance. Until 2 August 2026 only PVZP sells it. Ask the centre what applies after that.
    • Temporary protection: the state pays for the first 150 days. After that, adults aged 18–64 must tell their insurance company within 8 days who pays (employer, state or you). This may have changed, so ask the centre to confirm.
    A counsellor can check your case, free of charge.
    .source = https://businessinfo.cz/en/about-the-czech-republic/basic-data/legal-information/health-care-in-the-cr/
    .checked = 2026-01-15

faq-moi-office-info =
    Residence permits are handled by the Ministry of the Interior (OAMP), not by the centre. Its offices in our region:
    • Ústí nad Labem: Berní 2261/1 (also for temporary protection)
    • Chomutov: Jiráskova 5338
    Please check the ministry's page for opening hours and how to get an appointment there.
    • You apply for a residence permit in person.
    • Changes such as a new address can also be sent by post, data box or signed e-mail.
    A counsellor of the centre can help you prepare for your visit, free of charge.
    .source = https://mvcr.cz/mvcren/article/third-country-nationals-reporting-changes.aspx
    .checked = 2026-01-15

## Courses, exams, education

faq-czech-course-info =
    The centre runs Czech courses for foreigners.
    • They are usually free. Sometimes you pay a deposit that you get back.
    • The levels are usually A1 and A2. A short placement test shows which group fits you.
    • Dates, times and whether the course is in person or online change. Please ask the centre for the next course: { $address }, opening hours: { $hours }.
    Preparing for the A2 exam for permanent residence? Ask about the mock exams too.
    .source = https://cizinci.cz/znalost-ceskeho-jazyka1
    .checked = 2026-01-15

faq-exam-permanent-residence =
    For permanent residence you need a Czech exam at level A2.
    • It takes one day: a written part (reading, writing, listening) and a spoken part.
    • It costs 3,200 CZK, and you pay it yourself.
    • You register online. The certificate never expires.
    • The exam is due to change from 11 April 2026. Check the details and model tests on cestina-pro-cizince.cz.
    • For Czech citizenship you need level B1 and a test about Czech society.
    Not sure if you must take the exam? Ask a counsellor. The centre also offers mock exams to practise.
    .source = https://cestina-pro-cizince.cz/trvaly-pobyt/
    .checked = 2026-01-15

faq-mock-exam =
    Before the real A2 exam you can try a mock exam ("zkouška nanečisto") at the centre. It shows you how the exam works and what to practise.
    • Dates, sign-up and any cost change, so please ask the centre: { $address }, opening hours: { $hours }.
    • Ask also about a course to prepare for the exam.
    • At home you can practise with the model tests on cestina-pro-cizince.cz.
    .source = https://cestina-pro-cizince.cz/trvaly-pobyt/
    .checked = 2026-01-15

faq-adaptation-course =
    The course "Vítejte v ČR" (Welcome to the Czech Republic) is mandatory for many newcomers.
    • Who: you got a long-term residence permit from 1 January 2021, or permanent residence without an earlier stay.
    • When: within 1 year of collecting your card.
    • 4 hours, in Czech with an interpreter (English, Russian, Ukrainian, Vietnamese, Mongolian, Arabic, French, Spanish or Serbian).
    • Price: 1,500 CZK, or 800 CZK if your employer pays.
    • Sign up at frs.gov.cz/kurzy. Only integration centres run it, so you can ask the centre about dates.
    • If you do not go, the fine can be up to 10,000 CZK.
    • Not needed: under 15 or over 61, students, EU citizens and their families, and people with a permit from before 2021 who only extend it or change its purpose.
    .source = https://mvcr.cz/clanek/adaptacne-integracni-kurzy.aspx
    .checked = 2026-01-15

faq-sociocultural-course =
    Socio-cultural orientation courses explain life in the Czech Republic and how things work here.
    • They are part of the centre's integration programme.
    • Dates change, so please ask the centre when the next course starts and whether there is a fee: { $address }, opening hours: { $hours }.
    • An interpreter can usually be arranged.
    .source = https://p-p-i.cz/centrum-na-podporu-integrace-cizincu-v-usteckem-kraji-amif-31-03/
    .checked = 2026-01-15

faq-children-tutoring =
    The centre offers tutoring for foreign children.
    • What is available changes, so please ask the centre: { $address }, opening hours: { $hours }.
    • Parents can also get education counselling, for example about schools.
    • Counselling is free, and an interpreter can usually be arranged.
    .source = https://p-p-i.cz/centrum-na-podporu-integrace-cizincu-v-usteckem-kraji-amif-31-03/
    .checked = 2026-01-15

faq-education-counselling =
    The centre offers education counselling for adults and families.
    • You can ask about schools and kindergartens for your children.
    • You can also ask about your own studies, retraining or recognising your diploma. The counsellor will tell you how they can help.
    • It is free and by appointment. An interpreter can usually be arranged.
    • Contact the centre: { $address }, opening hours: { $hours }.
    .source = https://p-p-i.cz/centrum-na-podporu-integrace-cizincu-v-usteckem-kraji-amif-31-03/
    .checked = 2026-01-15

## Counselling

faq-social-counselling =
    Social counselling is free. A counsellor can help you with:
    • work and housing
    • social benefits
    • health insurance
    • schools
    • dealing with authorities
    It is by appointment, because counsellors also work outside the office. An interpreter can usually be arranged.
    At your first visit, please show a valid residence document with a photo.
    .source = https://integracnicentra.cz/PoskytovaneSluzby/ObecneInformace.aspx
    .checked = 2026-01-15

faq-legal-counselling =
    Legal counselling is free. A counsellor can help you with:
    • residence: permits, extensions, reporting changes
    • questions about work
    • letters and decisions from authorities
    The centre cannot decide on your permit (the Ministry of the Interior does) and cannot promise a result. It usually cannot represent you in court; ask the counsellor.
    It is by appointment, and an interpreter can usually be arranged.
    If your application was refused or you got a decision with a deadline, talk to a counsellor straight away.
    .source = https://integracnicentra.cz/PoskytovaneSluzby/ObecneInformace.aspx
    .checked = 2026-01-15

## The centre

faq-centre-contact-hours =
    { $centre }
    • Address: { $address }
    • Opening hours: { $hours }
    Counselling is by appointment, so please book a time or contact the centre before you come.
    The centre's assistants have also worked at the Ministry of the Interior offices in Ústí nad Labem (Berní 2261/1) and Chomutov (Jiráskova 5338). Ask the centre whether they are there now, and check the ministry's page for its hours.
    .source = https://cizinci.cz/web/cz/integracni-centra
    .checked = 2026-01-15

faq-centre-services =
    { $centre } helps foreigners in the Ústí nad Labem Region. It offers:
    • social and legal counselling
    • Czech courses and socio-cultural orientation courses
    • lectures and integration or multicultural events
    • an information centre
    • help outside the office (field work)
    The services are free, and an interpreter can usually be arranged.
    The centre has been run by Poradna pro integraci, z.ú. since 2009, with money from the EU (AMIF) and the Ministry of the Interior.
    .source = https://p-p-i.cz/centrum-na-podporu-integrace-cizincu-v-usteckem-kraji-amif-31-03/
    .checked = 2026-01-15

faq-centre-eligibility =
    The centre's services are for:
    • citizens of countries outside the EU who live in the Czech Republic legally
    • people granted asylum or subsidiary protection
    • people with temporary protection: usually yes, ask the centre to confirm
    EU citizens and people whose asylum application is not yet finally decided are usually not served. A counsellor will tell you where to get help.
    At your first visit, please show a valid residence document with a photo.
    .source = https://integracnicentra.cz/PoskytovaneSluzby/ObecneInformace.aspx
    .checked = 2026-01-15

faq-information-centre =
    The centre has an information centre you can use for free:
    • computers with internet
    • a library with books in Czech and other languages
    • newspapers and magazines
    This may have changed, so please ask the centre for the times and whether you can print: { $address }, opening hours: { $hours }.
    .source = https://p-p-i.cz/centrum-na-podporu-integrace-cizincu-v-usteckem-kraji-amif-31-03/
    .checked = 2026-01-15

faq-events-activities =
    The centre organises lectures and integration and multicultural events, where you can meet other people.
    • Dates change, so please ask the centre what is coming up: { $address }, opening hours: { $hours }.
    • The centre's Czech and socio-cultural courses are another good way to meet people.
    • Events are usually free; ask the centre to confirm.
    .source = https://p-p-i.cz/centrum-na-podporu-integrace-cizincu-v-usteckem-kraji-amif-31-03/
    .checked = 2026-01-15

## Small talk and fallback

faq-greet = Hello! I am glad you wrote. Write your question in your own words or choose from the menu.
faq-goodbye = Goodbye, and good luck! You can write to me again at any time.
faq-thanks = You are welcome! I am glad I could help.
faq-out-of-scope = I am sorry, I cannot help with that. I can help with residence, Czech courses and exams, counselling and the centre itself. Please choose a topic from the menu.

## Around the answers

faq-source = Source: { $url } (checked { DATETIME($checked, dateStyle: "medium") })
faq-did-you-mean = I am not sure I understood. Did you mean one of these?
faq-still-not-understood = I'm sorry, I still don't understand you, so a person will read your message.
# Shown the same in every locale: English first, then Czech.
faq-unsupported-language =
    Sorry, I can only write in Czech, English, Ukrainian, Russian and Vietnamese. Please choose a language below.

    Omlouvám se, umím psát jen česky, anglicky, ukrajinsky, rusky a vietnamsky. Vyberte si prosím jazyk níže.
faq-more-help = Anything else? Write another question or choose from the menu.

## Topic buttons ("did you mean")

topic-residence-types = 🛂 Types of residence
topic-residence-extend = 🔄 Extending a permit
topic-residence-permanent = 🏠 Permanent residence
topic-employee-card = 💼 Employee card
topic-family-reunification = 👪 Family reunification
topic-report-address-change = 📍 Reporting new address
topic-report-document-change = 📄 New or lost documents
topic-temporary-protection = 🇺🇦 Temporary protection
topic-health-insurance = 🏥 Health insurance
topic-moi-office-info = 🏛️ Ministry office (MOI)
topic-czech-course-info = 📚 Czech courses
topic-exam-permanent-residence = 📝 A2 exam for residence
topic-mock-exam = ✏️ Mock A2 exam
topic-adaptation-course = 🎓 Adaptation course
topic-sociocultural-course = 🧭 Socio-cultural course
topic-children-tutoring = 🧒 Tutoring for children
topic-education-counselling = 🏫 Schools and diplomas
topic-social-counselling = 🤝 Social counselling
topic-legal-counselling = ⚖️ Legal counselling
topic-centre-contact-hours = 🕘 Address and hours
topic-centre-services = ℹ️ What the centre does
topic-centre-eligibility = ✅ Who can come
topic-information-centre = 💻 Information centre
topic-events-activities = 🎉 Events and lectures
topic-book-appointment = 📅 Book an appointment
topic-talk-to-human = 🧑‍💼 Talk to a counsellor
topic-subscribe-courses = 📢 Course news

## Urgent legal situations

escalation-intro = This sounds serious, and a person should help you with it. A counsellor of the centre will deal with it personally.
escalation-deadline = If you received a decision, keep it and note the date you got it: appeal deadlines can be as short as 5 or 15 days.
escalation-exploitation =
    Unpaid wages, a passport taken by your employer, threats or forced work: La Strada helps.
    • Call 222 71 71 71 or the free line 800 077 777.
    • If you are in danger now, call 112.
escalation-violence =
    If you are in danger now, call 112 or the police on 158.
    Help for victims of violence and crime, free and non-stop: 116 006 (Bílý kruh bezpečí).
escalation-detention =
    If you or a relative has been detained:
    • Ask for an interpreter.
    • Do not sign anything you do not understand.
    • Keep every paper you get and note the date you got it.
    • Give your family the centre's contact, so they can reach a counsellor.
escalation-asylum = The centre cannot help people whose asylum application has not yet been finally decided. A counsellor will tell you where you can get help.
