"""gui/wrap_label.WrapLabel: a word-wrapped label that remembers its height per width (issue 16: the entry page's
wrapped Thai labels were laid out ~50 times before the first paint). It must lay out exactly as a QLabel does."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from trat_desktop.gui.wrap_label import WrapLabel

LONG = ("ร้อยละของผู้เข้าร่วมโครงการมีความรู้ ความเข้าใจและมีส่วนร่วม สร้างความตระหนัก รับรู้เพื่อรักษาและ"
        "ส่งเสริมคุณธรรม จริยธรรม และป้องกันผลประโยชน์ทับซ้อนในหน่วยงาน ")
WIDTHS = (40, 120, 333, 600, 1280)


class Counting(WrapLabel):
    def __init__(self) -> None:
        super().__init__()
        self.measured = 0

    def _measure(self, width: int) -> int:
        self.measured += 1
        return super()._measure(width)


def pair(qtbot, text: str) -> tuple[QLabel, WrapLabel]:
    plain, wrapped = QLabel(text), WrapLabel(text)
    for label in (plain, wrapped):
        label.setWordWrap(True)
        qtbot.addWidget(label)
    return plain, wrapped


def test_the_height_for_a_width_is_qlabels_whatever_changed(qtbot) -> None:
    plain, wrapped = pair(qtbot, LONG)
    assert [wrapped.heightForWidth(w) for w in WIDTHS] == [plain.heightForWidth(w) for w in WIDTHS]
    assert plain.heightForWidth(120) > 3 * plain.fontMetrics().height()  # (it wraps: the case that matters)
    for change in (lambda label: label.setText(LONG * 2),  # longer text
                   lambda label: label.clear(),  # (C++'s clear: no setText)
                   lambda label: label.setText(LONG),
                   lambda label: label.setFont(QFont(label.font().family(), 20)),  # a bigger font
                   lambda label: label.setContentsMargins(10, 6, 10, 6),
                   lambda label: label.setStyleSheet("padding: 8px")):
        for label in (plain, wrapped):
            change(label)
        assert [wrapped.heightForWidth(w) for w in WIDTHS] == [plain.heightForWidth(w) for w in WIDTHS]


def test_a_width_asked_again_is_not_laid_out_again(qtbot) -> None:
    label = Counting()
    label.setWordWrap(True)
    label.setText(LONG)
    qtbot.addWidget(label)
    heights = [label.heightForWidth(333) for _ in range(5)]
    assert len(set(heights)) == 1 and label.measured == 1
    label.heightForWidth(600)
    assert label.measured == 2
    label.setText(LONG + "เพิ่มเติม")
    label.heightForWidth(333)
    assert label.measured == 3


def test_in_a_layout_it_gets_the_geometry_a_qlabel_gets(qtbot) -> None:
    """Its hints are one line, but a layout sizes a wrapped label by its height for the width it is given."""
    pages = []
    for kind in (QLabel, WrapLabel):
        page = QWidget()
        layout = QVBoxLayout(page)
        labels = [kind(text) for text in ("งานของหน่วยงาน — สำนักงานศึกษาธิการจังหวัดตราด", LONG, LONG * 2)]
        for label in labels:
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addStretch(1)
        qtbot.addWidget(page)
        page.show()
        pages.append((page, labels))
    for width in (1282, 700, 360):
        for page, _ in pages:
            page.resize(width, 900)
        for page, _ in pages:
            page.layout().activate()
        assert [label.geometry() for label in pages[0][1]] == [label.geometry() for label in pages[1][1]], width
        assert pages[0][1][2].height() > pages[0][1][0].height()  # (the long one wraps)


def test_without_word_wrap_it_is_a_qlabel(qtbot) -> None:
    plain, wrapped = QLabel(LONG), WrapLabel(LONG)
    for label in (plain, wrapped):
        qtbot.addWidget(label)
    assert wrapped.sizeHint() == plain.sizeHint() and wrapped.minimumSizeHint() == plain.minimumSizeHint()
    assert wrapped.heightForWidth(300) == plain.heightForWidth(300)


def test_the_first_pages_wrapped_labels_are_wrap_labels() -> None:
    """The forms a window shows at its first paint (the entry page, its evidence tab, the plan tab) wrap their
    labels with WrapLabel; a plain QLabel with wordWrap there would be laid out again at every size asked."""
    import xml.etree.ElementTree as ET
    from pathlib import Path

    ui = Path(__file__).resolve().parent.parent / "ui"
    found = {}
    for name in ("office_page.ui", "evidence_panel.ui", "plan_page.ui"):
        for widget in ET.parse(ui / name).iter("widget"):
            wrap = widget.find("property[@name='wordWrap']/bool")
            if widget.get("class") in ("QLabel", "WrapLabel") and wrap is not None and wrap.text == "true":
                found[f"{name}:{widget.get('name')}"] = widget.get("class")
    assert len(found) >= 10 and set(found.values()) == {"WrapLabel"}, found
