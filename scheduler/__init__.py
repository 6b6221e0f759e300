"""Appointment scheduling: services, availability, slots and bookings (free of channels and web)."""
