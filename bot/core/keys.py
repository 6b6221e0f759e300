"""Redis keys are built here and only here, in the style of aiogram's KeyBuilder."""

PREFIX = "ibot"


def state_key(user_ref: str) -> str:
    return f"{PREFIX}:conv:{user_ref}:state"


def lock_key(user_ref: str) -> str:
    return f"{PREFIX}:conv:{user_ref}:lock"


def whatsapp_choices_key(user_ref: str) -> str:
    return f"{PREFIX}:wa:{user_ref}:choices"


def whatsapp_flag_key(user_ref: str) -> str:
    return f"{PREFIX}:wa:{user_ref}:flag"
