"""Redis keys are built here and only here, in the style of aiogram's KeyBuilder."""

PREFIX = "ibot"


def state_key(user_ref: str) -> str:
    return f"{PREFIX}:conv:{user_ref}:state"


def lock_key(user_ref: str) -> str:
    return f"{PREFIX}:conv:{user_ref}:lock"
