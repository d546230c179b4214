"""The plan as plain dataclasses: strategies > tactics > activities > indicator rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Literal, NamedTuple

BudgetKind = Literal["amount", "none", "na", "dash"]

#: How each budget kind reads in Thai (the document's own words where it has them).
BUDGET_KIND_TEXT: dict[str, str] = {
    "none": "ไม่ใช้งบประมาณ",
    "na": "n/a",
    "dash": "-",
}

QUARTERS = (1, 2, 3, 4)


class BudgetValue(NamedTuple):
    """A budget cell: an amount in satang, or one of the document's non-amounts.

    ``none`` is "ไม่ใช้งบประมาณ" (no budget used), ``na`` is "n/a" (unknown) and
    ``dash`` is "-"; all three stay distinct from each other and from 0.
    """

    kind: BudgetKind
    satang: int | None = None

    @staticmethod
    def baht(amount: int | float) -> "BudgetValue":
        return BudgetValue("amount", int(round(amount * 100)))

    @property
    def baht_amount(self) -> float | None:
        return None if self.satang is None else self.satang / 100

    def counted_satang(self) -> int:
        """What the value adds to a total: its amount, or 0 for the non-amounts."""
        return self.satang if self.kind == "amount" and self.satang is not None else 0


@dataclass
class BudgetLine:
    """One budget amount of an indicator row; ``agency`` is set when the document ties it to one office."""

    value: BudgetValue
    agency: str | None = None


@dataclass
class IndicatorRow:
    """One indicator row (a line of the plan table) with its responsible agencies."""

    unit: str
    target: float | None
    indicator: str
    expected_result: str
    quarter_from: int
    quarter_to: int
    agencies: list[str] = field(default_factory=list)
    budget_lines: list[BudgetLine] = field(default_factory=list)
    source_line: int = 0
    uid: str = ""
    predecessor_uid: str = ""  # the row of the previous year's plan this one was copied from
    #: agency name -> how the document writes it in this row ("สนง.ศึกษาธิการ จ.ตราด"), where it differs
    written: dict[str, str] = field(default_factory=dict)

    def written_name(self, name: str) -> str:
        """The agency as this row's document writes it (its register name where the document did not say)."""
        return self.written.get(name) or name

    def budget_satang(self) -> int:
        return sum(line.value.counted_satang() for line in self.budget_lines)

    def quarters(self) -> range:
        return range(self.quarter_from, self.quarter_to + 1)


@dataclass
class Activity:
    """A project or activity, coded like ``1.5`` (tactic 1, activity 5)."""

    code: str
    title: str
    rows: list[IndicatorRow] = field(default_factory=list)
    uid: str = ""
    predecessor_uid: str = ""  # the activity of the previous year's plan this one was copied from


@dataclass
class Tactic:
    """A tactic (กลยุทธ์) of a strategy."""

    number: int
    title: str
    activities: list[Activity] = field(default_factory=list)
    uid: str = ""


@dataclass
class Strategy:
    """A strategy (ยุทธศาสตร์) with its goal and the total the document states for it."""

    number: int
    title: str
    goal: str = ""
    stated_budget: BudgetValue | None = None
    tactics: list[Tactic] = field(default_factory=list)
    uid: str = ""
    source_line: int = 0

    def rows(self) -> list[IndicatorRow]:
        return [r for t in self.tactics for a in t.activities for r in a.rows]

    def budget_satang(self) -> int:
        return sum(r.budget_satang() for r in self.rows())


@dataclass(frozen=True)
class PlanWarning:
    """Something the document got wrong or left unclear. ``message`` is the text as made (the screen's
    language when read, Thai when loaded from the database); ``key`` its recipe (``i18n.Message.key``: the
    msgid and arguments), taken from the message when it has one, so :meth:`shown` makes it in the screen's
    language whichever language it was made or stored in."""

    code: str
    message: str
    line: int | None = None
    key: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.key:
            from ..i18n import key_of

            object.__setattr__(self, "key", key_of(self.message) or "")

    def shown(self, language: str | None = None) -> str:
        """The message in *language* (the screen's when None); the text as made when it has no recipe."""
        from .. import i18n

        return i18n.remake(self.key, language or i18n.language()) or str(self.message)


@dataclass
class Agency:
    """A real office: one canonical name, a short name, and the spellings seen for it."""

    name: str
    short_name: str = ""
    aliases: set[str] = field(default_factory=set)
    uid: str = ""
    #: spellings documents really used that the register lists as mistakes: they join, with a warning
    misspellings: set[str] = field(default_factory=set)


@dataclass
class Plan:
    """A fiscal year's plan as read from a document or the store."""

    fiscal_year: int
    title: str
    strategies: list[Strategy] = field(default_factory=list)
    agencies: dict[str, Agency] = field(default_factory=dict)
    stated_total: BudgetValue | None = None
    warnings: list[PlanWarning] = field(default_factory=list)
    source_name: str = ""
    source_sha256: str = ""
    revision: int = 1

    def activities(self) -> list[Activity]:
        return [a for s in self.strategies for t in s.tactics for a in t.activities]

    def rows(self) -> list[IndicatorRow]:
        return [r for s in self.strategies for r in s.rows()]

    def budget_satang(self) -> int:
        return sum(s.budget_satang() for s in self.strategies)


def copy_for_year(plan: Plan, fiscal_year: int, new_uid: Callable[[str], str]) -> Plan:
    """The same plan for another fiscal year: every part gets a new uid, no warnings, no stated totals.

    Each activity and indicator row keeps a link to the one it was copied from (``predecessor_uid``).
    """
    import copy

    twin = copy.deepcopy(plan)
    twin.fiscal_year = fiscal_year
    twin.warnings = []
    twin.stated_total = None
    twin.source_name = f"copy of {plan.fiscal_year}"
    twin.source_sha256 = ""
    twin.revision = 1
    for strategy in twin.strategies:
        strategy.uid = new_uid(strategy.uid)
        strategy.stated_budget = None
        for tactic in strategy.tactics:
            tactic.uid = new_uid(tactic.uid)
            for activity in tactic.activities:
                activity.predecessor_uid = activity.uid
                activity.uid = new_uid(activity.uid)
                for row in activity.rows:
                    row.predecessor_uid = row.uid
                    row.uid = new_uid(row.uid)
    return twin
