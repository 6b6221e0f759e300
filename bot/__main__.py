"""Entry point: `python -m bot run | chat | db upgrade | staff create-admin | i18n generate`."""

import sys

from bot.cli.main import main

sys.exit(main())
