"""The trained model as a versioned file: saved by `nlu train`, loaded at start, retrained when stale."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import joblib
import sklearn
import structlog

from bot.nlu.loader import data_fingerprint, load_training_data
from bot.nlu.training import TrainedModels, train

log = structlog.get_logger(__name__)

# Bump when features or the file layout change, so old artefacts are retrained, never misread.
FORMAT_VERSION = 3


@dataclass(frozen=True)
class ModelArtefact:
    models: TrainedModels
    fingerprint: str
    format_version: int
    sklearn_version: str
    trained_at: float
    training_seconds: float


def expected_fingerprint(data_dir: Path) -> str:
    return f"{FORMAT_VERSION}:{sklearn.__version__}:{data_fingerprint(data_dir)}"


def train_artefact(data_dir: Path, languages: tuple[str, ...], path: Path) -> ModelArtefact:
    started = time.perf_counter()
    examples = load_training_data(data_dir, languages)
    models = train(examples)
    artefact = ModelArtefact(
        models=models,
        fingerprint=expected_fingerprint(data_dir),
        format_version=FORMAT_VERSION,
        sklearn_version=sklearn.__version__,
        trained_at=time.time(),
        training_seconds=time.perf_counter() - started,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    joblib.dump(artefact, tmp)
    tmp.replace(path)  # atomic: a crash mid-write never leaves a half model behind
    log.info(
        "nlu_trained", examples=models.examples, seconds=round(artefact.training_seconds, 1), path=str(path)
    )
    return artefact


def load_artefact(path: Path) -> ModelArtefact | None:
    if not path.exists():
        return None
    try:
        loaded: Any = joblib.load(path)
    except Exception:
        log.warning("nlu_artefact_unreadable", path=str(path), exc_info=True)
        return None
    return loaded if isinstance(loaded, ModelArtefact) else None


def ensure_artefact(data_dir: Path, languages: tuple[str, ...], path: Path) -> ModelArtefact:
    """Load the model, or train it when it is missing or was trained on other data or code."""
    artefact = load_artefact(path)
    if artefact is not None and artefact.fingerprint == expected_fingerprint(data_dir):
        return artefact
    log.info("nlu_training_needed", reason="missing" if artefact is None else "stale", path=str(path))
    return train_artefact(data_dir, languages, path)
