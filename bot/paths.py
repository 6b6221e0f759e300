"""Where the repository's content folders are, independent of the working directory."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
LOCALES_DIR = REPO_ROOT / "locales"
NLU_DATA_DIR = REPO_ROOT / "nlu_data"
REFERENCE_LOCALE = "en"
