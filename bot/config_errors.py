"""Turns a pydantic ValidationError about settings into one line a person can act on."""

from __future__ import annotations

from pydantic import ValidationError


def describe_settings_error(error: ValidationError) -> str:
    """One line per problem, naming the environment variable, never a traceback."""
    lines = []
    for problem in error.errors():
        location = [str(part) for part in problem.get("loc", ()) if not isinstance(part, int)]
        variable = location[0].upper() if location else "configuration"
        message = problem.get("msg", "invalid value").removeprefix("Value error, ")
        lines.append(f"Configuration error: {variable}: {message}")
    return "\n".join(lines)
