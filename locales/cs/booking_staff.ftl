# Messages to clients when the centre changes their appointment (sent by staff from the console).
appt-staff-cancelled = Omlouváme se: centrum muselo zrušit vaši schůzku „{ $service }“ { DATETIME($at, dateStyle: "full", timeStyle: "short") } ({ $location }). Vyberte si prosím nový termín.
appt-staff-session-cancelled = Termín „{ $service }“ { DATETIME($at, dateStyle: "full", timeStyle: "short") } ({ $location }), na který jste čekali v pořadníku, byl zrušen. Můžete si vybrat jiný termín.
appt-staff-rebook = Vybrat nový termín
