"""Database plumbing: declarative Base, engine and session factories, Alembic migrations."""
