"""The model file: trained when missing, reused when current, retrained when the data changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.nlu.artefact import FORMAT_VERSION, ensure_artefact, load_artefact
from bot.nlu.langid import SUPPORTED
from bot.paths import NLU_DATA_DIR


def test_missing_then_current_then_stale(tmp_path: Path) -> None:
    data = tmp_path / "nlu_data"
    shutil.copytree(NLU_DATA_DIR, data)
    model = tmp_path / "model.joblib"

    first = ensure_artefact(data, SUPPORTED, model)
    assert model.exists()
    assert first.format_version == FORMAT_VERSION
    assert first.training_seconds < 60  # the bound; bench/nlu.py reports the figure

    again = ensure_artefact(data, SUPPORTED, model)
    assert again.trained_at == first.trained_at  # loaded, not retrained

    cs = data / "cs" / "nlu.yml"
    cs.write_text(
        cs.read_text(encoding="utf-8").replace(
            "- intent: greet\n  examples: |\n", "- intent: greet\n  examples: |\n    - nazdárek všichni\n", 1
        ),
        encoding="utf-8",
    )
    retrained = ensure_artefact(data, SUPPORTED, model)
    assert retrained.trained_at > first.trained_at
    assert retrained.fingerprint != first.fingerprint


def test_unreadable_file_is_treated_as_missing(tmp_path: Path) -> None:
    broken = tmp_path / "model.joblib"
    broken.write_bytes(b"not a model")
    assert load_artefact(broken) is None
