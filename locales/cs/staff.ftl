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
