"""Clients: their channel identities, locale, consent, conversations and message transcript."""
