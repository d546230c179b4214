"""Plan edits as undoable commands. Every change goes through ``PlanEditService`` (so it is
validated and audited); each becomes a QUndoCommand whose undo calls the service again with
what the first call returned: old field values, the old position, the trash entry, the old
agencies or budget lines. A refused edit raises nothing here: the controller emits
:attr:`PlanEditController.refused` with the Thai message and the plan stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..domain import plan_rules
from ..domain.model import BudgetValue
from ..errors import TratError
from ..i18n import _, ngettext
from ..services.plan_edit import NeedsConfirmation, Removal
from . import display

BudgetInput = tuple[str, Any, "str | None"]
StoredLines = list[tuple[BudgetValue, "str | None"]]


class PlanEditing(Protocol):
    """What the editor needs from :class:`trat_desktop.services.plan_edit.PlanEditService`."""

    def update(self, entity: str, uid: str, confirm: bool = False, **fields: Any) -> dict[str, Any]: ...
    def new_fields(self, entity: str, parent_uid: str) -> dict[str, Any]: ...
    def add(self, entity: str, parent_uid: str, position: int | None = None, **fields: Any) -> str: ...
    def remove(self, entity: str, uid: str, confirm: bool = False) -> Removal: ...
    def restore(self, trash_id: int) -> str: ...
    def move(self, entity: str, uid: str, position: int) -> int: ...
    def set_agencies(self, indicator_uid: str, agency_uids: list[str], confirm: bool = False) -> list[str]: ...
    def set_budget_lines(self, indicator_uid: str, lines: list[BudgetInput]) -> StoredLines: ...
    def restore_budget_lines(self, indicator_uid: str, lines: StoredLines) -> None: ...


class PlanCommand(QUndoCommand):
    """An edit already made when pushed: the first redo does nothing; later ones re-apply."""

    def __init__(self, controller: "PlanEditController", text: str, uid: str) -> None:
        super().__init__(display.show_digits(text))
        self.controller, self.uid = controller, uid
        self._pushed = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        if not self.controller.run(self.apply, self.uid):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.controller.run(self.revert, self.uid):
            self.setObsolete(True)


class UpdateCommand(PlanCommand):
    def __init__(self, controller: "PlanEditController", entity: str, uid: str,
                 old: dict[str, Any], new: dict[str, Any], text: str) -> None:
        super().__init__(controller, text, uid)
        self.entity, self.old, self.new = entity, old, new

    # undo and redo repeat an edit the user already confirmed; values are never deleted either way
    def apply(self) -> None:
        self.controller.service.update(self.entity, self.uid, confirm=True, **self.new)

    def revert(self) -> None:
        self.controller.service.update(self.entity, self.uid, confirm=True, **self.old)


class AddCommand(PlanCommand):
    """Undo removes the new part (into the trash); redo restores it with the same uid."""

    def __init__(self, controller: "PlanEditController", entity: str, uid: str, text: str) -> None:
        super().__init__(controller, text, uid)
        self.entity = entity
        self.trash_id: int | None = None

    def apply(self) -> None:
        assert self.trash_id is not None
        self.controller.service.restore(self.trash_id)

    def revert(self) -> None:
        self.trash_id = self.controller.service.remove(self.entity, self.uid, confirm=True).trash_id


class RemoveCommand(PlanCommand):
    """Undo restores the removed part from the trash; redo removes it again (progress kept)."""

    def __init__(self, controller: "PlanEditController", entity: str, uid: str, trash_id: int, text: str,
                 removed_first: bool = True) -> None:
        super().__init__(controller, text, uid)
        self.entity, self.trash_id, self.removed_first = entity, trash_id, removed_first

    def _remove(self) -> None:
        self.trash_id = self.controller.service.remove(self.entity, self.uid, confirm=True).trash_id

    def _restore(self) -> None:
        self.controller.service.restore(self.trash_id)

    def apply(self) -> None:
        self._remove() if self.removed_first else self._restore()

    def revert(self) -> None:
        self._restore() if self.removed_first else self._remove()


class MoveCommand(PlanCommand):
    def __init__(self, controller: "PlanEditController", entity: str, uid: str, old: int, new: int,
                 text: str) -> None:
        super().__init__(controller, text, uid)
        self.entity, self.old, self.new = entity, old, new

    def apply(self) -> None:
        self.controller.service.move(self.entity, self.uid, self.new)

    def revert(self) -> None:
        self.controller.service.move(self.entity, self.uid, self.old)


class AgenciesCommand(PlanCommand):
    def __init__(self, controller: "PlanEditController", uid: str, old: list[str], new: list[str]) -> None:
        super().__init__(controller, _("เปลี่ยนหน่วยงานผู้รับผิดชอบ"), uid)
        self.old, self.new = old, new

    def apply(self) -> None:
        self.controller.service.set_agencies(self.uid, self.new, confirm=True)

    def revert(self) -> None:
        self.controller.service.set_agencies(self.uid, self.old, confirm=True)


class BudgetCommand(PlanCommand):
    def __init__(self, controller: "PlanEditController", uid: str, old: StoredLines,
                 new: list[BudgetInput]) -> None:
        super().__init__(controller, _("แก้ไขรายการงบประมาณ"), uid)
        self.old, self.new = old, new

    def apply(self) -> None:
        self.controller.service.set_budget_lines(self.uid, self.new)

    def revert(self) -> None:
        self.controller.service.restore_budget_lines(self.uid, self.old)


class PlanEditController(QObject):
    """Runs plan edits through the service, keeps the undo stack, reports in Thai."""

    #: a change was made, undone or redone; the uid of the part to select ('' for none)
    changed = Signal(str)
    #: the Thai reason an edit was refused (nothing changed)
    refused = Signal(str)
    #: a Thai note about a change that worked
    done = Signal(str)

    def __init__(self, service: PlanEditing, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(200)
        #: asks the user to confirm (Thai message) -> yes?; the editor page sets a QMessageBox
        self.confirm: Callable[[str], bool] = lambda _message: False
        #: titles of parts removed in this session, for the trash list
        self.removed_titles: dict[str, str] = {}
        self.last_error: str | None = None

    def run(self, action: Callable[[], Any], uid: str = "") -> bool:
        """Call *action*; on a TratError emit *refused* and return False. Emits *changed* on success."""
        try:
            action()
        except TratError as exc:
            self._refuse(exc.message)
            return False
        self.last_error = None
        self.changed.emit(uid)
        return True

    def _refuse(self, message: str) -> None:
        self.last_error = message
        self.refused.emit(message)

    def _call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[bool, Any]:
        try:
            return True, fn(*args, **kwargs)
        except TratError as exc:
            self._refuse(exc.message)
            return False, None

    def _confirmed(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[bool, Any]:
        """Call an edit; when it would leave recorded values outside the plan, ask (the Thai message lists
        the offices and values) and, on yes, call it again confirmed. No is not an error: nothing changed."""
        try:
            return True, fn(*args, **kwargs)
        except NeedsConfirmation as exc:
            if not self.confirm(exc.message):
                self.last_error = None
                return False, None
            return self._call(fn, *args, confirm=True, **kwargs)
        except TratError as exc:
            self._refuse(exc.message)
            return False, None

    # -- edits ----------------------------------------------------------------------
    def update(self, entity: str, uid: str, field: str, value: Any) -> bool:
        """Save one typed value; pushes an undo command when it changed something."""
        try:
            clean = plan_rules.clean_field(entity, field, value)
        except TratError as exc:
            self._refuse(exc.message)
            return False
        ok, old = self._confirmed(self.service.update, entity, uid, **{field: value})
        if not ok:
            return False
        if old.get(field) != clean:
            text = _("แก้{field}ของ{part}").format(field=plan_rules.field_text(field),
                                                 part=plan_rules.entity_text(entity))
            self.undo_stack.push(UpdateCommand(self, entity, uid, old, {field: clean}, text))
        self.last_error = None
        self.changed.emit(uid)
        return True

    def add(self, entity: str, parent_uid: str, position: int | None, **fields: Any) -> str | None:
        ok, uid = self._call(self.service.add, entity, parent_uid, position, **fields)
        if not ok:
            return None
        self.undo_stack.push(AddCommand(self, entity, uid, _("เพิ่ม{part}").format(part=plan_rules.entity_text(entity))))
        self.changed.emit(uid)
        return str(uid)

    def remove(self, entity: str, uid: str, title: str = "") -> bool:
        """Remove a part; if it holds recorded progress, ask first (the progress is kept)."""
        try:
            removal = self.service.remove(entity, uid)
        except NeedsConfirmation as exc:
            if not self.confirm(exc.message):
                return False
            ok, removal = self._call(self.service.remove, entity, uid, True)
            if not ok:
                return False
        except TratError as exc:
            self._refuse(exc.message)
            return False
        if title:
            self.removed_titles[uid] = title
        part = plan_rules.entity_text(entity)
        self.undo_stack.push(RemoveCommand(self, entity, uid, removal.trash_id, _("ลบ{part}").format(part=part)))
        count = removal.progress_rows
        kept = (ngettext(" ผลการดำเนินงานที่บันทึกไว้ {count} รายการยังเก็บไว้",
                         " ผลการดำเนินงานที่บันทึกไว้ {count} รายการยังเก็บไว้", count).format(
            count=display.show_digits(str(count))) if count else "")
        self.changed.emit("")
        self.done.emit(_("ลบ{part}แล้ว{kept} (เลิกทำได้ หรือกู้คืนจากถังขยะ)").format(part=part, kept=kept))
        return True

    def restore(self, trash_id: int, entity: str) -> str | None:
        """Restore a part from the trash (undo removes it again)."""
        ok, uid = self._call(self.service.restore, trash_id)
        if not ok:
            return None
        self.undo_stack.push(RemoveCommand(self, entity, uid, trash_id, _("กู้คืน{part}").format(part=plan_rules.entity_text(entity)),
                                           removed_first=False))
        self.changed.emit(uid)
        return str(uid)

    def move(self, entity: str, uid: str, position: int) -> bool:
        ok, old = self._call(self.service.move, entity, uid, position)
        if not ok:
            return False
        if old != position:
            self.undo_stack.push(MoveCommand(self, entity, uid, old, position,
                                             _("เลื่อน{part}").format(part=plan_rules.entity_text(entity))))
        self.changed.emit(uid)
        return True

    def set_agencies(self, uid: str, agency_uids: list[str]) -> bool:
        ok, old = self._confirmed(self.service.set_agencies, uid, list(agency_uids))
        if not ok:
            return False
        # A row that had no agency cannot get back to none (the service requires one); undoing
        # the row's addition removes it with its agencies instead.
        if old and old != list(agency_uids):
            self.undo_stack.push(AgenciesCommand(self, uid, old, list(agency_uids)))
        self.changed.emit(uid)
        return True

    def set_budget_lines(self, uid: str, lines: list[BudgetInput]) -> bool:
        ok, old = self._call(self.service.set_budget_lines, uid, list(lines))
        if not ok:
            return False
        new = [(plan_rules.clean_budget(kind, amount), agency) for kind, amount, agency in lines]
        if new != old:
            self.undo_stack.push(BudgetCommand(self, uid, old, list(lines)))
        self.changed.emit(uid)
        return True
