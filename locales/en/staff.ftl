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

staff-nav-agenda = Agenda
staff-nav-availability = Availability
staff-forbidden-other-agenda = You can see only your own agenda.
staff-forbidden-other-client = You can see the bookings only of clients who booked an appointment with you.

staff-status = { $status ->
    [booked] Booked
    [attended] Attended
    [no_show] No-show
   *[cancelled] Cancelled
}
staff-weekday = { $day ->
    [0] Monday
    [1] Tuesday
    [2] Wednesday
    [3] Thursday
    [4] Friday
    [5] Saturday
   *[6] Sunday
}
staff-kind = { $kind ->
    [off] Time off
   *[extra] Extra hours
}

staff-agenda-title = Agenda
staff-agenda-day = Day
staff-agenda-view = Period
staff-agenda-view-day = one day
staff-agenda-view-week = the whole week
staff-agenda-counsellor = Counsellor
staff-agenda-all = All counsellors
staff-agenda-show = Show
staff-agenda-previous = ← Previous
staff-agenda-today = Today
staff-agenda-next = Next →
staff-agenda-date = { DATETIME($day, dateStyle: "full") }
staff-agenda-time = { DATETIME($starts, timeStyle: "short") }–{ DATETIME($ends, timeStyle: "short") }
staff-agenda-empty-day = No appointments.
staff-agenda-seats = Seats taken: { $taken } of { $capacity }
staff-agenda-client = Client #{ $client }
staff-agenda-mark-attended = Came
staff-agenda-mark-no-show = Did not come
staff-agenda-marked = Saved: client #{ $client } – { $status }.
staff-agenda-cancel-submit = Cancel this appointment
staff-agenda-cancel-note = Each client gets a message in their language with a button to choose a new time. The time is closed for new bookings; an administrator can open it again on the availability page.
staff-agenda-cancel-reason = Reason (kept in the log, not sent to the clients)
staff-agenda-cancelled = The appointment is cancelled: { $count ->
    [one] one booking
   *[other] { $count } bookings
}; { $told ->
    [one] one client has
   *[other] { $told } clients have
} been told.
staff-agenda-unreached = These clients could not be reached through the chat; contact them another way: { $clients }
staff-agenda-not-linked = Your account is not linked to a counsellor yet. Ask an administrator to link it on the availability page.

staff-availability-title = Availability
staff-availability-open = Open
staff-availability-no-counsellors = There are no counsellors yet. An administrator imports them with `python -m bot scheduler import FILE`.
staff-availability-inactive = not offered to clients
staff-availability-languages = Languages: { $languages }
staff-availability-services = Services: { $services }
staff-availability-account = Console account that sees this agenda
staff-availability-no-account = none
staff-availability-link-submit = Save the account
staff-availability-deactivate = Stop offering this counsellor
staff-availability-activate = Offer this counsellor again
staff-availability-deactivated = { $name } is no longer offered to clients.
staff-availability-activated = { $name } is offered to clients again.
staff-availability-ahead-title = Appointments ahead
staff-availability-ahead-item = { DATETIME($at, dateStyle: "full", timeStyle: "short") }: { $service }
staff-availability-weekly-title = Weekly hours
staff-availability-times-hint = Times are Prague time, in steps of 5 minutes. Appointments already booked stay booked when hours change.
staff-availability-weekday = Weekday
staff-availability-hours = Hours
staff-availability-from = From
staff-availability-to = To
staff-availability-location = Place
staff-availability-service = Service
staff-availability-any-service = any of their services
staff-availability-valid = Valid
staff-availability-valid-from = Valid from (optional)
staff-availability-valid-until = Valid until (optional)
staff-availability-always = always
staff-availability-remove = Remove
staff-availability-no-rules = No weekly hours yet.
staff-availability-add-rule = Add weekly hours
staff-availability-exceptions-title = Exceptions from today on
staff-availability-day = Day
staff-availability-kind = Kind
staff-availability-whole-day = the whole day
staff-availability-note = Note
staff-availability-no-exceptions = No exceptions ahead.
staff-availability-add-exception = Add an exception
staff-availability-exception-hint = Time off: leave both times empty for the whole day. Extra hours need a place and both times.
staff-availability-saved = Saved.
staff-availability-still-booked = { $count ->
    [one] One client is
   *[other] { $count } clients are
} still booked in this time off. Cancel those appointments in the agenda so that the clients are told.

staff-history-title = Bookings of client #{ $client }
staff-history-language = Language of the conversation: { $language }
staff-history-upcoming = Upcoming
staff-history-past = Past
staff-history-none = None.
staff-history-when = When
staff-history-status = Status
staff-history-booked-at = Booked on
staff-history-at = { DATETIME($at, dateStyle: "medium", timeStyle: "short") }
staff-history-cancelled-by = { $by ->
    [client] by the client
    [counsellor] by the counsellor
   *[other] by the centre
}

staff-error-not-found = This item no longer exists. Reload the page.
staff-error-not-started = Attendance can be marked only once the appointment has begun.
staff-error-booking-cancelled = This booking was cancelled; there is no attendance to mark.
staff-error-bad-choice = Choose one of the offered options.
staff-error-already-started = This appointment has already begun and cannot be cancelled. Mark the attendance instead.
staff-error-reason-missing = Write the reason for the cancellation.
staff-error-future-bookings = { $count ->
    [one] One client is
   *[other] { $count } clients are
} booked with this counsellor ahead. Cancel those appointments first (listed below) so that the clients are told, then try again.
staff-error-bad-time = Enter a time such as 09:30, in steps of 5 minutes.
staff-error-bad-day = Enter a date that exists, such as 2026-03-09.
staff-error-time-order = The start must be before the end.
staff-error-validity-order = "Valid from" must not be after "valid until".
staff-error-overlap = These hours overlap other weekly hours of this counsellor on that day.
staff-error-service-not-offered = This counsellor does not offer that service.
staff-error-extra-incomplete = Extra hours need a place, a start and an end.
staff-error-times-incomplete = Give both times, or neither for the whole day.
staff-error-past-day = That day has already passed.
