"""Helpers that keep personal data out of logs."""

import hashlib


def anon_ref(user_ref: str) -> str:
    """`tg:123` -> `tg:5d41402abc4b`: enough to follow one conversation in logs, not to find the person."""
    channel, _, external_id = user_ref.partition(":")
    digest = hashlib.sha256(external_id.encode()).hexdigest()[:12]
    return f"{channel}:{digest}"
