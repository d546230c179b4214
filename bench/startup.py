"""Start-up benchmark: the real main window vs a bare PySide6 window with one QTableView.

    python3 bench/startup.py                 # 10 runs each, offscreen
    python3 bench/startup.py -n 20 --platform xcb      # under a real X server / Xvfb
    python3 bench/startup.py --frozen dist/TratDesktop/TratDesktop

Each run is a whole process, timed from spawn to exit by the wall clock:
  app:  python -m trat_desktop --smoke-test --db <temp file>   (timed until it prints
        "smoke test: window painted", at the main window's first paint; it then checks the
        window, lets the menus that follow the paint install, and writes a report)
  bare: python bench/bare_window.py                            (same, bare window)
One warm-up run of each comes first (byte-code and font caches, first database creation),
then the two alternate so drift hits both alike. Prints the medians and app/bare ratio.

Writes nothing into the repo: the database, byte-code (PYTHONPYCACHEPREFIX) and the
app's data/config folders (XDG_*) all go to a temporary folder that is removed at the end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from frozen_startup import run_timed  # noqa: E402  (times a smoke test up to its first paint)
BARE = Path(__file__).resolve().parent / "bare_window.py"


def run_once(cmd: list[str], env: dict[str, str], timeout: float) -> float:
    """Seconds from spawn to exit; raises if the process fails."""
    start = time.perf_counter()
    proc = subprocess.run(
        cmd, env=env, cwd=env["BENCH_CWD"], stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(
            f"{' '.join(cmd)} exited with {proc.returncode}\n"
            f"stdout:\n{proc.stdout.decode(errors='replace')}\n"
            f"stderr:\n{proc.stderr.decode(errors='replace')}"
        )
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--runs", type=int, default=10, help="timed runs of each (default 10)")
    parser.add_argument("--platform", default="offscreen",
                        help="QT_QPA_PLATFORM for both (default offscreen; xcb needs DISPLAY)")
    parser.add_argument("--python", default=sys.executable, help="interpreter to run both with")
    parser.add_argument("--frozen", type=Path,
                        help="time this frozen app executable instead of 'python -m trat_desktop'")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per run before giving up")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="trat-bench-") as tmp_name:
        tmp = Path(tmp_name)
        for sub in ("pycache", "data", "config", "cwd"):
            (tmp / sub).mkdir()
        db = tmp / "bench.sqlite3"

        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM=args.platform,
            PYTHONPYCACHEPREFIX=str(tmp / "pycache"),
            XDG_DATA_HOME=str(tmp / "data"),
            XDG_CONFIG_HOME=str(tmp / "config"),
            BENCH_CWD=str(tmp / "cwd"),
        )
        # Byte-code goes to the temp prefix, and must be written there: without a cache every
        # run would recompile PySide6/stdlib modules (pycs beside the sources are ignored
        # once a prefix is set).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        # Import trat_desktop from this checkout even when it is not pip-installed.
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))

        if args.frozen:
            app_cmd = [str(args.frozen.resolve()), "--smoke-test", "--db", str(db)]
        else:
            app_cmd = [args.python, "-m", "trat_desktop", "--smoke-test", "--db", str(db)]
        bare_cmd = [args.python, str(BARE)]

        print(f"app:  {' '.join(app_cmd)}")
        print(f"bare: {' '.join(bare_cmd)}")
        print(f"platform={args.platform} runs={args.runs} (+1 warm-up each)", flush=True)

        run_once(app_cmd, env, args.timeout)  # warm-up: creates and seeds the database
        run_once(bare_cmd, env, args.timeout)

        app_times: list[float] = []
        bare_times: list[float] = []
        for _ in range(args.runs):
            app_times.append(run_timed(app_cmd, env, args.timeout)[0])  # to the painted window
            bare_times.append(run_once(bare_cmd, env, args.timeout))

    def show(label: str, times: list[float]) -> float:
        med = statistics.median(times)
        print(f"{label}: median {med * 1000:7.1f} ms   min {min(times) * 1000:7.1f}   "
              f"max {max(times) * 1000:7.1f}   (n={len(times)})")
        return med

    app_med = show("app ", app_times)
    bare_med = show("bare", bare_times)
    print(f"ratio app/bare: {app_med / bare_med:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
