"""Builds the NLU parts from the repository's content: model (trained if missing or stale) and policy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.nlu.artefact import ensure_artefact
from bot.nlu.entities import Gazetteer
from bot.nlu.langid import SUPPORTED
from bot.nlu.parser import NluParser
from bot.nlu.policy import EscalationKeywords, Policy
from bot.paths import NLU_DATA_DIR


@dataclass(frozen=True)
class Understanding:
    parser: NluParser
    policy: Policy
    gazetteer: Gazetteer


def load_understanding(model_path: Path, data_dir: Path = NLU_DATA_DIR) -> Understanding:
    artefact = ensure_artefact(data_dir, SUPPORTED, model_path)
    return Understanding(
        parser=NluParser(artefact),
        policy=Policy(EscalationKeywords.load(data_dir / "escalation_keywords.yml")),
        gazetteer=Gazetteer.load(data_dir / "gazetteer.yml"),
    )
