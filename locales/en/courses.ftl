# Course news.
courses-info = The centre runs Czech courses (levels A1 and A2, with a short placement test), the adaptation-integration course "Vítejte v ČR", mock exams for the A2 exam, lectures and events. Ask at the centre for the next dates: { $address }, opening hours: { $hours }.
