"""The staff console: login, sessions, CSRF and role checks around the pages each capability adds."""
