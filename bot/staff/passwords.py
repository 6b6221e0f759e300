"""Password hashing with argon2id; no password is ever stored, logged or given a default."""

from __future__ import annotations

import functools
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_PASSWORD_LENGTH = 12
# Argon2 accepts any length, so cap it: a megabyte-long "password" would be a cheap way to burn CPU.
MAX_PASSWORD_LENGTH = 1024
GENERATED_PASSWORD_BYTES = 18  # 24 URL-safe characters, about 144 bits

# argon2-cffi's defaults follow RFC 9106's low-memory recommendation; the hasher holds no state.
_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True only for the right password; a mismatch or a malformed stored hash is simply False."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether the hash was made with weaker parameters than today's, so a login can upgrade it."""
    try:
        return _hasher.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


@functools.cache
def _dummy_hash() -> str:
    return _hasher.hash(secrets.token_urlsafe(GENERATED_PASSWORD_BYTES))


def verify_dummy(password: str) -> None:
    """Spend the time of one real verification, so an unknown e-mail answers as slowly as a known one."""
    verify_password(_dummy_hash(), password)


def warm_up() -> None:
    """Compute the dummy hash now, so the first unknown e-mail is not slower than the rest."""
    _dummy_hash()


def generate_password() -> str:
    return secrets.token_urlsafe(GENERATED_PASSWORD_BYTES)


def password_problem(password: str) -> str | None:
    """Why a new password is not acceptable, as a short code; None when it is fine."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return "password-too-short"
    if len(password) > MAX_PASSWORD_LENGTH:
        return "password-too-long"
    return None
