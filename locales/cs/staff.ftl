# Staff console (counsellors, coordinators, admins), not seen by clients.
staff-console-title = Konzole pro pracovníky
staff-skip-link = Přejít na obsah
staff-signed-in-as = Přihlášený uživatel: { $name } ({ $role })
staff-logout = Odhlásit se
staff-nav-home = Přehled
staff-nav-staff = Účty pracovníků
staff-nav-password = Změnit heslo

staff-role-admin = Správce
staff-role-counsellor = Konzultant
staff-role-coordinator = Koordinátor

staff-login-title = Přihlášení pracovníků
staff-login-email = E-mail
staff-login-password = Heslo
staff-login-submit = Přihlásit se
staff-login-invalid = Nesprávný e-mail nebo heslo.
staff-login-locked = Příliš mnoho neúspěšných pokusů. Zkuste to znovu za { $minutes } { $minutes ->
        [one] minutu
        [few] minuty
       *[other] minut
    }.
staff-login-logged-out = Byli jste odhlášeni.

staff-dashboard-welcome = Dobrý den, { $name }.
staff-dashboard-role = Vaše role: { $role }
staff-dashboard-pages = Vaše stránky
staff-dashboard-no-pages = Pro vaši roli zatím nejsou žádné stránky. Objeví se zde, jakmile budou přidány.

staff-admin-title = Účty pracovníků
staff-admin-name = Jméno
staff-admin-email = E-mail
staff-admin-role = Role
staff-admin-last-login = Poslední přihlášení
staff-admin-never = nikdy
staff-admin-inactive = zablokováno
staff-admin-last-login-at = { DATETIME($at, dateStyle: "medium", timeStyle: "short") }
staff-admin-add-title = Přidat pracovníka
staff-admin-add-submit = Přidat a vytvořit heslo
staff-admin-created = Účet pro { $name } ({ $email }) byl vytvořen.
staff-admin-one-time-password = Jednorázové heslo
staff-admin-password-note = Heslo předejte držiteli účtu ({ $name }) osobně, ne e-mailem. Zobrazuje se jen teď a znovu zobrazit nepůjde. Požádejte ho, aby si heslo po prvním přihlášení změnil.

staff-password-title = Změna hesla
staff-password-current = Současné heslo
staff-password-new = Nové heslo (alespoň { $min } znaků)
staff-password-repeat = Nové heslo znovu
staff-password-submit = Změnit heslo
staff-password-changed = Heslo bylo změněno. Vaše ostatní přihlášení byla ukončena.

staff-error-email-invalid = Zadejte platnou e-mailovou adresu.
staff-error-email-taken = Účet pracovníka s tímto e-mailem už existuje.
staff-error-name-invalid = Zadejte jméno o délce 1 až 120 znaků.
staff-error-role-invalid = Vyberte jednu z rolí.
staff-error-password-too-short = Heslo musí mít alespoň { $min } znaků.
staff-error-password-too-long = Heslo smí mít nejvýše { $max } znaků.
staff-error-password-wrong = Současné heslo není správné.
staff-error-password-mismatch = Nová hesla se neshodují.

staff-forbidden-title = Přístup odepřen
staff-forbidden-csrf = Platnost formuláře vypršela, nebo nebyl odeslán z této konzole. Vraťte se zpět, obnovte stránku a zkuste to znovu.
staff-forbidden-role = Vaše role k této stránce nemá přístup.
staff-back-home = Zpět na přehled

staff-nav-agenda = Diář
staff-nav-availability = Pracovní doba
staff-forbidden-other-agenda = Můžete vidět jen svůj vlastní diář.
staff-forbidden-other-client = Rezervace můžete vidět jen u klientů, kteří se objednali k vám.

staff-status = { $status ->
    [booked] Objednáno
    [attended] Přišel/přišla
    [no_show] Nepřišel/nepřišla
   *[cancelled] Zrušeno
}
staff-weekday = { $day ->
    [0] pondělí
    [1] úterý
    [2] středa
    [3] čtvrtek
    [4] pátek
    [5] sobota
   *[6] neděle
}
staff-kind = { $kind ->
    [off] Volno
   *[extra] Hodiny navíc
}

staff-agenda-title = Diář
staff-agenda-day = Den
staff-agenda-view = Období
staff-agenda-view-day = jeden den
staff-agenda-view-week = celý týden
staff-agenda-counsellor = Konzultant
staff-agenda-all = Všichni konzultanti
staff-agenda-show = Zobrazit
staff-agenda-previous = ← Předchozí
staff-agenda-today = Dnes
staff-agenda-next = Další →
staff-agenda-date = { DATETIME($day, dateStyle: "full") }
staff-agenda-time = { DATETIME($starts, timeStyle: "short") }–{ DATETIME($ends, timeStyle: "short") }
staff-agenda-empty-day = Žádné schůzky.
staff-agenda-seats = Obsazená místa: { $taken } z { $capacity }
staff-agenda-client = Klient č. { $client }
staff-agenda-mark-attended = Přišel/přišla
staff-agenda-mark-no-show = Nepřišel/nepřišla
staff-agenda-marked = Uloženo: klient č. { $client } – { $status }.
staff-agenda-cancel-submit = Zrušit tuto schůzku
staff-agenda-cancel-note = Každý klient dostane zprávu ve svém jazyce s tlačítkem pro výběr nového termínu. Čas se uzavře pro nové rezervace; správce ho může znovu otevřít na stránce pracovní doby.
staff-agenda-cancel-reason = Důvod (zůstane v záznamu, klientům se neposílá)
staff-agenda-cancelled = Schůzka je zrušena: { $count ->
    [one] { $count } rezervace
    [few] { $count } rezervace
   *[other] { $count } rezervací
}; { $told ->
    [one] { $told } klient dostal zprávu.
    [few] { $told } klienti dostali zprávu.
   *[other] { $told } klientů dostalo zprávu.
}
staff-agenda-unreached = Těmto klientům se nepodařilo poslat zprávu v chatu; kontaktujte je jinak: { $clients }
staff-agenda-not-linked = Váš účet zatím není propojen s konzultantem. Požádejte správce, aby ho propojil na stránce pracovní doby.

staff-availability-title = Pracovní doba
staff-availability-open = Otevřít
staff-availability-no-counsellors = Zatím tu nejsou žádní konzultanti. Správce je nahraje příkazem `python -m bot scheduler import FILE`.
staff-availability-inactive = klientům se nenabízí
staff-availability-languages = Jazyky: { $languages }
staff-availability-services = Služby: { $services }
staff-availability-account = Účet v konzoli, který vidí tento diář
staff-availability-no-account = žádný
staff-availability-link-submit = Uložit účet
staff-availability-deactivate = Přestat nabízet tohoto konzultanta
staff-availability-activate = Znovu nabízet tohoto konzultanta
staff-availability-deactivated = { $name } se už klientům nenabízí.
staff-availability-activated = { $name } se klientům znovu nabízí.
staff-availability-ahead-title = Nadcházející schůzky
staff-availability-ahead-item = { DATETIME($at, dateStyle: "full", timeStyle: "short") }: { $service }
staff-availability-weekly-title = Týdenní pracovní doba
staff-availability-times-hint = Časy jsou pražský čas, po 5 minutách. Už objednané schůzky při změně pracovní doby zůstávají.
staff-availability-weekday = Den v týdnu
staff-availability-hours = Čas
staff-availability-from = Od
staff-availability-to = Do
staff-availability-location = Místo
staff-availability-service = Služba
staff-availability-any-service = kterákoli z jeho služeb
staff-availability-valid = Platnost
staff-availability-valid-from = Platí od (nepovinné)
staff-availability-valid-until = Platí do (nepovinné)
staff-availability-always = stále
staff-availability-remove = Odebrat
staff-availability-no-rules = Zatím žádná týdenní pracovní doba.
staff-availability-add-rule = Přidat týdenní pracovní dobu
staff-availability-exceptions-title = Výjimky od dneška
staff-availability-day = Den
staff-availability-kind = Druh
staff-availability-whole-day = celý den
staff-availability-note = Poznámka
staff-availability-no-exceptions = Žádné nadcházející výjimky.
staff-availability-add-exception = Přidat výjimku
staff-availability-exception-hint = Volno: pro celý den nechte oba časy prázdné. Hodiny navíc potřebují místo a oba časy.
staff-availability-saved = Uloženo.
staff-availability-still-booked = { $count ->
    [one] V tomto volnu je stále objednaný { $count } klient.
    [few] V tomto volnu jsou stále objednaní { $count } klienti.
   *[other] V tomto volnu je stále objednaných { $count } klientů.
} Zrušte tyto schůzky v diáři, aby se to klienti dozvěděli.

staff-history-title = Rezervace klienta č. { $client }
staff-history-language = Jazyk konverzace: { $language }
staff-history-upcoming = Nadcházející
staff-history-past = Minulé
staff-history-none = Žádné.
staff-history-when = Kdy
staff-history-status = Stav
staff-history-booked-at = Objednáno dne
staff-history-at = { DATETIME($at, dateStyle: "medium", timeStyle: "short") }
staff-history-cancelled-by = { $by ->
    [client] zrušil klient
    [counsellor] zrušil konzultant
   *[other] zrušilo centrum
}

staff-error-not-found = Tato položka už neexistuje. Načtěte stránku znovu.
staff-error-not-started = Účast lze zapsat až po začátku schůzky.
staff-error-booking-cancelled = Tato rezervace byla zrušena; účast se nezapisuje.
staff-error-bad-choice = Vyberte jednu z nabízených možností.
staff-error-already-started = Tato schůzka už začala a nelze ji zrušit. Zapište místo toho účast.
staff-error-reason-missing = Napište důvod zrušení.
staff-error-future-bookings = { $count ->
    [one] U tohoto konzultanta je dopředu objednaný { $count } klient.
    [few] U tohoto konzultanta jsou dopředu objednaní { $count } klienti.
   *[other] U tohoto konzultanta je dopředu objednaných { $count } klientů.
} Nejdřív zrušte tyto schůzky (seznam níže), aby se to klienti dozvěděli, a pak to zkuste znovu.
staff-error-bad-time = Zadejte čas, například 09:30, po 5 minutách.
staff-error-bad-day = Zadejte existující datum, například 2026-03-09.
staff-error-time-order = Začátek musí být před koncem.
staff-error-validity-order = „Platí od“ nesmí být po „Platí do“.
staff-error-overlap = Tento čas se v ten den překrývá s jinou týdenní pracovní dobou tohoto konzultanta.
staff-error-service-not-offered = Tento konzultant tuto službu neposkytuje.
staff-error-extra-incomplete = Hodiny navíc potřebují místo, začátek a konec.
staff-error-times-incomplete = Zadejte oba časy, nebo žádný pro celý den.
staff-error-past-day = Ten den už uplynul.
