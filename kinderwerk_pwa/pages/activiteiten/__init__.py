"""Activiteiten: the week of a location (phone), the month (desktop), planning, and the field
sheet of one activity (tap tiles for registered children, the anonymous tally, realised /
cancelled / moved). The domain is domain/activiteiten; these pages only show and collect."""

from .month import MonthState, month_page
from .plan_form import plan_page
from .plan_state import PlanState
from .sheet import sheet_page
from .sheet_state import SheetState
from .today import today_block, today_rows
from .week import WeekState, week_page

__all__ = ["MonthState", "PlanState", "SheetState", "WeekState", "month_page", "plan_page", "sheet_page",
           "today_block", "today_rows", "week_page"]
