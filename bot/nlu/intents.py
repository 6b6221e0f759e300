"""The intent taxonomy of shared/intents.md: fixed names and what the assistant does with each."""

from __future__ import annotations

from enum import StrEnum


class Intent(StrEnum):
    RESIDENCE_TYPES = "residence_types"
    RESIDENCE_EXTEND = "residence_extend"
    RESIDENCE_PERMANENT = "residence_permanent"
    EMPLOYEE_CARD = "employee_card"
    FAMILY_REUNIFICATION = "family_reunification"
    REPORT_ADDRESS_CHANGE = "report_address_change"
    REPORT_DOCUMENT_CHANGE = "report_document_change"
    TEMPORARY_PROTECTION = "temporary_protection"
    HEALTH_INSURANCE = "health_insurance"
    MOI_OFFICE_INFO = "moi_office_info"
    CZECH_COURSE_INFO = "czech_course_info"
    EXAM_PERMANENT_RESIDENCE = "exam_permanent_residence"
    MOCK_EXAM = "mock_exam"
    ADAPTATION_COURSE = "adaptation_course"
    SOCIOCULTURAL_COURSE = "sociocultural_course"
    CHILDREN_TUTORING = "children_tutoring"
    EDUCATION_COUNSELLING = "education_counselling"
    SOCIAL_COUNSELLING = "social_counselling"
    LEGAL_COUNSELLING = "legal_counselling"
    CENTRE_CONTACT_HOURS = "centre_contact_hours"
    CENTRE_SERVICES = "centre_services"
    CENTRE_ELIGIBILITY = "centre_eligibility"
    INFORMATION_CENTRE = "information_centre"
    EVENTS_ACTIVITIES = "events_activities"
    BOOK_APPOINTMENT = "book_appointment"
    CANCEL_APPOINTMENT = "cancel_appointment"
    MY_APPOINTMENTS = "my_appointments"
    TALK_TO_HUMAN = "talk_to_human"
    SUBSCRIBE_COURSES = "subscribe_courses"
    CHANGE_LANGUAGE = "change_language"
    GREET = "greet"
    GOODBYE = "goodbye"
    THANKS = "thanks"
    LEGAL_PERMIT_REFUSED_APPEAL = "legal_permit_refused_appeal"
    LEGAL_EXPULSION = "legal_expulsion"
    LEGAL_DETENTION = "legal_detention"
    LEGAL_LABOUR_EXPLOITATION = "legal_labour_exploitation"
    LEGAL_DOMESTIC_VIOLENCE = "legal_domestic_violence"
    LEGAL_ASYLUM = "legal_asylum"
    OUT_OF_SCOPE = "out_of_scope"

    @property
    def escalates(self) -> bool:
        """Complex legal matters always go to a person, never to a canned answer."""
        return self in ESCALATION_INTENTS

    @property
    def is_flow(self) -> bool:
        return self in FLOW_INTENTS


ESCALATION_INTENTS = frozenset(
    i for i in Intent if i.value.startswith("legal_") and i is not Intent.LEGAL_COUNSELLING
)
FLOW_INTENTS = frozenset(
    {
        Intent.BOOK_APPOINTMENT,
        Intent.CANCEL_APPOINTMENT,
        Intent.MY_APPOINTMENTS,
        Intent.TALK_TO_HUMAN,
        Intent.SUBSCRIBE_COURSES,
        Intent.CHANGE_LANGUAGE,
    }
)
SMALL_TALK_INTENTS = frozenset({Intent.GREET, Intent.GOODBYE, Intent.THANKS})
# FAQ topics: answered from locales/*/faq.ftl.
ANSWER_INTENTS = frozenset(Intent) - ESCALATION_INTENTS - FLOW_INTENTS - {Intent.OUT_OF_SCOPE}
# What "did you mean" may offer as buttons (each has a `topic-*` label).
SUGGESTABLE_INTENTS = (ANSWER_INTENTS - SMALL_TALK_INTENTS) | {
    Intent.BOOK_APPOINTMENT,
    Intent.TALK_TO_HUMAN,
    Intent.SUBSCRIBE_COURSES,
}
