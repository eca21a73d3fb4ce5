"""The two-character index (migration 022, store/queries._short): a fragment of one or
two characters finds exactly what LIKE over the names, phones and plates finds, newest
first, and the index follows every new and changed customer and car."""

from __future__ import annotations

import pytest

from service_desk.store.queries import search_ids


def like_ids(db, table: str, columns: tuple[str, ...], text: str, limit: int = 50) -> list[int]:
    where = " OR ".join(f"{c} LIKE ?" for c in columns)
    sql = f"SELECT id FROM {table} WHERE {where} ORDER BY id DESC LIMIT ?"
    return [r[0] for r in db.execute(sql, [f"%{text}%"] * len(columns) + [limit])]


@pytest.fixture(scope="module")
def demo(demo_file, tmp_path_factory):
    from tests.conftest import open_demo_copy

    return open_demo_copy(demo_file, tmp_path_factory)


def fragments(db) -> set[str]:
    """Every one- and two-character piece of every name, phone and plate of the demo,
    and a few that are in none of them."""
    found = {"Q", "qz", "%", "_", "京Z", "X9"}
    for (text,) in db.execute(
        "SELECT name FROM customers UNION SELECT phone FROM customers "
        "UNION SELECT plate FROM vehicles WHERE plate IS NOT NULL"
    ):
        for i in range(len(text)):
            found.add(text[i])
            found.add(text[i : i + 2])
    return found


def test_short_fragments_find_what_like_finds(demo):
    for text in sorted(fragments(demo)):
        ids = search_ids(demo, text, limit=5)
        if "%" in text or "_" in text:  # LIKE's wildcards: the index takes them literally
            assert ids["customers"] == [] and ids["vehicles"] == [], text
            continue
        assert ids["customers"] == like_ids(demo, "customers", ("name", "phone"), text, 5), text
        if ids["vehicles"]:
            assert ids["vehicles"] == like_ids(demo, "vehicles", ("plate",), text, 5), text


def test_case_is_folded_like_like(demo):
    plate = demo.execute("SELECT plate FROM vehicles ORDER BY id DESC LIMIT 1").fetchone()[0]
    letters = next(plate[i : i + 2] for i in range(len(plate) - 1) if plate[i : i + 2].isalpha())
    assert search_ids(demo, letters.lower())["vehicles"] == search_ids(demo, letters)["vehicles"]


def test_the_index_follows_new_and_changed_records(ctx):
    from tests.ui.test_reception import register_zhang

    customer_id, vehicle_id = register_zhang(ctx)
    db = ctx.db
    assert customer_id in search_ids(db, "张三")["customers"]
    assert customer_id in search_ids(db, "78")["customers"]  # 13812345678
    assert vehicle_id in search_ids(db, "B1")["vehicles"]
    db.execute("UPDATE customers SET name = '李四' WHERE id = ?", [customer_id])
    db.execute("UPDATE vehicles SET plate = '皖C99999' WHERE id = ?", [vehicle_id])
    assert customer_id not in search_ids(db, "张三")["customers"]
    assert customer_id in search_ids(db, "李四")["customers"]
    assert vehicle_id not in search_ids(db, "B1")["vehicles"]
    assert vehicle_id in search_ids(db, "C9")["vehicles"]
    assert vehicle_id in search_ids(db, "C")["vehicles"]
