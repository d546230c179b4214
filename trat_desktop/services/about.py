"""What the About box and the data dialog show: versions, folders, licences (no Qt, no SQL)."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from pathlib import Path

from .. import APP_NAME, __version__, paths
from ..i18n import N_, _
from ..store.connection import SCHEMA_VERSION, schema_version
from .backup import backup_folder
from .plan import PlanService

#: marked only (N_): translated where shown, like FONT_NOTE
PURPOSE = N_("โปรแกรมบันทึกและติดตามผลการดำเนินงานตามแผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม "
              "ของจังหวัดตราด สำหรับหน่วยงานต่าง ๆ และศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดตราด "
              "ทำงานแบบออฟไลน์ ข้อมูลทั้งหมดเก็บอยู่ในเครื่องนี้")
FONT_NOTE = N_("แบบอักษร Sarabun ออกแบบโดย Cadson Demak เผยแพร่ภายใต้สัญญาอนุญาต "
                "SIL Open Font License 1.1 (OFL) ซึ่งอนุญาตให้ใช้ แจกจ่าย และรวมไว้กับโปรแกรมได้โดยไม่มีค่าใช้จ่าย")


@dataclass(frozen=True)
class AppInfo:
    name: str
    version: str
    purpose: str
    data_dir: Path
    db_path: Path
    backup_dir: Path
    schema_version: int  # of the open database
    app_schema_version: int  # the newest this version of the app knows
    font_note: str
    font_licence: Path  # the OFL text shipped with the app
    python_version: str


def app_info(plans: PlanService) -> AppInfo:
    """The About box's facts for the installation open in *plans* (a file database)."""
    return AppInfo(
        name=APP_NAME, version=__version__, purpose=_(PURPOSE),
        data_dir=plans.data_dir, db_path=Path(plans.path or "").resolve(), backup_dir=backup_folder(plans),
        schema_version=schema_version(plans.db), app_schema_version=SCHEMA_VERSION,
        font_note=_(FONT_NOTE), font_licence=paths.fonts_dir() / "OFL.txt",
        python_version=platform.python_version(),
    )


def font_licence_text() -> str:
    """The SIL Open Font License text shipped beside the Sarabun fonts ('' if it is missing)."""
    path = paths.fonts_dir() / "OFL.txt"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""
