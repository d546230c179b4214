"""The exchange of signed files between offices and the coordinator, as one service for the GUI and the CLI.

The work is done by modules of their own: keys (``exchange_keys``), an office's export (``exchange_export``),
the coordinator's import and merge (``exchange_import``, merging by the pure rule of ``domain/merge.py``),
and the ledger with conflicts, held values, backups and undo (``exchange_ledger``). Replies are
``services/replies.py``. This class only hands each call to its module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from ..domain.progress import ProgressEntry
from ..exchange import keys
from .exchange_export import OfficeExport
from .exchange_import import ImportReport, OfficeImport
from .exchange_keys import ExchangeKeys
from .exchange_ledger import BACKUPS_KEPT, ExchangeLedger, HeldValue
from .progress import ProgressService


class ExchangeService:
    """Exports for an office; import, merge, conflicts, ledger and undo for the coordinator."""

    def __init__(self, progress: ProgressService, on_progress: Callable[[int, int, str], None] | None = None) -> None:
        self.progress = progress
        self.plans = progress.plans
        self.signing = ExchangeKeys(progress)
        self.exports = OfficeExport(progress, self.signing)
        self.records = ExchangeLedger(progress)
        self.imports = OfficeImport(progress, self.signing, self.records, on_progress)

    @property
    def on_progress(self) -> Callable[[int, int, str], None] | None:
        """Called as (done, total, file name) while an import runs."""
        return self.imports.on_progress

    @on_progress.setter
    def on_progress(self, callback: Callable[[int, int, str], None] | None) -> None:
        self.imports.on_progress = callback

    # -- keys
    def my_keys(self) -> keys.KeyPair:
        return self.signing.my_keys()

    def fingerprint(self) -> str:
        return self.signing.fingerprint()

    def office_keys(self) -> list[dict[str, Any]]:
        return self.signing.office_keys()

    def reenrol(self, office: str) -> bool:
        return self.signing.reenrol(office)

    # -- office export
    def export_office(self, out: Path | None = None, fiscal_year: int | None = None,
                      folder: Path | None = None, final_round: str | None = None) -> tuple[Path, int]:
        return self.exports.export_office(out, fiscal_year, folder, final_round)

    def verification_code(self, fiscal_year: int | None = None) -> str:
        return self.exports.verification_code(fiscal_year)

    # -- coordinator import
    def import_files(self, paths: list[Path | str], dry_run: bool = False, trust_new: bool = False,
                     confirm_key: Callable[[str, str], bool] | None = None) -> ImportReport:
        return self.imports.import_files(paths, dry_run, trust_new, confirm_key)

    # -- ledger, conflicts, held values, backups, undo
    def verify(self, code: str) -> dict[str, Any] | None:
        return self.records.verify(code)

    def ledger(self) -> list[dict[str, Any]]:
        return self.records.ledger()

    def conflicts(self) -> list[tuple[ProgressEntry, ProgressEntry | None]]:
        return self.records.conflicts()

    def held_values(self) -> list[HeldValue]:
        return self.records.held_values()

    def resolve(self, theirs: ProgressEntry, keep_mine: bool) -> None:
        self.records.resolve(theirs, keep_mine)

    def settle_held(self, theirs: ProgressEntry, accept: bool) -> None:
        self.records.settle_held(theirs, accept)

    def backup_folder(self) -> Path:
        return self.records.backup_folder()

    def backup(self, label: str = "manual", dest: Path | None = None, keep: int = BACKUPS_KEPT) -> Path:
        return self.records.backup(label, dest, keep)

    def undo_import(self) -> dict[str, Any]:
        return self.records.undo_import()

    def snapshot(self) -> list[tuple[Any, ...]]:
        return self.records.snapshot()
