"""``python -m desktop_app.cli``: the same as the ``carnet-cli`` console script."""

from __future__ import annotations

import sys

from desktop_app.cli.core import main

sys.exit(main())
