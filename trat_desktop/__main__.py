"""``python -m trat_desktop``."""

from trat_desktop import startup_gc

startup_gc.pause()  # until a command is known or the window has painted (see startup_gc)

from trat_desktop.cli import main  # noqa: E402

raise SystemExit(main())
