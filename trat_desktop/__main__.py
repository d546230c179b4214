"""``python -m trat_desktop``."""

from trat_desktop.cli import main

raise SystemExit(main())
