# Messages to clients when the centre changes their appointment (sent by staff from the console).
appt-staff-cancelled = На жаль, центр мусив скасувати вашу зустріч «{ $service }» { DATETIME($at, dateStyle: "full", timeStyle: "short") } ({ $location }). Будь ласка, виберіть новий час.
appt-staff-session-cancelled = Заняття «{ $service }» { DATETIME($at, dateStyle: "full", timeStyle: "short") } ({ $location }), на яке ви чекали в списку очікування, скасовано. Ви можете вибрати інший час.
appt-staff-rebook = Вибрати новий час
