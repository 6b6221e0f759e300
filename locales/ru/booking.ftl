# Booking, moving and cancelling appointments; reminder answers. Times are shown in Prague time.
booking-choose-service = На что вы хотите записаться? Консультации в центре бесплатные.
booking-service-button = { $name }
booking-location-button = 📍 { $name }
booking-choose-location = Куда вам удобнее прийти ({ $service })?
booking-choose-day =
    { $service }, { $place }. Какой день вам подходит?
    Выберите день ниже или напишите дату, например «24.9.» или «завтра».
booking-choose-new-day =
    { $service }, { $place }. Ваша запись сейчас: { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }.
    На какой день перенести запись? Выберите ниже или напишите дату.
booking-day-button = { DATETIME($day, dateStyle: "full") }
booking-no-free-days = Сейчас в чате нет свободного времени для записи ({ $service }). Обратитесь, пожалуйста, напрямую в центр: { $address }, часы работы: { $hours }.
booking-no-services = Запись в чате пока недоступна. Обратитесь, пожалуйста, напрямую в центр: { $address }, часы работы: { $hours }.
booking-day-passed = { DATETIME($day, dateStyle: "long") } уже прошло.
booking-day-holiday = { DATETIME($day, dateStyle: "long") } — государственный праздник, центр не работает.
booking-day-too-far = Записаться можно не больше чем на { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    } вперёд.
booking-day-no-times = На { DATETIME($day, dateStyle: "long") } свободного времени уже нет.
booking-day-unreadable = Я не нашёл в вашем сообщении правильной даты. Напишите её, пожалуйста, так: «24.9.», или выберите день ниже.
booking-choose-time = Свободное время — { DATETIME($day, dateStyle: "full") } ({ $service }, { $place }). Какое время вам подходит?
booking-no-time-then = В этот день нет свободного времени { $part ->
        [morning] утром
        [afternoon] после обеда
        [evening] вечером
       *[other] в это время
    }, но свободно такое время:
booking-time-button = { DATETIME($at, timeStyle: "short") }
booking-alternative-button = { DATETIME($at, dateStyle: "medium") }, { DATETIME($at, timeStyle: "short") }
booking-later-times = Более позднее время ➡️
booking-other-day = 📅 Другой день
booking-other-service = Другая услуга
booking-check = Проверьте, пожалуйста, вашу запись:
booking-summary =
    • { $service }
    • { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }
    • { $place }, { $address }
booking-confirm = ✅ Подтвердить
booking-change = ✏️ Изменить
booking-booked = Вы записаны.
booking-booked-next = Мы напомним вам за день и за два часа до встречи. Прикреплённый файл можно сохранить в календарь. Если вы не сможете прийти, отмените, пожалуйста, запись в разделе «Мои записи», чтобы это время мог получить кто-то другой.
booking-taken = К сожалению, это время только что занял кто-то другой. Ближайшее свободное время:
booking-taken-nothing-near = К сожалению, это время только что занял кто-то другой.
booking-unavailable = К сожалению, на это время записаться уже нельзя. Выберите, пожалуйста, ещё раз.
booking-full = К сожалению, на это занятие мест больше нет. Хотите записаться в лист ожидания? Если место освободится, мы забронируем его для вас и сообщим.
booking-join-waitlist = 📝 Записаться в лист ожидания
booking-full-sessions = На эти занятия мест нет, но можно записаться в лист ожидания:
booking-waitlist-button = 📝 { DATETIME($at, dateStyle: "medium") }: лист ожидания
booking-waitlist-joined = Вы в листе ожидания. Если место освободится, мы забронируем его для вас и сообщим.
booking-waitlist-already = Вы уже в листе ожидания на это занятие.
booking-waitlist-has-seat = У вас уже есть место на этом занятии.
booking-waitlist-open = На этом занятии сейчас есть свободное место, так что можно записаться сразу.
booking-limit = У вас уже { $max ->
        [one] { $max } запись
        [few] { $max } записи
        [many] { $max } записей
       *[other] { $max } записи
    }, а больше одному человеку одновременно иметь нельзя. Чтобы записаться ещё раз, сначала отмените или перенесите одну из них.
booking-stale = Эта кнопка уже устарела. Давайте начнём сначала.
booking-not-found = Я не нахожу эту запись среди ваших. Возможно, её уже отменили, перенесли или она уже прошла.
booking-same-time = Вы уже записаны на это время. Выберите, пожалуйста, другое.
booking-move-check = Ваша запись ({ DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }) будет перенесена на:
booking-move-confirm = ✅ Перенести запись
booking-moved = Ваша запись перенесена. Новое время:
booking-my-title = Ваши записи:
booking-my-none = У вас нет записей.
booking-my-cancel-which = Какую запись вы хотите отменить?
booking-my-button = 📋 Мои записи
booking-new-button = ➕ Записаться
booking-cancel-button = ❌ Отменить: { DATETIME($at, dateStyle: "medium") }, { DATETIME($at, timeStyle: "short") }
booking-move-button = 🔁 Перенести: { DATETIME($at, dateStyle: "medium") }, { DATETIME($at, timeStyle: "short") }
booking-cancel-question = Вы действительно хотите отменить эту запись?
booking-cancel-yes = Да, отменить
booking-cancel-no = Нет, оставить
booking-cancelled = Ваша запись отменена. Спасибо, что сообщили: теперь это время может получить кто-то другой.
booking-see-you = Спасибо за подтверждение. Ждём вас: { DATETIME($at, dateStyle: "full") }, { DATETIME($at, timeStyle: "short") }.
booking-promoted = Хорошая новость: освободилось место, и мы забронировали его для вас из листа ожидания.
