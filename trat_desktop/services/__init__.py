"""Application services: what the CLI and the GUI call. No SQL and no Qt here."""

from .plan import AgencyInfo, PlanService, plan_summary, read_document
from .progress import ProgressService, WorkItem

__all__ = ["AgencyInfo", "PlanService", "ProgressService", "WorkItem", "plan_summary", "read_document"]
