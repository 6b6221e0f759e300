"""Course announcements: client subscriptions, coordinator broadcasts and their durable outbox."""
