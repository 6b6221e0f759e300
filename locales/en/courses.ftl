# Course news.
courses-info = The centre runs Czech courses (levels A1 and A2, with a short placement test), the adaptation-integration course "Vítejte v ČR", mock exams for the A2 exam, lectures and events. Ask at the centre for the next dates: { $address }, opening hours: { $hours }.
courses-czech =
    { $level ->
        [a1] Czech for beginners (A1):
        [a2] Czech for lower intermediate learners (A2):
       *[other] Czech courses:
    } the centre usually runs them free of charge, sometimes with a deposit you get back. A short placement test shows which group fits you.
    Dates change. { $subscribed ->
        [yes] You already get news about Czech courses: we will write to you when a new course starts.
       *[no] Press ➕ and we will write to you here when a new course starts.
    } Or ask at the centre: { $address }, opening hours: { $hours }.
