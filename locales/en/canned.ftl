# Canned replies for counsellors: `canned-<name>` is sent to the client in their language;
# `canned-<name>-title` is the short title the counsellor picks it by. Facts from shared/domain.md only.
canned-ask-decision-title = Ask for the decision's date and a photo
canned-ask-decision = Please write the date on which you received the decision, and send a photo of every page of it here in this chat. The deadline for an appeal runs from the day the decision was delivered, so the date matters.
canned-appeal-deadline-title = Warn about the appeal deadline
canned-appeal-deadline = Please do not wait: an appeal against a refusal must be filed in writing within 15 days of the day the decision was delivered to you, at the office that decided. For an expulsion decision the period is only 5 days. We will help you with it.
canned-bring-documents-title = What to bring to the appointment
canned-bring-documents = Please bring to your appointment your valid residence document with a photo (or your passport) and all letters and decisions you have received from the authorities. Originals are best.
canned-call-back-title = We will call you
canned-call-back = A counsellor will call you. Please write your phone number here and the times when you can talk.
canned-oamp-office-title = Refer to the Ministry's office (OAMP)
canned-oamp-office = Residence permits are decided by the Ministry of the Interior (its Department for Asylum and Migration Policy, OAMP), not by our centre. In Ústí nad Labem its office is at Berní 2261/1. Please check its current opening hours on the Ministry's website (ipc.gov.cz) before you go.
canned-interpreter-title = An interpreter is available
canned-interpreter = Our counselling is free, and we can arrange an interpreter for your appointment. Please tell us which language you need.
canned-closing-title = Closing: thanks
canned-closing = Thank you for writing to us. If you need anything else, just write here again at any time. We wish you all the best.
