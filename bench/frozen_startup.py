"""Frozen build vs running from source: start-up time and the size of the one-folder app.

    python3 bench/frozen_startup.py --build            # build with build.spec first, then measure
    python3 bench/frozen_startup.py -n 20              # measure an existing build
    python3 bench/frozen_startup.py --dist /tmp/td-dist --work /tmp/td-build --build

Building runs ``python -m PyInstaller build.spec --noconfirm --distpath DIST --workpath WORK``
(PyInstaller must be installed: ``pip install 'pyinstaller>=6.10,<7'``), outside the repo by
default. Start-up is timed as in bench/startup.py (whole processes, offscreen), up to the
moment the smoke test reports the painted main window ("smoke test: window painted" on stdout; the smoke test then also writes the plan report
PDF, timed separately as "whole smoke test"):

  frozen: DIST/TratDesktop/TratDesktop --smoke-test --db <temp file>
  source: python -m trat_desktop --smoke-test --db <temp file>

The first run of each creates and seeds its own database (reported separately as "first
start"); then the two alternate so drift hits both alike. The folder size is the sum of the
file sizes (what a zip holds before compression) plus the biggest parts of ``_internal/``.
``--zip`` also reports the size of the zipped folder (what goes on the USB stick).
Nothing is written into the repo.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

APP_NAME = "TratDesktop"
WINDOW_OK = b"smoke test: window painted"


def run_timed(cmd: list[str], env: dict[str, str], timeout: float) -> tuple[float, float]:
    """(seconds to the painted main window, seconds to exit) of one whole process.

    The smoke test prints "smoke test: window painted" once the main window has painted, then writes the
    plan report PDF and exits; the first time is start-up, the second includes the report."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=env["BENCH_CWD"], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    window = None
    assert proc.stdout is not None
    for line in proc.stdout:
        if window is None and line.startswith(WINDOW_OK):
            window = time.perf_counter() - start
    try:
        _out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    total = time.perf_counter() - start
    if proc.returncode != 0 or window is None:
        raise RuntimeError(f"{' '.join(cmd)} exited with {proc.returncode}\n{err.decode(errors='replace')}")
    return window, total


def build(dist: Path, work: Path) -> float:
    """Build the one-folder app; returns the seconds it took."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", str(ROOT / "build.spec"), "--noconfirm",
                    "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work)],
                   cwd=ROOT, check=True, stdin=subprocess.DEVNULL)
    return time.perf_counter() - start


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) under *folder*, not following links."""
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            count += 1
    return total, count


def biggest_parts(folder: Path, top: int = 8) -> list[tuple[str, int]]:
    inner = folder / "_internal"
    base = inner if inner.is_dir() else folder
    parts = []
    for child in base.iterdir():
        size = folder_size(child)[0] if child.is_dir() else child.stat().st_size
        parts.append((child.name, size))
    return sorted(parts, key=lambda p: p[1], reverse=True)[:top]


def mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=Path(tempfile.gettempdir()) / "td-dist",
                        help="PyInstaller --distpath (default: <tmp>/td-dist)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "td-build",
                        help="PyInstaller --workpath (default: <tmp>/td-build)")
    parser.add_argument("--build", action="store_true", help="build with build.spec before measuring")
    parser.add_argument("-n", "--runs", type=int, default=10, help="timed runs of each (default 10)")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM (default offscreen)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per run before giving up")
    parser.add_argument("--zip", action="store_true", help="also measure the folder zipped (deflate), as distributed")
    args = parser.parse_args(argv)

    folder = args.dist / APP_NAME
    exe = folder / (APP_NAME + (".exe" if sys.platform == "win32" else ""))
    if args.build or not exe.is_file():
        seconds = build(args.dist, args.work)
        print(f"build: {seconds:.1f} s (python -m PyInstaller build.spec)")
    if not exe.is_file():
        print(f"no frozen app at {exe}", file=sys.stderr)
        return 1

    size, files = folder_size(folder)
    print(f"folder: {folder}  {mb(size)} in {files} files")
    for name, part in biggest_parts(folder):
        print(f"  {name:<32} {mb(part):>10}")
    if args.zip:
        with tempfile.TemporaryDirectory(prefix="trat-zip-") as zip_tmp:
            start = time.perf_counter()
            archive = shutil.make_archive(str(Path(zip_tmp) / APP_NAME), "zip", root_dir=args.dist, base_dir=APP_NAME)
            print(f"zipped: {mb(Path(archive).stat().st_size)} ({time.perf_counter() - start:.1f} s to zip)")

    with tempfile.TemporaryDirectory(prefix="trat-frozen-bench-") as tmp_name:
        tmp = Path(tmp_name)
        for sub in ("pycache", "data", "config", "cwd"):
            (tmp / sub).mkdir()
        env = dict(os.environ)
        env.update(QT_QPA_PLATFORM=args.platform, PYTHONPYCACHEPREFIX=str(tmp / "pycache"),
                   XDG_DATA_HOME=str(tmp / "data"), XDG_CONFIG_HOME=str(tmp / "config"), BENCH_CWD=str(tmp / "cwd"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.pop("PYTHONUNBUFFERED", None)  # a frozen app ignores it: treat both alike
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        commands = {
            "frozen": [str(exe), "--smoke-test", "--db", str(tmp / "frozen.sqlite3")],
            "source": [sys.executable, "-m", "trat_desktop", "--smoke-test", "--db", str(tmp / "source.sqlite3")],
        }
        for label, cmd in commands.items():
            print(f"{label}: {' '.join(cmd)}")
        print(f"platform={args.platform} runs={args.runs} (+1 first start each)", flush=True)
        first = {label: run_timed(cmd, env, args.timeout) for label, cmd in commands.items()}
        times: dict[str, list[tuple[float, float]]] = {label: [] for label in commands}
        for _ in range(args.runs):
            for label, cmd in commands.items():
                times[label].append(run_timed(cmd, env, args.timeout))

    def ms(value: float) -> str:
        return f"{value * 1000:7.1f} ms"

    medians = {}
    print("to the painted main window (start-up):")
    for label, values in times.items():
        window = [w for w, _ in values]
        medians[label] = statistics.median(window)
        print(f"  {label}: median {ms(medians[label])}   min {ms(min(window))}   max {ms(max(window))}   "
              f"first start {ms(first[label][0])} (new database)   (n={len(window)})")
    print(f"  ratio frozen/source: {medians['frozen'] / medians['source']:.2f}")
    print("whole smoke test (window, then the plan report PDF, then exit):")
    for label, values in times.items():
        print(f"  {label}: median {ms(statistics.median(t for _, t in values))}   first start {ms(first[label][1])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
