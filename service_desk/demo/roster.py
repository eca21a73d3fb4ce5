"""The demo dealership's staff: who they are, their roles, the supervisor's PIN."""

from __future__ import annotations

SUPERVISOR_PIN = "2468"
ADVISORS = ("王芳", "刘洋", "孙丽")
SUPERVISOR = "陈建国"
CASHIER = "周敏"
WORKSHOP_HEAD = "马卫东"  # 车间主管
TEAM_LEADERS = ("赵志刚", "吴海涛")  # 班组长
STAFF: tuple[tuple[str, str], ...] = (
    *((name, "advisor") for name in ADVISORS),
    (SUPERVISOR, "supervisor"),
    (CASHIER, "cashier"),
    (WORKSHOP_HEAD, "workshop"),
    *((name, "workshop") for name in TEAM_LEADERS),
)

# How often each advisor (in ADVISORS order) takes a walk-in.
ADVISOR_WEIGHTS = (55, 28, 17)
