"""The customer-care years of a generated dealership (benchmarks/dataset.py): what the care
desk wrote while the orders went through.

    python benchmarks/dataset_care.py FILE.sqlite3 [--seed 1]

``add_care(path, seed=1)`` adds, to a file made by ``dataset.generate`` (and left without
any care rows), what a diligent counter logs around the orders, in the order the schema's
triggers watch:

- follow-ups of every release (migration 015): ~90 % reached within their window
  (release day + 2 .. + 7), ~4 % declined, ~6 % not reached at the first call and
  reached at the second; the releases whose window is still open are half done;
- complaints (~0.4 % of the orders, resolved; those of the last two weeks still open or
  answered) and enquiries at the counter (~3 a day);
- appointments (migration 014): ~22 % of the orders came booked (arrived, the order
  linked), booked ones that were missed or cancelled, and the bookings of the next two
  weeks; a third of the arrived ones were booked by the dealer's call (a contact
  'booked' with the appointment);
- the call list's other calls of the last two years (migration 017): no answer, call
  backs, not interested, messages sent, a few sold cars and wrong numbers;
- warranty claims (migration 019) of the orders with warranty lines: filed 5..15 days
  after the order was finished, approved and paid within weeks (a few rejected and filed
  again); the orders finished in the last weeks are still to claim or waiting.

Groups and campaigns are saved through the actions (benchmarks/ten_years.py does it).
The same seed makes the same rows; the file's ``now`` is the last order's day + 1.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import json
import random
import sqlite3
import sys
import time
from pathlib import Path

from service_desk.domain import care as care_rules

VERSION = 1  # of what it writes: part of the benchmarks' cache names
DAY = dt.timedelta(days=1)
TZ = dt.timezone(dt.timedelta(hours=8))
CONTACT_YEARS = 2
CALLS_PER_ORDER = 0.35  # the call list's calls a day, per order opened a day


def ts(moment: dt.datetime) -> str:
    return moment.astimezone(TZ).replace(microsecond=0).isoformat()


def at_hour(day: dt.date, rng: random.Random, start: int = 9, end: int = 17) -> dt.datetime:
    seconds = rng.randrange(start * 3600, end * 3600)
    return dt.datetime.combine(day, dt.time(0), tzinfo=TZ) + dt.timedelta(seconds=seconds)


class Care:
    def __init__(self, con: sqlite3.Connection, seed: int):
        self.con = con
        self.rng = random.Random(seed)
        last = con.execute("SELECT max(created_at) FROM repair_orders").fetchone()[0]
        self.now = dt.datetime.fromisoformat(last).replace(hour=18, minute=0, second=0)
        self.today = self.now.date()
        staff = con.execute("SELECT id, role FROM staff WHERE active = 1").fetchall()
        self.advisors = [i for i, role in staff if role == "advisor"]
        self.supervisor = next(i for i, role in staff if role == "supervisor")
        self.counts: dict[str, int] = {}

    def _write(self, sql: str, rows: list[tuple]) -> None:
        if rows:
            self.con.executemany(sql, rows)
            table = sql.split()[2]
            self.counts[table] = self.counts.get(table, 0) + len(rows)

    # --- follow-ups, complaints, enquiries -------------------------------------------------

    def follow_ups(self) -> None:
        rng, rows = self.rng, []
        sql = (
            "INSERT INTO follow_ups (order_id, due_from, due_to, done_at, staff_id, channel,"
            " outcome, car_runs, service_opinion, satisfaction, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        )
        releases = self.con.execute(
            "SELECT r.order_id, r.released_at, o.advisor_id FROM releases r"
            " JOIN repair_orders o ON o.id = r.order_id ORDER BY r.order_id"
        )
        for order_id, released_at, advisor in releases:
            window = care_rules.follow_up_window(dt.datetime.fromisoformat(released_at), TZ)
            if window.due_from > self.today or (window.due_to >= self.today and rng.random() < 0.5):
                continue  # not yet, or still to do in the open window
            last = min(window.due_to, self.today)
            span = (last - window.due_from).days
            day = window.due_from + dt.timedelta(days=rng.randint(0, span))
            done = at_hour(day, rng)
            channel = "phone" if rng.random() < 0.85 else "wechat"
            draw = rng.random()
            if draw < 0.06:  # not reached at the first call, reached at a later one
                rows.append(
                    (
                        order_id,
                        window.due_from,
                        window.due_to,
                        ts(done),
                        advisor,
                        "phone",
                        "not_reached",
                        "",
                        "",
                        None,
                        "无人接听",
                    )
                )
                done += dt.timedelta(hours=rng.randint(2, 30))
            if draw < 0.96:
                score = rng.choices((5, 4, 3, 2, 1), (70, 22, 6, 1.5, 0.5))[0]
                rows.append(
                    (
                        order_id,
                        window.due_from,
                        window.due_to,
                        ts(done),
                        advisor,
                        channel,
                        "reached",
                        "车况正常" if score >= 4 else "还有点异响",
                        "满意" if score >= 4 else "一般",
                        score,
                        "",
                    )
                )
            else:
                rows.append(
                    (
                        order_id,
                        window.due_from,
                        window.due_to,
                        ts(done),
                        advisor,
                        channel,
                        "declined",
                        "",
                        "",
                        None,
                        "客户表示没时间",
                    )
                )
            if len(rows) >= 20000:
                self._write(sql, rows)
                rows = []
        self._write(sql, rows)

    def complaints(self) -> None:
        rng = self.rng
        orders = self.con.execute(
            "SELECT id, customer_id, created_at FROM repair_orders"
            " WHERE state IN ('released', 'done') AND abs(random()) % 1000 < 4 ORDER BY id"
        ).fetchall()
        rows = []
        for order_id, customer_id, created in orders:
            received = dt.datetime.fromisoformat(created) + dt.timedelta(days=rng.randint(2, 10))
            if received > self.now:
                continue
            recent = received > self.now - 14 * DAY
            reply_by = received + dt.timedelta(hours=24)
            answered = received + dt.timedelta(hours=rng.randint(1, 20))
            state = "resolved"
            if recent and rng.random() < 0.5:
                state = "open" if reply_by > self.now else "answered"
            row = {
                "customer_id": customer_id,
                "order_id": order_id,
                "channel": rng.choice(("phone", "in_person")),
                "text": rng.choice(
                    ("维修后异响未消除", "等待时间太长", "费用比报价高", "车辆有划痕")
                ),
                "received_at": ts(received),
                "received_by": rng.choice(self.advisors),
                "reply_by": ts(reply_by),
                "answer": "",
                "answered_at": None,
                "answered_by": None,
                "resolution": "",
                "resolved_at": None,
                "resolved_by": None,
                "customer_accepted": None,
                "accepted_at": None,
                "state": state,
                "updated_at": ts(received),
            }
            if state != "open":
                row.update(
                    answer="已致电解释并安排复查",
                    answered_at=ts(answered),
                    answered_by=self.supervisor,
                    updated_at=ts(answered),
                )
            if state == "resolved":
                row.update(
                    resolution="复查后客户满意",
                    resolved_at=ts(answered + DAY),
                    resolved_by=self.supervisor,
                    customer_accepted=1,
                    accepted_at=ts(answered + DAY),
                    updated_at=ts(answered + DAY),
                )
            rows.append(row)
        if rows:
            names = list(rows[0])
            sql = (
                f"INSERT INTO complaints ({', '.join(names)})"
                f" VALUES ({', '.join('?' * len(names))})"
            )
            self._write(sql, [tuple(r[n] for n in names) for r in rows])

    def enquiries(self) -> None:
        rng, rows = self.rng, []
        first = self.con.execute("SELECT min(created_at) FROM repair_orders").fetchone()[0]
        day = dt.date.fromisoformat(first[:10])
        questions = (
            ("保养一次多少钱？", "按车型和里程，常规保养约 400–800 元。"),
            ("首保是免费的吗？", "购车 6 个月或 5000 公里内首保免工时费。"),
            ("周末营业吗？", "周六周日正常营业，8:00–18:00。"),
        )
        while day <= self.today:
            for _ in range(rng.choice((1, 2, 3, 3, 4, 5))):
                question, answer = rng.choice(questions)
                rows.append(
                    (
                        None,
                        rng.choice("王李张刘陈杨") + "先生",
                        "",
                        f"13{rng.randrange(10**9):09d}",
                        question,
                        answer,
                        ts(at_hour(day, rng)),
                        rng.choice(self.advisors),
                    )
                )
            day += DAY
        self._write(
            "INSERT INTO enquiries (customer_id, name, workplace, contact, question, answer,"
            " answered_at, answered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    # --- appointments and the call list's contacts -----------------------------------------

    def _slot(self, start: dt.datetime) -> tuple[str, str, str]:
        start = start.replace(minute=(start.minute // 30) * 30, second=0)
        return ts(start), ts(start + dt.timedelta(minutes=60)), start.date().isoformat()

    def appointments(self) -> None:
        rng = self.rng
        booked_sql = (
            "INSERT INTO appointments (id, customer_id, vehicle_id, requested_by, slot_start,"
            " slot_end, day, items, booked_by, booked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        )
        end_sql = (
            "UPDATE appointments SET state = ?, order_id = ?, cancel_reason = ?,"
            " ended_by = ?, ended_at = ? WHERE id = ?"
        )
        contact_sql = (
            "INSERT INTO contacts (customer_id, vehicle_id, at, staff_id, channel, purpose,"
            " outcome, appointment_id, note) VALUES (?, ?, ?, ?, 'phone', 'service_due',"
            " 'booked', ?, '')"
        )
        next_id = 1
        booked, ended, contacts = [], [], []
        orders = self.con.execute(
            "SELECT id, customer_id, vehicle_id, advisor_id, created_at, repair_category"
            " FROM repair_orders WHERE state <> 'void' ORDER BY id"
        )
        for order_id, customer_id, vehicle_id, advisor, created, category in orders:
            share = 0.4 if category == "maintenance" else 0.08
            if rng.random() >= share:
                continue
            arrived = dt.datetime.fromisoformat(created)
            slot = arrived - dt.timedelta(minutes=rng.randint(-20, 30))
            at = slot - dt.timedelta(days=rng.randint(1, 7), hours=rng.randint(0, 6))
            by_dealer = category == "maintenance" and rng.random() < 0.33
            start, stop, day = self._slot(slot)
            booked.append(
                (
                    next_id,
                    customer_id,
                    vehicle_id,
                    "dealer" if by_dealer else "customer",
                    start,
                    stop,
                    day,
                    "保养" if category == "maintenance" else "检查维修",
                    advisor,
                    ts(at),
                )
            )
            ended.append(("arrived", order_id, "", advisor, created, next_id))
            if by_dealer:
                contacts.append((customer_id, vehicle_id, ts(at), advisor, next_id))
            next_id += 1
            if rng.random() < 0.12:  # a booking of the same car that was missed or cancelled
                earlier = slot - dt.timedelta(days=rng.randint(10, 60))
                if earlier < at:
                    start, stop, day = self._slot(earlier)
                    booked_at = earlier - dt.timedelta(days=rng.randint(1, 5))
                    booked.append(
                        (
                            next_id,
                            customer_id,
                            vehicle_id,
                            "customer",
                            start,
                            stop,
                            day,
                            "保养",
                            advisor,
                            ts(booked_at),
                        )
                    )
                    if rng.random() < 0.5:
                        ended.append(("missed", None, "", advisor, stop, next_id))
                    else:
                        reason = "客户临时有事"
                        ended.append(
                            ("cancelled", None, reason, advisor, ts(booked_at + DAY), next_id)
                        )
                    next_id += 1
        # the next two weeks' bookings
        cars = self.con.execute(
            "SELECT v.id, v.owner_id FROM vehicles v WHERE NOT EXISTS (SELECT 1 FROM"
            " repair_orders o WHERE o.vehicle_id = v.id AND o.state NOT IN"
            " ('void', 'closed', 'done', 'released', 'declined'))"
            " ORDER BY v.id DESC LIMIT 20000"
        ).fetchall()
        picked = rng.sample(cars, min(len(cars), 14 * 45))
        for n, (vehicle_id, customer_id) in enumerate(picked):
            day = self.today + dt.timedelta(days=1 + n % 14)
            slot = at_hour(day, rng, 8, 16)
            start, stop, day_text = self._slot(slot)
            booked.append(
                (
                    next_id,
                    customer_id,
                    vehicle_id,
                    "customer",
                    start,
                    stop,
                    day_text,
                    "保养",
                    rng.choice(self.advisors),
                    ts(self.now - dt.timedelta(days=rng.randint(0, 6))),
                )
            )
            next_id += 1
        self._write(booked_sql, booked)
        self.con.executemany(end_sql, ended)
        self._write(contact_sql, contacts)

    def calls(self) -> None:
        """The call list's calls of the last years that did not end in a booking."""
        rng = self.rng
        since = self.today - dt.timedelta(days=365 * CONTACT_YEARS)
        recent = self.con.execute(
            "SELECT count(*) FROM repair_orders WHERE created_at >= ?",
            [(self.today - 28 * DAY).isoformat()],
        ).fetchone()[0]
        per_day = max(3, round(recent / 28 * CALLS_PER_ORDER))
        cars = self.con.execute(
            "SELECT DISTINCT v.id, v.owner_id, v.created_at FROM repair_orders o"
            " JOIN vehicles v ON v.id = o.vehicle_id WHERE o.created_at >= ?"
            " ORDER BY v.created_at, v.id",
            [since.isoformat()],
        ).fetchall()
        created = [c[2][:10] for c in cars]
        rows = []
        day = max(since, dt.date.fromisoformat(created[0]) + DAY) if cars else self.today + DAY
        while day <= self.today:
            known = bisect.bisect_left(created, day.isoformat())  # registered before the day
            if day.weekday() < 6 and known:
                for vehicle_id, customer_id, _c in rng.choices(cars[:known], k=per_day):
                    at = at_hour(day, rng)
                    draw = rng.random()
                    channel, outcome, back, note = "phone", "no_answer", None, ""
                    if draw < 0.35:
                        pass
                    elif draw < 0.50:
                        outcome = "not_interested"
                    elif draw < 0.65:
                        outcome = "call_back"
                        back = ts(at + dt.timedelta(days=rng.randint(1, 7)))
                    elif draw < 0.97:
                        channel, outcome = rng.choice(("sms", "wechat")), "sent"
                    elif draw < 0.985:
                        outcome, note = "sold_car", "车已卖"
                    else:
                        outcome, note = "wrong_number", "空号"
                    rows.append(
                        (
                            customer_id,
                            vehicle_id,
                            ts(at),
                            rng.choice(self.advisors),
                            channel,
                            "service_due",
                            outcome,
                            back,
                            note,
                        )
                    )
                    if back is not None and back < ts(self.now):
                        rows.append(self.called_back(customer_id, vehicle_id, back))
            day += DAY
        self._write(
            "INSERT INTO contacts (customer_id, vehicle_id, at, staff_id, channel, purpose,"
            " outcome, call_back_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    def called_back(self, customer_id: int, vehicle_id: int, back: str) -> tuple:
        """The call back made when the customer asked: reached, mostly not interested (a
        booking is made by the appointments of the orders)."""
        rng = self.rng
        at = dt.datetime.fromisoformat(back) + dt.timedelta(minutes=rng.randint(0, 90))
        outcome = "not_interested" if rng.random() < 0.9 else "sold_car"
        return (
            customer_id,
            vehicle_id,
            ts(at),
            rng.choice(self.advisors),
            "phone",
            "call_back",
            outcome,
            None,
            "",
        )

    # --- warranty claims -------------------------------------------------------------------

    def claims(self) -> None:
        rng = self.rng
        orders = self.con.execute(
            """SELECT o.id, coalesce(r.released_at, s.settled_at, o.updated_at), w.fen
                 FROM (SELECT order_id, sum(amount_fen) AS fen FROM order_lines
                        WHERE payer = 'warranty' AND status = 'active' GROUP BY order_id) w
                 JOIN repair_orders o ON o.id = w.order_id
                 LEFT JOIN settlements s ON s.order_id = o.id
                 LEFT JOIN releases r ON r.order_id = o.id
                WHERE o.state IN ('settled', 'released', 'done') AND w.fen > 0
                ORDER BY o.id"""
        ).fetchall()
        filed, approved, rejected, paid = [], [], [], []
        next_id = 1
        for order_id, finished, fen in orders:
            at = dt.datetime.fromisoformat(finished) + dt.timedelta(days=rng.randint(5, 15))
            if at > self.now:
                continue  # still to claim
            staff = rng.choice(self.advisors)
            refile = None
            if rng.random() < 0.03:
                decided = at + dt.timedelta(days=rng.randint(5, 20))
                filed.append(
                    (next_id, order_id, f"CL{order_id:08d}A", None, fen, fen, ts(at), staff, ts(at))
                )
                if decided <= self.now:
                    rejected.append((ts(decided), staff, "材料不全", ts(decided), next_id))
                    refile, at = next_id, decided + dt.timedelta(days=rng.randint(1, 5))
                    next_id += 1
                else:
                    next_id += 1
                    continue
                if at > self.now:
                    continue
            filed.append(
                (next_id, order_id, f"CL{order_id:08d}", refile, fen, fen, ts(at), staff, ts(at))
            )
            decided = at + dt.timedelta(days=rng.randint(10, 30))
            if decided <= self.now:
                approved.append((fen, ts(decided), self.supervisor, ts(decided), next_id))
                cash = decided + dt.timedelta(days=rng.randint(15, 45))
                if cash <= self.now:
                    paid.append((fen, ts(cash), self.supervisor, ts(cash), next_id))
            next_id += 1
        self._write(
            "INSERT INTO warranty_claims (id, order_id, claim_number, refiles, lines_fen,"
            " claimed_fen, submitted_at, submitted_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
            " ?, ?)",
            [row for row in filed if row[3] is None],
        )
        self.con.executemany(
            "UPDATE warranty_claims SET state = 'rejected', rejected_at = ?, rejected_by = ?,"
            " rejection_reason = ?, updated_at = ? WHERE id = ?",
            rejected,
        )
        self._write(
            "INSERT INTO warranty_claims (id, order_id, claim_number, refiles, lines_fen,"
            " claimed_fen, submitted_at, submitted_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
            " ?, ?)",
            [row for row in filed if row[3] is not None],
        )
        self.con.executemany(
            "UPDATE warranty_claims SET state = 'approved', approved_fen = ?, approved_at = ?,"
            " approved_by = ?, updated_at = ? WHERE id = ?",
            approved,
        )
        self.con.executemany(
            "UPDATE warranty_claims SET state = 'paid', paid_fen = ?, paid_at = ?, paid_by = ?,"
            " updated_at = ? WHERE id = ?",
            paid,
        )


def add_care(path: str | Path, seed: int = 1) -> dict[str, float]:
    """Add the care rows to the generated file at ``path``; returns rows per table and
    ``seconds``."""
    began = time.perf_counter()
    con = sqlite3.connect(str(path), isolation_level=None)
    try:
        con.execute("PRAGMA foreign_keys = ON")
        if con.execute("SELECT count(*) FROM follow_ups").fetchone()[0]:
            raise ValueError(f"{path} has care rows already")
        care = Care(con, seed)
        con.execute("BEGIN")
        care.follow_ups()
        care.complaints()
        care.enquiries()
        care.appointments()
        care.calls()
        care.claims()
        con.execute("COMMIT")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    result: dict[str, float] = dict(sorted(care.counts.items()))
    result["seconds"] = time.perf_counter() - began
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a file made by benchmarks/dataset.py")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    result = add_care(args.path, args.seed)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
