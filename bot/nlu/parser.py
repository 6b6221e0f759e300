"""NluParser: one message in, its language and ranked intents out, in a few milliseconds."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING

from bot.nlu.fast_inference import TextClassifier
from bot.nlu.intents import Intent
from bot.nlu.langid import LanguageGuess, LanguageIdentifier, build_lingua
from bot.nlu.normalise import canonical, clean, fold

if TYPE_CHECKING:
    from bot.nlu.artefact import ModelArtefact

# Long messages are classified on their beginning: it keeps a 10,000-character message inside the
# latency target, and people put their question first.
MAX_PARSE_CHARS = 1_000


@dataclass(frozen=True)
class Parse:
    text: str
    language: LanguageGuess
    ranking: tuple[tuple[Intent, float], ...]
    # canonical(text), which the parser has anyway; None in a Parse made by hand. Not part of equality:
    # it follows from `text`.
    folded: str | None = field(default=None, repr=False, compare=False)

    @property
    def canonical(self) -> str:
        """The text as the intent model and the escalation keywords see it."""
        return canonical(self.text) if self.folded is None else self.folded

    @property
    def top(self) -> tuple[Intent, float]:
        return self.ranking[0]

    def probability(self, intent: Intent) -> float:
        return next((p for i, p in self.ranking if i is intent), 0.0)


class NluParser:
    def __init__(self, artefact: ModelArtefact) -> None:
        self._intents = TextClassifier(artefact.models.intent_model)
        self._classes = [Intent(name) for name in self._intents.classes_]
        models = artefact.models
        self._language = LanguageIdentifier(models.language_model, build_lingua(), models.vocabulary)

    def parse(self, text: str) -> Parse:
        text = text[:MAX_PARSE_CHARS]
        # Each normal form once per message: language id, its word check, both tf-idf blocks of the
        # intent model (canonical() is their preprocessor) and the policy's keywords all use them.
        cleaned = clean(text)
        folded = fold(cleaned)
        language = self._language.identify(text, cleaned, folded)
        probabilities = self._intents.predict_proba(text, {canonical: folded})
        # Most likely first; the sort is stable with reverse=True too, so ties keep the classes' order.
        scored = zip(self._classes, probabilities.tolist(), strict=True)
        ranking = tuple(sorted(scored, key=itemgetter(1), reverse=True))
        return Parse(text=text, language=language, ranking=ranking, folded=folded)
