# Course news subscriptions and the announcements coordinators send.
subscriptions-intro = Choose what news you want to get here. ✅ marks what you already get; press again to stop it.
subscriptions-topic = { $on ->
    [yes] ✅
   *[no] ➕
} { $topic ->
    [czech_courses] Czech courses
    [adaptation_course] Adaptation course
    [exams] Exams
    [events] Lectures and events
   *[news] General news
}
subscriptions-subscribed = Done. You will get news about { $topic ->
    [czech_courses] Czech courses
    [adaptation_course] the adaptation course
    [exams] exams
    [events] lectures and events
   *[news] the centre
} in your language. Your consent was recorded on { DATETIME($at, dateStyle: "long") } at { DATETIME($at, timeStyle: "short") }. You can stop any time with /stop or by typing STOP.
subscriptions-unsubscribed = You will no longer get news about { $topic ->
    [czech_courses] Czech courses
    [adaptation_course] the adaptation course
    [exams] exams
    [events] lectures and events
   *[news] the centre
}.
subscriptions-list-button = 📋 What am I subscribed to?
subscriptions-list-title = You get news about:
subscriptions-list-item = • { $topic ->
    [czech_courses] Czech courses
    [adaptation_course] Adaptation course
    [exams] Exams
    [events] Lectures and events
   *[news] General news
} (since { DATETIME($since, dateStyle: "medium") })
subscriptions-list-location = Only news of the branch: { $place }
subscriptions-none = You are not subscribed to any news.
subscriptions-choose-button = 📢 Choose news
subscriptions-stop-button = 🔕 Stop all news
subscriptions-stopped = All news is stopped. We will not send you any more announcements.
subscriptions-stop-words = stop, unsubscribe
subscriptions-location-button = 📍 Branch
subscriptions-location-choose = News of which branch do you want?
subscriptions-location-item = { $place }
subscriptions-location-any = All branches
subscriptions-location-set = { $place ->
    [any] You will get news of all branches.
   *[other] You will get only news of the branch { $place }.
}
# The coordinator's own words, inserted verbatim by the translator (never formatted by Fluent).
broadcast-message = { $text }
broadcast-more-info = More information: { $url }
broadcast-sign-up = ✍️ Sign me up
broadcast-manage = ⚙️ My news settings
