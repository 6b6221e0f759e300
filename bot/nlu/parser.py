"""NluParser: one message in, its language and ranked intents out, in a few milliseconds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.nlu.fast_inference import TextClassifier
from bot.nlu.intents import Intent
from bot.nlu.langid import LanguageGuess, LanguageIdentifier, build_lingua

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
        language = self._language.identify(text)
        probabilities = self._intents.predict_proba(text)
        ranking = tuple(
            sorted(
                ((self._classes[i], float(p)) for i, p in enumerate(probabilities)), key=lambda item: -item[1]
            )
        )
        return Parse(text=text, language=language, ranking=ranking)
