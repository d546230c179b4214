"""Plan packages: the coordinator sends the plan out, signed; an office takes newer revisions only."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .. import __version__
from ..domain.identity import Identity
from ..domain.model import Plan
from ..atomic import OutputError
from ..errors import TratError
from ..exchange import archive, formats, keys, plan_json, safe_json
from ..exchange.archive import BadArchive, KeyNotTrusted
from ..store import exchange as exchange_store
from ..store import plans as plan_store
from ..store import rounds as round_store
from ..store import settings as settings_store
from ..store.connection import SCHEMA_VERSION
from .exchange import ExchangeService
from .exchange_import import refuse_unforeseen
from .rounds import RoundService
from ..domain.capabilities import require
from ..i18n import _

COORDINATOR_KEY = "coordinator_public_key"
#: per fiscal year, the last plan package sent (coordinator) or taken (office): {"revision": R, "number": N}
PACKAGE_KEY = "plan_package/{year}"
MAX_PACKAGE_NUMBER = 1_000_000


def package_file_name(fiscal_year: int, number: int) -> str:
    """The default name of a plan package file: แผนปฏิบัติการ_2569_ฉบับที่1.trat."""
    return f"แผนปฏิบัติการ_{fiscal_year}_ฉบับที่{number}.trat"


class PlanPackageService:
    """Export (coordinator) and import (office) of signed plan packages."""

    def __init__(self, exchange: ExchangeService) -> None:
        self.exchange = exchange
        self.progress = exchange.progress
        self.plans = exchange.plans
        self._db = exchange.plans.db

    def coordinator_fingerprint(self) -> str | None:
        """The fingerprint of the coordinator key this office pinned (None before the first package)."""
        pinned = exchange_store.get_setting(self._db, COORDINATOR_KEY)
        return None if pinned is None else keys.fingerprint(pinned)

    def _last_package(self, fiscal_year: int) -> tuple[int, int] | None:
        """(plan revision, package number) of the last package sent or taken for the year, or None."""
        raw = exchange_store.get_setting(self._db, PACKAGE_KEY.format(year=fiscal_year))
        try:
            data = json.loads(raw) if raw else None
            return (int(data["revision"]), int(data["number"])) if isinstance(data, dict) else None
        except (ValueError, KeyError, TypeError):
            return None

    def _remember_package(self, fiscal_year: int, revision: int, number: int) -> None:
        settings_store.save_settings(self._db, {PACKAGE_KEY.format(year=fiscal_year): json.dumps(
            {"revision": revision, "number": number})}, self.progress.identity().actor(), self.progress.now())

    def package_number(self, fiscal_year: int | None = None) -> int:
        """The number ("ฉบับที่") of the package an export of the year's plan would carry now: 1 for the first
        package sent, the same number again while the plan is unchanged, one more after each change. (The plan's
        own revision counts every edit on the coordinator's PC, so it is not shown as the package number.)"""
        return self._number_for(self.plans.load_plan(fiscal_year))

    def _number_for(self, plan: Plan) -> int:
        last = self._last_package(plan.fiscal_year)
        if last is None:
            return 1
        revision, number = last
        return number if revision == plan.revision else number + 1

    def default_name(self, fiscal_year: int | None = None) -> str:
        plan = self.plans.load_plan(fiscal_year)
        return package_file_name(plan.fiscal_year, self._number_for(plan))

    def export_plan(self, out: Path, fiscal_year: int | None = None) -> Path:
        """Write the signed package; *out* a file, or a folder to hold it under its default name."""
        me = self.progress.identity()
        require(me, "export_plan_package")
        plan = self.plans.load_plan(fiscal_year)
        number = self._number_for(plan)
        out = _target(Path(out), package_file_name(plan.fiscal_year, number))
        used = {name for row in plan.rows() for name in row.agencies}
        plan.agencies = {a.name: a for a in self.plans.known_agencies()} | {n: plan.agencies[n] for n in used}
        pair = self.exchange.my_keys()
        from .figures import thresholds_of

        content = plan_json.plan_to_json(plan)
        content.update(plan_json.thresholds_to_json(thresholds_of(self._db)))  # both ends band alike
        body = json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")
        manifest = {
            "format": formats.PLAN_FORMAT, "format_version": formats.FORMAT_VERSION, "schema_version": SCHEMA_VERSION,
            "app_version": __version__, "province": formats.PROVINCE, "fiscal_year": plan.fiscal_year,
            "revision": plan.revision, "package_number": number, "exported_at": self.progress.now(), "signer_public_key": pair.public_b64,
            "files": {"plan.json": hashlib.sha256(body).hexdigest()},
            # version 3: the year's reporting rounds as the coordinator set them (domain/rounds.py)
            "rounds": {r.id: {"start": r.start.isoformat(), "end": r.end.isoformat(), "due": r.due.isoformat()}
                       for r in RoundService(self.progress).rounds(plan.fiscal_year)},
        }
        archive.write_archive(out, {"plan.json": body, archive.MANIFEST: archive.dumps_json(manifest)},
                              pair.private_b64)
        self._remember_package(plan.fiscal_year, plan.revision, number)
        return out

    def import_plan(self, path: Path, trust_new: bool = False) -> dict[str, object]:
        """Check and take a plan package; the first pins the coordinator's key, later ones must be newer.
        Anything no check foresaw refuses the package in Thai; the plan is saved in one transaction."""
        path = Path(path)
        me = self.progress.identity()
        require(me, "import_plan_package")
        return refuse_unforeseen(path, lambda: self._import_plan(path, trust_new, me))

    def _import_plan(self, path: Path, trust_new: bool, me: Identity) -> dict[str, object]:
        self.progress.plans.refuse_database_file(path)
        raw, manifest, public, _signed, _sha = formats.read_signed(path, formats.PLAN_FORMAT, formats.PLAN_ENTRIES)
        pinned, fp = check_coordinator_key(self._db, public, trust_new, _("แพ็กเกจแผน"), path.name)
        if "plan.json" not in raw:
            raise BadArchive(_("แผนในไฟล์ “{name}” อ่านไม่ได้").format(name=path.name))
        try:
            data = safe_json.loads(raw["plan.json"])
        except safe_json.UnsafeJson as exc:
            raise BadArchive(_("แผนในไฟล์ “{name}” อ่านไม่ได้: {message}").format(
                                 name=path.name, message=exc.message)) from None
        plan = plan_json.plan_from_json(data, path.name)
        thresholds = plan_json.thresholds_from_json(data, path.name)
        if plan.fiscal_year != manifest["fiscal_year"] or plan.revision != manifest.get("revision"):
            raise BadArchive(_("ข้อมูลในไฟล์ “{name}” ไม่ตรงกับรายการกำกับ").format(name=path.name))
        current = plan.fiscal_year in self.plans.fiscal_years() and self.plans.load_plan(plan.fiscal_year)
        number = _package_number_of(manifest, plan.revision)
        if pinned is not None and current and plan.revision <= current.revision:
            last = self._last_package(plan.fiscal_year)
            have = last[1] if last is not None and last[0] == current.revision else current.revision
            raise BadArchive(_("แพ็กเกจแผนฉบับที่ {number} ไม่ใหม่กว่าแผนที่มีอยู่ (ฉบับที่ {have})").format(
                                 number=number, have=have))
        rounds = _rounds_of(manifest, plan.fiscal_year, path.name)
        with self._db.atomic():
            if pinned is None:
                exchange_store.put_secret_setting(self._db, COORDINATOR_KEY, public, me.actor(), self.progress.now(), fp)
            plan_store.save_plan(self._db, plan, plan.agencies.values(), revision=plan.revision)
            for r in rounds:
                round_store.save_round_dates(self._db, plan.fiscal_year, r.id, r.start, r.end, r.due, me.actor(),
                                             self.progress.now())
            self._remember_package(plan.fiscal_year, plan.revision, number)
            if thresholds is not None:
                from .figures import save_thresholds

                save_thresholds(self._db, thresholds, me.actor(), self.progress.now())
        live = {row.uid for row in plan.rows()}
        kept = current.rows() if current else []
        removed = [row.uid for row in kept if row.uid not in live]
        orphaned = sum(1 for item in self.progress.orphaned_entries() if item.indicator_uid in removed)
        return {"fiscal_year": plan.fiscal_year, "revision": plan.revision, "package_number": number,
                "rows": len(plan.rows()),
                "removed_rows": len(removed), "orphaned_progress": orphaned, "fingerprint": fp}


def _target(out: Path, default_name: str) -> Path:
    """Where a package goes: *out*, or *default_name* inside *out* when it is a folder (also "" and ".").
    A target whose folder is a file is refused in Thai before anything is written."""
    if str(out) in ("", ".") or out.is_dir():
        return out / default_name
    parent = out.parent
    while str(parent) not in ("", ".") and not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if parent.exists() and not parent.is_dir():
        raise OutputError(_("บันทึกแพ็กเกจแผน “{name}” ไม่ได้ เพราะ “{parent}” เป็นไฟล์ ไม่ใช่โฟลเดอร์ เลือกที่บันทึกอื่น "
                             "แล้วลองอีกครั้ง").format(name=out.name, parent=parent))
    return out


def _package_number_of(manifest: dict[str, object], revision: int) -> int:
    """The package number a package carries (packages before it had none: their plan revision)."""
    number = manifest.get("package_number")
    if isinstance(number, int) and not isinstance(number, bool) and 1 <= number <= MAX_PACKAGE_NUMBER:
        return number
    return revision


def check_coordinator_key(db: object, public: str, trust_new: bool, what: str, name: str) -> tuple[str | None, str]:
    """The office's one rule for files from the centre (plan packages, replies): signed by the coordinator's
    key it pinned; the first such file only with *trust_new* (the fingerprint confirmed by phone). Returns
    (the pinned key or None before the first, the signer's fingerprint)."""
    pinned = exchange_store.get_setting(db, COORDINATOR_KEY)  # type: ignore[arg-type]
    fp = keys.fingerprint(public)
    if pinned is None and not trust_new:
        raise KeyNotTrusted(_("{what}ลงนามด้วยกุญแจลายนิ้วมือ {fp} ซึ่งยังไม่ได้ลงทะเบียน โปรดตรวจสอบกับศูนย์ฯ จังหวัด "
                               "แล้วนำเข้าด้วยตัวเลือก --trust-new").format(
                                what=what, fp=fp), fp)
    if pinned is not None and pinned != public:
        raise BadArchive(_("{what} “{name}” ไม่ได้ลงนามโดยศูนย์ฯ จังหวัดที่ลงทะเบียนไว้ (ลายนิ้วมือ {fp})").format(
                             what=what, name=name, fp=fp))
    return pinned, fp


def _rounds_of(manifest: dict[str, object], fiscal_year: int, name: str) -> list[object]:
    """The rounds a package carries (none before version 3), each checked as the coordinator's entry is."""
    import datetime as dt

    from ..domain.rounds import ROUND_IDS, Round, RoundError, check_dates

    given = manifest.get("rounds")
    if given is None:
        return []
    if not isinstance(given, dict) or not set(given) <= set(ROUND_IDS):
        raise BadArchive(_("รอบรายงานในแพ็กเกจแผน “{name}” ไม่ถูกต้อง").format(name=name))
    found = []
    for round_id, dates in given.items():
        try:
            if not isinstance(dates, dict):
                raise ValueError
            start, end, due = (dt.date.fromisoformat(str(dates[k])) for k in ("start", "end", "due"))
            found.append(check_dates(Round(fiscal_year, round_id, start, end, due)))
        except (KeyError, ValueError, TypeError, RoundError):
            raise BadArchive(_("รอบรายงาน “{round_id}” ในแพ็กเกจแผน “{name}” มีวันที่ไม่ถูกต้อง").format(
                                 round_id=round_id, name=name)) from None
    return found


__all__ = ["PlanPackageService", "TratError"]
