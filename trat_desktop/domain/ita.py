"""The ITA evidence set (ชุดหลักฐาน ITA): what an office publishes on its website for each reporting round,
as evidence for the ITA's open-data indicators (OIT): a บันทึกข้อความ to the head asking to acknowledge the
round's report and to allow publishing it, the report itself, and the แบบฟอร์มการเผยแพร่ข้อมูลต่อสาธารณะ
ผ่านเว็บไซต์ของหน่วยงาน.

The rules in one place: the settings the documents print (their keys, Thai names, checks), who is named when
a setting is empty (the set-up's reporter and head, the round's sign-off), and the files' names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import TratError
from ..i18n import N_, _
from .rounds import ROUND_NAMES, check_round_id
from .text import clean_text

MAX_SETTING = 200


@dataclass(frozen=True)
class SettingKey:
    key: str
    label: str          # Thai, marked N_(): the dialog and `settings show` show _(label)
    help: str = ""      # what is printed when it is empty (N_() too)


#: settings a user sets (``trat-desktop settings set KEY VALUE``, ตั้งค่า › เอกสารชุดหลักฐาน ITA…), in order
SETTINGS: tuple[SettingKey, ...] = (
    SettingKey("ita.letterhead", N_("ส่วนราชการ (ชื่อหน่วยงานตามหัวบันทึกข้อความ)"),
               N_("ว่าง = ชื่อหน่วยงานของเครื่องนี้")),
    SettingKey("ita.doc_prefix", N_("เลขที่หนังสือ (ที่ ตร …/)"), N_("ว่าง = เว้นไว้ให้เขียนเอง")),
    SettingKey("ita.website", N_("เว็บไซต์ของหน่วยงาน (Link ภายนอก)"), N_("ว่าง = เว้นไว้ให้เขียนเอง")),
    SettingKey("ita.officer_name", N_("ผู้จัดทำ / ผู้รับผิดชอบการให้ข้อมูล: ชื่อ"), N_("ว่าง = ผู้รายงานตามการตั้งค่าเครื่อง")),
    SettingKey("ita.officer_position", N_("ผู้จัดทำ / ผู้รับผิดชอบการให้ข้อมูล: ตำแหน่ง"),
               N_("ว่าง = ตำแหน่งผู้รายงานตามการตั้งค่าเครื่อง")),
    SettingKey("ita.head_name", N_("หัวหน้าส่วนราชการ / ผู้อนุมัติรับรอง: ชื่อ"),
               N_("ว่าง = ผู้ลงนามส่งรายงานรอบนั้น หรือหัวหน้าตามการตั้งค่าเครื่อง")),
    SettingKey("ita.head_position", N_("หัวหน้าส่วนราชการ / ผู้อนุมัติรับรอง: ตำแหน่ง"),
               N_("ว่าง = ตำแหน่งผู้ลงนามส่งรายงานรอบนั้น หรือตามการตั้งค่าเครื่อง")),
    SettingKey("ita.publisher_name", N_("ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่: ชื่อ"), N_("ว่าง = เว้นไว้ให้เขียนเอง")),
    SettingKey("ita.publisher_position", N_("ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่: ตำแหน่ง"), N_("ว่าง = เว้นไว้ให้เขียนเอง")),
)
SETTING_KEYS = {s.key: s for s in SETTINGS}
_URL = re.compile(r"^(https?://)?[^\s/]+\.[^\s/]+(/\S*)?$", re.IGNORECASE)


def check_setting(key: str, value: object) -> tuple[str, str]:
    """(the key, the value as stored) or a Thai TratError. An empty value clears the setting."""
    known = SETTING_KEYS.get(str(key).strip())
    if known is None:
        raise TratError(_("ไม่มีการตั้งค่า “{key}” (ใช้ได้: {keys})").format(key=key, keys=", ".join(SETTING_KEYS)))
    text = clean_text(value)
    if len(text) > MAX_SETTING:
        raise TratError(_("“{label}” ยาวเกิน {limit} ตัวอักษร").format(label=_(known.label), limit=MAX_SETTING))
    if known.key == "ita.website" and text and not _URL.match(text):
        raise TratError(_("“{text}” ไม่ใช่ที่อยู่เว็บไซต์ (เช่น https://www.trat.go.th)").format(text=text))
    return known.key, text


@dataclass(frozen=True)
class People:
    """Who the three documents name: the officer who writes the memo and gives the data, the head who
    acknowledges and approves, the person who puts it on the website ('' = a dotted line to fill in)."""

    officer_name: str
    officer_position: str
    head_name: str
    head_position: str
    publisher_name: str
    publisher_position: str


def people(settings: dict[str, str], reporter: tuple[str, str], head: tuple[str, str],
           signed_off: tuple[str, str] | None = None) -> People:
    """The rule: a setting that is set wins; else the officer is the set-up's reporter, and the head is who
    signed the round off (an office's sign-off stores name and position), else the set-up's head."""
    def pick(key: str, *fallbacks: str) -> str:
        own = (settings.get(key) or "").strip()
        return own or next((f.strip() for f in fallbacks if f and f.strip()), "")

    signer = signed_off or ("", "")
    return People(pick("ita.officer_name", reporter[0]), pick("ita.officer_position", reporter[1]),
                  pick("ita.head_name", signer[0], head[0]),
                  pick("ita.head_position", signer[1] if signer[0] else "", head[1]),
                  pick("ita.publisher_name"), pick("ita.publisher_position"))


#: the documents of a set, in their order: (number, what it is in a file name)
DOCUMENTS = ("บันทึกข้อความ", "รายงาน", "แบบฟอร์มการเผยแพร่ข้อมูล")
_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def round_file_label(round_id: str) -> str:
    """'รอบ๖เดือน', 'ไตรมาส๒', 'รอบ๑๒เดือน' (the round's name without spaces)."""
    return ROUND_NAMES[check_round_id(round_id)].replace(" ", "")


def file_name(number: int, round_id: str, fiscal_year: int, kind: str, suffix: str = ".pdf") -> str:
    """'๑_บันทึกข้อความ_รอบ๖เดือน_2569.pdf'; the report is '๒_รายงานผลการดำเนินงาน_…' (an office) or
    '๒_รายงานภาพรวมจังหวัด_…' (the coordinator)."""
    what = DOCUMENTS[number - 1]
    if number == 2:
        what = "รายงานผลการดำเนินงาน" if kind == "office" else "รายงานภาพรวมจังหวัด"
    return f"{str(number).translate(_THAI_DIGITS)}_{what}_{round_file_label(round_id)}_{fiscal_year}{suffix}"


def folder_name(round_id: str, fiscal_year: int, office: str) -> str:
    """The set's folder the GUI makes in the folder the user picks: 'ชุดหลักฐานITA_รอบ๖เดือน_2569_สำนักงาน…'."""
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", office).strip(" .-")
    return f"ชุดหลักฐานITA_{round_file_label(round_id)}_{fiscal_year}" + (f"_{safe}" if safe else "")
