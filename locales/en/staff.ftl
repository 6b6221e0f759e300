# Staff console (counsellors, coordinators, admins), not seen by clients.
staff-console-title = Staff console
staff-skip-link = Skip to content
staff-signed-in-as = Signed in as { $name } ({ $role })
staff-logout = Log out
staff-nav-home = Overview
staff-nav-staff = Staff accounts
staff-nav-password = Change password

staff-role-admin = Administrator
staff-role-counsellor = Counsellor
staff-role-coordinator = Coordinator

staff-login-title = Staff login
staff-login-email = E-mail
staff-login-password = Password
staff-login-submit = Log in
staff-login-invalid = Wrong e-mail or password.
staff-login-locked = Too many failed attempts. Try again in { $minutes } minutes.
staff-login-logged-out = You have been logged out.

staff-dashboard-welcome = Hello, { $name }.
staff-dashboard-role = Your role: { $role }
staff-dashboard-pages = Your pages
staff-dashboard-no-pages = There are no pages for your role yet. They will appear here as they are added.

staff-admin-title = Staff accounts
staff-admin-name = Name
staff-admin-email = E-mail
staff-admin-role = Role
staff-admin-last-login = Last login
staff-admin-never = never
staff-admin-inactive = disabled
staff-admin-last-login-at = { DATETIME($at, dateStyle: "medium", timeStyle: "short") }
staff-admin-add-title = Add a staff member
staff-admin-add-submit = Add and create a password
staff-admin-created = The account for { $name } ({ $email }) has been created.
staff-admin-one-time-password = One-time password
staff-admin-password-note = Give this password to { $name } in person, not by e-mail. It is shown only now and cannot be shown again. Ask them to change it after their first login.

staff-password-title = Change password
staff-password-current = Current password
staff-password-new = New password (at least { $min } characters)
staff-password-repeat = New password again
staff-password-submit = Change password
staff-password-changed = Your password has been changed. Your other sessions have been logged out.

staff-error-email-invalid = Enter a valid e-mail address.
staff-error-email-taken = A staff account with this e-mail already exists.
staff-error-name-invalid = Enter a name of 1 to 120 characters.
staff-error-role-invalid = Choose one of the roles.
staff-error-password-too-short = The password must have at least { $min } characters.
staff-error-password-too-long = The password must have at most { $max } characters.
staff-error-password-wrong = The current password is wrong.
staff-error-password-mismatch = The two new passwords differ.

staff-forbidden-title = Access denied
staff-forbidden-csrf = This form has expired or was not sent from this console. Go back, reload the page and try again.
staff-forbidden-role = Your role does not allow this page.
staff-back-home = Back to the overview
