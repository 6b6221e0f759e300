# Course news.
courses-info = Centrum pořádá kurzy češtiny (úrovně A1 a A2, s krátkým rozřazovacím testem), adaptačně-integrační kurz „Vítejte v ČR“, zkoušky nanečisto před zkouškou A2, přednášky a akce. Na další termíny se zeptejte v centru: { $address }, otevírací doba: { $hours }.
