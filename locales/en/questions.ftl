# Questions: the topics the assistant can answer about.
questions-intro = Write your question in your own words, in any of my languages. I know about these topics:
questions-topics =
    • residence: visas, long-term and permanent residence, extensions, the employee card, temporary protection, reporting a new address
    • Czech courses, the A2 exam for permanent residence, mock exams and the adaptation-integration course
    • social and legal counselling at the centre
    • the centre itself: address, opening hours, who can come
questions-urgent = If your permit was refused, you received an expulsion order, somebody is detained, or you face violence or exploitation, choose "Talk to a counsellor" straight away.
