"""`python -m bot staff create-admin EMAIL`: the first admin account, with no default password anywhere."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import sys
from typing import Any

from sqlalchemy.exc import OperationalError

from bot.db import migrate
from bot.db.session import create_engine, create_session_factory
from bot.settings import Settings
from bot.staff import passwords
from bot.staff.models import Role
from bot.staff.service import StaffAccounts, StaffError

PROMPT_ATTEMPTS = 3


class SchemaMissing(RuntimeError):
    """The database has not been migrated, so the staff tables may not exist."""


# One line per refusal, in the words an operator at a terminal needs.
REFUSALS = {
    "email-taken": "a staff account with the e-mail {email} already exists",
    "email-invalid": "{email} does not look like an e-mail address",
    "name-invalid": "the name must be 1 to 120 characters; pass --name 'First Last'",
    "password-too-short": f"the password must have at least {passwords.MIN_PASSWORD_LENGTH} characters",
    "password-too-long": f"the password must have at most {passwords.MAX_PASSWORD_LENGTH} characters",
}


def register(commands: Any) -> None:
    parser = commands.add_parser("staff", help="staff console accounts")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = actions.add_parser("create-admin", help="create an admin account (the first one, or more)")
    create.add_argument("email", metavar="EMAIL")
    create.add_argument("--name", help="display name shown in the console (default: the e-mail's local part)")
    create.add_argument(
        "--generate",
        action="store_true",
        help="generate a strong password and print it once (the default when stdin is not a terminal)",
    )
    create.set_defaults(handler=_create_admin)


def _create_admin(args: argparse.Namespace, settings: Settings) -> int:
    email: str = args.email.strip()
    name: str = args.name if args.name is not None else email.split("@", 1)[0]
    generated = args.generate or not sys.stdin.isatty()
    password = passwords.generate_password() if generated else _ask_password()
    if password is None:
        return 1
    try:
        asyncio.run(_create(settings, email, name, password))
    except StaffError as error:
        print(REFUSALS.get(error.code, error.code).format(email=email.lower()), file=sys.stderr)
        return 1
    except SchemaMissing as error:
        print(f"cannot create the account: {error}", file=sys.stderr)
        return 1
    except (OperationalError, OSError) as error:
        print(f"cannot reach the database: {type(error).__name__}", file=sys.stderr)
        return 1
    print(f"admin account created for {email.lower()}")
    if generated:
        # Printed once and never stored in clear; the hash alone cannot give it back.
        print(f"password (shown only now, write it down): {password}")
    return 0


def _ask_password() -> str | None:
    for _ in range(PROMPT_ATTEMPTS):
        first = getpass.getpass("Password: ")
        if problem := passwords.password_problem(first):
            print(REFUSALS[problem], file=sys.stderr)
            continue
        if getpass.getpass("Repeat the password: ") != first:
            print("the two passwords differ", file=sys.stderr)
            continue
        return first
    print("no password set; nothing was created", file=sys.stderr)
    return None


async def _create(settings: Settings, email: str, name: str, password: str) -> None:
    engine = create_engine(settings.database_url)
    # Alembic announces its dialect at INFO; a refusal should stay one line on the terminal.
    alembic_log = logging.getLogger("alembic.runtime.migration")
    level = alembic_log.level
    alembic_log.setLevel(logging.WARNING)
    try:
        async with engine.connect() as conn:
            if not await conn.run_sync(migrate.is_current):
                raise SchemaMissing("the database is not migrated: run `python -m bot db upgrade` first")
        await StaffAccounts(create_session_factory(engine)).create_staff(email, name, Role.ADMIN, password)
    finally:
        alembic_log.setLevel(level)
        await engine.dispose()
