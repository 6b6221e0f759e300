"""`python -m bot nlu train | eval FILE | check`: the model's life cycle for admins and CI."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bot.nlu.artefact import train_artefact
from bot.nlu.evaluate import evaluate, load_labelled
from bot.nlu.langid import SUPPORTED
from bot.nlu.loader import TrainingDataError, load_training_data
from bot.nlu.service import load_understanding
from bot.paths import NLU_DATA_DIR
from bot.settings import Settings


def register(commands: Any) -> None:
    parser = commands.add_parser("nlu", help="train and evaluate the language understanding model")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("check", help="validate nlu_data/ and report problems by file and line").set_defaults(
        handler=_check
    )
    actions.add_parser("train", help="train from nlu_data/ into NLU_MODEL_PATH").set_defaults(handler=_train)
    evaluation = actions.add_parser(
        "eval", help="evaluate on a YAML list of {text, lang, intent}; prints JSON"
    )
    evaluation.add_argument("file", type=Path)
    evaluation.set_defaults(handler=_eval)


def _report_problems(error: TrainingDataError) -> int:
    for problem in error.problems:
        print(problem, file=sys.stderr)
    print(f"{len(error.problems)} problem(s) in {NLU_DATA_DIR}", file=sys.stderr)
    return 1


def _check(args: argparse.Namespace, settings: Settings) -> int:
    try:
        examples = load_training_data(NLU_DATA_DIR, SUPPORTED)
    except TrainingDataError as error:
        return _report_problems(error)
    print(f"{len(examples)} examples, {len(SUPPORTED)} languages: OK")
    return 0


def _train(args: argparse.Namespace, settings: Settings) -> int:
    try:
        artefact = train_artefact(NLU_DATA_DIR, SUPPORTED, settings.nlu_model_path)
    except TrainingDataError as error:
        return _report_problems(error)
    summary = {
        "path": str(settings.nlu_model_path),
        "examples": artefact.models.examples,
        "training_seconds": round(artefact.training_seconds, 1),
        "fingerprint": artefact.fingerprint,
    }
    print(json.dumps(summary, indent=2))
    return 0


def _eval(args: argparse.Namespace, settings: Settings) -> int:
    try:
        items = load_labelled(args.file)
        understanding = load_understanding(settings.nlu_model_path)
    except TrainingDataError as error:
        return _report_problems(error)
    except (OSError, ValueError) as error:
        print(f"nlu eval: {error}", file=sys.stderr)
        return 2
    print(json.dumps(evaluate(items, understanding), indent=2, ensure_ascii=False))
    return 0
