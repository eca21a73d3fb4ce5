"""Customer groups, campaigns and letter runs (R2, R3).

- A group's members are counted and listed on the day asked (store/segment_queries.py for
  the archive's figures; the due-service band as the call list has it: the car's due
  predicted by actions/service_due.py, cached per car).
- A campaign is launched on a saved group: the group's members that day become its
  targets (campaign_targets), so its figures stay those of the cars it was launched on.
- A letter run (``letter_run``) is one letter per customer: a group's service reminders
  (保养提醒函) or a campaign's letters (its own text; an invitation 邀请函 unless it is a
  service-reminder campaign). Cars whose owner said they sold it, or whose owner's number
  was found wrong, get no letter (they are counted as left out). ``record_letters``, once
  the printer took the run, logs each letter as a contact (channel 'letter', outcome
  'sent', purpose 'campaign' with the campaign, or 'letter'), one per customer: about the
  car when the letter is about one car, about none (the plates in its note) when it
  lists several.
- A campaign's figures count cars: targeted, covered by a letter, contacted about it
  (the owner reached by phone, WeChat, SMS or in person: a try nobody answered or a
  message with no answer yet does not count), and booked. "Booked" is a booking that answers the
  campaign: a contact of the campaign whose outcome is 'booked', or an appointment (not
  cancelled) made for the car after its letter and by the campaign's last day — a
  customer who phones in after the letter books without anyone logging the campaign.
- ``campaign_reasons`` gives the daily call list the running campaigns each car is
  targeted by and nobody has reached its owner about yet.

Every change is one transaction with its audit rows (entities 'customer_group',
'campaign', 'contact'); nothing is deleted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from service_desk import reference
from service_desk.actions import service_due
from service_desk.actions.context import ActionError, Ctx, audit
from service_desk.domain import next_service as ns
from service_desk.domain import segments as rules
from service_desk.domain import validation as v
from service_desk.store import segment_queries as sq
from service_desk.store.queries import Row


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def model_name(code: str, lang: str = "zh") -> str:
    try:
        return reference.car_model(code).name(lang)
    except KeyError:
        return code


def known_models() -> frozenset[str]:
    return frozenset(m.code for m in reference.car_models())


def describe(criteria: rules.Criteria, lang: str = "zh") -> str:
    return rules.describe(criteria, lang, model_name)


# --- members ------------------------------------------------------------------------------------


def _filters(c: rules.Criteria, today: dt.date, campaign_id: int | None = None) -> sq.Filters:
    after, until = rules.purchase_bounds(today, c.age_min, c.age_max)
    before, since = rules.last_visit_bounds(
        today, c.last_visit_before_days, c.last_visit_within_days
    )

    def iso(day: dt.date | None) -> str | None:
        return None if day is None else day.isoformat()

    return sq.Filters(
        since=rules.window_start(today).isoformat(),
        today=today.isoformat(),
        models=tuple(c.models),
        purchased_after=iso(after),
        purchased_until=iso(until),
        visits_min=c.visits_min,
        visits_max=c.visits_max,
        spend_min_fen=c.spend_min_fen,
        spend_max_fen=c.spend_max_fen,
        visited_before=iso(before),
        visited_since=iso(since),
        campaign_id=campaign_id,
    )


def _due_days(c: rules.Criteria, today: dt.date) -> tuple[str | None, str | None]:
    """The due days (from, to) of the due-service choice, as ISO dates: its bands are one
    stretch of days (overdue: before today; due within 7 days: today .. +7; within 30
    days: +8 .. +30). The exact band of each car is checked again (rules.matches_due)."""
    if not c.due_bands:
        return None, None
    days = {
        ns.OVERDUE: (dt.date.min, today - dt.timedelta(days=1)),
        ns.DUE_7: (today, today + dt.timedelta(days=7)),
        ns.DUE_30: (today + dt.timedelta(days=8), today + dt.timedelta(days=30)),
    }
    low = min(days[b][0] for b in c.due_bands)
    high = max(days[b][1] for b in c.due_bands)
    return ("" if low == dt.date.min else low.isoformat()), high.isoformat()


def _members(
    db: sqlite_utils.Database, c: rules.Criteria, today: dt.date, campaign_id: int | None = None
) -> list[rules.Member]:
    service_due.refresh(db, today)
    due_from, due_to = _due_days(c, today)
    filters = dataclasses.replace(_filters(c, today, campaign_id), due_from=due_from, due_to=due_to)
    found = []
    for r in sq.member_rows(db, filters):
        due = service_due.cached(r, today)
        if not rules.matches_due(c, due.day, today):
            continue
        purchase = _date(r["purchase_date"])
        found.append(
            rules.Member(
                vehicle_id=r["vehicle_id"],
                plate=r["plate"],
                model_code=r["model_code"],
                purchase_date=purchase,
                age=None if purchase is None else rules.age_years(purchase, today),
                customer_id=r["customer_id"],
                customer_name=r["customer_name"],
                phone=r["phone"],
                address=r["address"],
                visits=int(r["visits"]),
                spend_fen=int(r["spend_fen"]),
                last_visit=_date(r["last_visit"]),
                due=due,
                sold_car=bool(r["sold_car"]),
                wrong_number=bool(r["wrong_number"]),
            )
        )
    return found


def check(c: rules.Criteria) -> None:
    v.raise_if_errors(rules.check_criteria(c, known_models()))


def members(db: sqlite_utils.Database, c: rules.Criteria, today: dt.date) -> list[rules.Member]:
    """The cars meeting the criteria today (refused when the criteria are not valid)."""
    check(c)
    return _members(db, c, today)


# --- groups -------------------------------------------------------------------------------------


def save_group(ctx: Ctx, name: str, criteria: rules.Criteria, note: str = "") -> int:
    """Save the criteria as a named group (the name free among the groups in use)."""
    actor = ctx.actor()
    problems = rules.check_criteria(criteria, known_models())
    problems += v.collect(
        v.check_name(name, "name", rules.NAME_MAX), v.check_text(note, "note", rules.NOTE_MAX)
    )
    v.raise_if_errors(problems)
    name = name.strip()
    record = {
        "name": name,
        "criteria": json.dumps(criteria.to_json(), ensure_ascii=False, sort_keys=True),
        "note": note.strip(),
        "created_at": ctx.now(),
        "created_by": actor["id"],
    }
    with ctx.transaction() as db:
        if sq.group_named(db, name) is not None:
            raise ActionError("group.duplicate", "name", name=name)
        group_id = int(db["customer_groups"].insert(record).last_pk)
        audit(ctx, "customer_group", group_id, "save", None, record)
    return group_id


def _group(db: sqlite_utils.Database, group_id: int) -> Row:
    found = sq.group(db, group_id)
    if found is None:
        raise ActionError("record.missing", None, table="customer_groups", id=group_id)
    return found


def criteria_of(row: Row) -> rules.Criteria:
    return rules.Criteria.from_json(json.loads(row["criteria"]))


def retire_group(ctx: Ctx, group_id: int) -> None:
    """Take a group out of use (its campaigns keep their targets)."""
    actor = ctx.actor()
    g = _group(ctx.db, group_id)
    if g["retired_at"] is not None:
        raise ActionError("group.retired", "group", name=g["name"])
    changes = {"retired_at": ctx.now(), "retired_by": actor["id"]}
    with ctx.transaction() as db:
        db["customer_groups"].update(group_id, changes)
        audit(ctx, "customer_group", group_id, "retire", {"retired_at": None}, changes)


def groups(db: sqlite_utils.Database) -> list[Row]:
    return sq.groups(db)


def group_members(db: sqlite_utils.Database, group_id: int, today: dt.date) -> list[rules.Member]:
    return _members(db, criteria_of(_group(db, group_id)), today)


# --- campaigns ----------------------------------------------------------------------------------


def launch_campaign(ctx: Ctx, group_id: int, draft: rules.CampaignDraft) -> int:
    """Launch a campaign on a saved group: its members today become the targets."""
    actor = ctx.actor()
    today = ctx.clock().date()
    g = _group(ctx.db, group_id)
    if g["retired_at"] is not None:
        raise ActionError("group.retired", "group", name=g["name"])
    v.raise_if_errors(rules.check_campaign(draft, today))
    name = draft.name.strip()
    criteria = criteria_of(g)
    targets = _members(ctx.db, criteria, today)
    if not targets:
        raise ActionError("campaign.no_targets", "group", name=g["name"])
    assert draft.valid_from is not None and draft.valid_to is not None  # checked above
    record = {
        "name": name,
        "kind": draft.kind,
        "group_id": group_id,
        "criteria": g["criteria"],
        "valid_from": draft.valid_from.isoformat(),
        "valid_to": draft.valid_to.isoformat(),
        "offer": draft.offer.strip(),
        "letter_text": draft.letter_text.strip(),
        "launched_at": ctx.now(),
        "launched_by": actor["id"],
    }
    with ctx.transaction() as db:
        if sq.running_named(db, name, today.isoformat()) is not None:
            raise ActionError("campaign.duplicate", "name", name=name)
        campaign_id = int(db["campaigns"].insert(record).last_pk)
        db["campaign_targets"].insert_all(
            {"campaign_id": campaign_id, "vehicle_id": m.vehicle_id, "customer_id": m.customer_id}
            for m in targets
        )
        audit(ctx, "campaign", campaign_id, "launch", None, {**record, "targets": len(targets)})
    return campaign_id


def _campaign(db: sqlite_utils.Database, campaign_id: int) -> Row:
    found = sq.campaign(db, campaign_id)
    if found is None:
        raise ActionError("record.missing", None, table="campaigns", id=campaign_id)
    return found


def end_campaign(ctx: Ctx, campaign_id: int) -> None:
    """End a campaign before its last day (it leaves the call list)."""
    actor = ctx.actor()
    m = _campaign(ctx.db, campaign_id)
    if m["ended_at"] is not None:
        raise ActionError("campaign.ended", "campaign", name=m["name"])
    changes = {"ended_at": ctx.now(), "ended_by": actor["id"]}
    with ctx.transaction() as db:
        db["campaigns"].update(campaign_id, changes)
        audit(ctx, "campaign", campaign_id, "end", {"ended_at": None}, changes)


def status(row: Row, today: dt.date) -> str:
    return rules.campaign_status(
        dt.date.fromisoformat(row["valid_from"]),
        dt.date.fromisoformat(row["valid_to"]),
        row["ended_at"] is not None,
        today,
    )


def campaign_list(db: sqlite_utils.Database, today: dt.date) -> list[dict[str, Any]]:
    """Every campaign (latest first) with its status today and its figures."""
    return [{**m, "status": status(m, today), **sq.figures(db, m["id"])} for m in sq.campaigns(db)]


def campaign(db: sqlite_utils.Database, campaign_id: int) -> Row:
    return _campaign(db, campaign_id)


def figures(db: sqlite_utils.Database, campaign_id: int) -> dict[str, int]:
    _campaign(db, campaign_id)
    return sq.figures(db, campaign_id)


def targets(db: sqlite_utils.Database, campaign_id: int, today: dt.date) -> list[rules.Member]:
    """The cars a campaign targeted, as they are today."""
    _campaign(db, campaign_id)
    return _members(db, rules.Criteria(), today, campaign_id)


def campaign_reasons(db: sqlite_utils.Database, today: dt.date) -> dict[int, list[dict]]:
    """Vehicle id -> the campaigns running today that target it and that nobody has reached
    its owner about yet (a letter sent does not count: it is in ``letter_sent_on``; nor a
    try nobody answered);
    cars booked in response, sold, or whose owner's number is wrong are left out. Each
    reason: code 'campaign', campaign_id, name, kind, offer, valid_from, valid_to (dates)
    and letter_sent_on (a date or None)."""
    reasons: dict[int, list[dict]] = {}
    for r in sq.open_targets(db, today.isoformat()):
        reasons.setdefault(r["vehicle_id"], []).append(
            {
                "code": "campaign",
                "campaign_id": r["campaign_id"],
                "name": r["name"],
                "kind": r["kind"],
                "offer": r["offer"],
                "valid_from": dt.date.fromisoformat(r["valid_from"]),
                "valid_to": dt.date.fromisoformat(r["valid_to"]),
                "letter_sent_on": _date(r["letter_sent_on"]),
            }
        )
    return reasons


# --- letter runs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class LetterRun:
    kind: str  # rules.REMINDER or rules.INVITATION
    letters: tuple[rules.Letter, ...]
    group: Row | None = None
    campaign: Row | None = None
    left_out: int = 0  # cars whose owner sold them or whose number is wrong
    already_sent: int = 0  # customers a letter of this campaign already went to

    @property
    def cars(self) -> int:
        return sum(len(x.cars) for x in self.letters)


def letter_run(
    ctx: Ctx, *, group_id: int | None = None, campaign_id: int | None = None, resend: bool = False
) -> LetterRun:
    """Who gets a letter now: a group's members (service reminders) or a campaign's
    targets (once per customer unless ``resend``); nothing is written until the letters
    are printed (``record_letters``)."""
    ctx.actor()
    today = ctx.clock().date()
    if (group_id is None) == (campaign_id is None):
        raise ValueError("a letter run is for a group or for a campaign")
    group = campaign_row = None
    sent: set[int] = set()
    if campaign_id is not None:
        campaign_row = _campaign(ctx.db, campaign_id)
        problem = rules.check_letter_run(
            campaign_row["kind"],
            campaign_row["letter_text"],
            dt.date.fromisoformat(campaign_row["valid_to"]),
            campaign_row["ended_at"] is not None,
            today,
        )
        if problem is not None:
            raise ActionError(problem.code, problem.field, name=campaign_row["name"])
        found = _members(ctx.db, rules.Criteria(), today, campaign_id)
        if not resend:
            sent = sq.customers_with_letter(ctx.db, campaign_id)
        kind = rules.letter_kind(campaign_row["kind"])
    else:
        assert group_id is not None
        group = _group(ctx.db, group_id)
        if group["retired_at"] is not None:
            raise ActionError("group.retired", "group", name=group["name"])
        found = _members(ctx.db, criteria_of(group), today)
        kind = rules.REMINDER
    reachable = [m for m in found if m.reachable]
    unsent = [m for m in reachable if m.customer_id not in sent]
    run = LetterRun(
        kind=kind,
        letters=rules.letters_of(unsent),
        group=group,
        campaign=campaign_row,
        left_out=len(found) - len(reachable),
        already_sent=len({m.customer_id for m in reachable if m.customer_id in sent}),
    )
    if not run.letters:
        raise ActionError(
            "letter.nobody", None, left_out=run.left_out, already_sent=run.already_sent
        )
    return run


def record_letters(ctx: Ctx, run: LetterRun) -> list[int]:
    """Log each printed letter as a contact with its customer (one per customer: about
    the car when it is about one, the plates in its note)."""
    actor = ctx.actor()
    campaign_id = run.campaign["id"] if run.campaign is not None else None
    ids = []
    with ctx.transaction() as db:
        for letter in run.letters:
            record = {
                "customer_id": letter.customer_id,
                "vehicle_id": letter.cars[0].vehicle_id if len(letter.cars) == 1 else None,
                "at": ctx.now(),
                "staff_id": actor["id"],
                "channel": "letter",
                "purpose": "campaign" if campaign_id is not None else "letter",
                "campaign_id": campaign_id,
                "outcome": "sent",
                "note": "、".join(m.plate for m in letter.cars),
            }
            contact_id = int(db["contacts"].insert(record).last_pk)
            audit(ctx, "contact", contact_id, "letter", None, record)
            ids.append(contact_id)
    return ids
