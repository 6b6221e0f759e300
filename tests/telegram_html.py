"""What a Telegram chat shows for a message text sent with parse_mode HTML, as strict as the Bot API.

https://core.telegram.org/bots/api#html-style: only the listed tags; every other `<`, `>` and `&` must be
an entity (`&lt;` `&gt;` `&amp;` `&quot;` or numeric). Anything else is refused with
"can't parse entities", as Telegram does, so a test sees an unescaped text fail instead of pass.
"""

from __future__ import annotations

import re

TAGS = frozenset(
    {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre"}
    | {"tg-emoji", "blockquote"}
)
ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TOKEN = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*>|&(#[0-9]+|#x[0-9A-Fa-f]+|[a-z]+);|[<>&]")


class EntityError(ValueError):
    """Telegram's "Bad Request: can't parse entities: ..."."""


def shown_text(text: str) -> str:
    """The text of an HTML-mode message as the chat shows it (tags gone, entities decoded)."""
    out: list[str] = []
    open_tags: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        out.append(text[position : match.start()])
        position = match.end()
        closing, tag, entity = match.group(1), match.group(2), match.group(3)
        if tag is not None:
            name = tag.lower()
            if name not in TAGS:
                raise EntityError(f'Unsupported start tag "{name}" at byte offset {match.start()}')
            if closing:
                if not open_tags or open_tags.pop() != name:
                    raise EntityError(f'Unmatched end tag at byte offset {match.start()}, expected "{name}"')
            else:
                open_tags.append(name)
        elif entity is not None:
            out.append(_decode(entity, match.start()))
        else:
            raise EntityError(f"Unexpected {match.group(0)!r} at byte offset {match.start()}")
    if open_tags:
        raise EntityError(f'Can\'t find end tag corresponding to start tag "{open_tags[-1]}"')
    out.append(text[position:])
    return "".join(out)


def _decode(entity: str, offset: int) -> str:
    if entity.startswith("#x"):
        return chr(int(entity[2:], 16))
    if entity.startswith("#"):
        return chr(int(entity[1:]))
    if entity not in ENTITIES:
        raise EntityError(f'Unsupported HTML entity "&{entity};" at byte offset {offset}')
    return ENTITIES[entity]
