"""Render the app icon from ``resources/icons/trat-desktop.svg``:

    python3 tools/make_icons.py            # (re)write the PNGs and the .ico
    python3 tools/make_icons.py --check    # exit 1 if a file is missing

* ``trat-desktop-256.png``, ``-64.png``, ``-32.png``: what the running app loads
  (``QIcon`` from PNGs, so the frozen build needs no SVG plugin).
* ``trat-desktop.ico``: for the Windows executable (``icon=`` in build.spec). It holds
  16, 24, 32, 48, 64, 128 and 256 px images, each stored as PNG (Windows Vista and later
  read PNG-compressed icon entries; every size is drawn from the SVG, not scaled down).

QtSvg (in PySide6-Essentials) is only needed here, never by the app at run time.
"""

from __future__ import annotations

import argparse
import struct
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ICONS = PROJECT_ROOT / "resources" / "icons"
SVG = ICONS / "trat-desktop.svg"
PNG_SIZES = (256, 64, 32)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(renderer: object, size: int) -> bytes:
    """The SVG drawn at *size*×*size* pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter, Qt

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)  # type: ignore[attr-defined]
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico file holding one PNG-compressed image per size."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    entries, bodies = b"", b""
    for size in sizes:
        body = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(body), offset)
        bodies += body
        offset += len(body)
    return header + entries + bodies


def ico_sizes(data: bytes) -> list[int]:
    """The image sizes listed in an .ico file (for the tests)."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if reserved != 0 or kind != 1:
        raise ValueError("not an icon file")
    sizes = []
    for i in range(count):
        width = struct.unpack_from("<B", data, 6 + 16 * i)[0]
        sizes.append(width or 256)
    return sizes


def targets() -> list[Path]:
    return [ICONS / f"trat-desktop-{size}.png" for size in PNG_SIZES] + [ICONS / "trat-desktop.ico"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="render the app icon's PNG and ICO files from the SVG")
    parser.add_argument("--check", action="store_true", help="only check that every file exists")
    args = parser.parse_args(argv)
    if args.check:
        missing = [p for p in targets() if not p.is_file()]
        for path in missing:
            print(f"missing: {path.relative_to(PROJECT_ROOT)}")
        return 1 if missing else 0

    from PySide6.QtGui import QGuiApplication
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (QImage/QPainter need it)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    pngs = {size: render_png(renderer, size) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    for size in PNG_SIZES:
        path = ICONS / f"trat-desktop-{size}.png"
        path.write_bytes(pngs[size])
        print(f"wrote {path.relative_to(PROJECT_ROOT)}")
    ico = ICONS / "trat-desktop.ico"
    ico.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    print(f"wrote {ico.relative_to(PROJECT_ROOT)} ({', '.join(str(s) for s in ICO_SIZES)} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
