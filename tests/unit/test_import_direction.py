"""The layering of STYLE.md, checked on the source: dialogs and domain code stay channel-free."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot.paths import REPO_ROOT

FRAMEWORKS = ("aiogram", "aiohttp", "redis", "starlette", "fastapi", "uvicorn", "httpx", "jinja2")
RULES = {
    "dialogs": FRAMEWORKS,
    "scheduler": FRAMEWORKS,
    "counselling": (*FRAMEWORKS, "dialogs", "bot.web", "bot.channels.telegram"),
    "broadcasts": FRAMEWORKS,
    "bot/core": (
        "aiogram",
        "aiohttp",
        "starlette",
        "fastapi",
        "uvicorn",
        "httpx",
        "dialogs",
        "bot.channels.telegram",
        "bot.web",
    ),
    "bot/clients": (*FRAMEWORKS, "dialogs", "bot.core"),
    "bot/staff": (*FRAMEWORKS, "dialogs"),
    "bot/channels/base.py": FRAMEWORKS,
}


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize(("area", "forbidden"), RULES.items())
def test_area_does_not_import_forbidden_layers(area: str, forbidden: tuple[str, ...]) -> None:
    root = REPO_ROOT / area
    files = [root] if root.is_file() else sorted(root.rglob("*.py"))
    assert files, area
    offenders = [
        f"{path.relative_to(REPO_ROOT)} imports {name}"
        for path in files
        for name in imported_modules(path)
        if any(name == bad or name.startswith(bad + ".") for bad in forbidden)
    ]
    assert offenders == []
