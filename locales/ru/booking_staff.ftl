# Messages to clients when the centre changes their appointment (sent by staff from the console).
appt-staff-cancelled = К сожалению, центру пришлось отменить вашу встречу «{ $service }» { DATETIME($at, dateStyle: "full", timeStyle: "short") } ({ $location }). Пожалуйста, выберите новое время.
appt-staff-session-cancelled = Занятие «{ $service }» { DATETIME($at, dateStyle: "full", timeStyle: "short") } ({ $location }), которого вы ждали в листе ожидания, отменено. Вы можете выбрать другое время.
appt-staff-rebook = Выбрать новое время
