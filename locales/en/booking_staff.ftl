# Messages to clients when the centre changes their appointment (sent by staff from the console).
appt-staff-cancelled = We are sorry: the centre had to cancel your appointment "{ $service }" on { DATETIME($at, dateStyle: "full", timeStyle: "short") } ({ $location }). Please choose a new time.
appt-staff-session-cancelled = The session "{ $service }" on { DATETIME($at, dateStyle: "full", timeStyle: "short") } ({ $location }), for which you were on the waiting list, has been cancelled. You can choose another time.
appt-staff-rebook = Choose a new time
