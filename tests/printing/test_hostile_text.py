"""Whatever text passes the counter's checks prints (R20): emoji, control characters the
checks let through, mixed scripts, words with no break, the longest text allowed — the
repair order renders without an error and every glyph stays inside the page."""

from __future__ import annotations

import contextlib
import re
import subprocess
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service_desk.actions import orders
from service_desk.actions.context import ActionError
from service_desk.domain.pricing import LineDraft, PricingError
from service_desk.domain.validation import ValidationError
from service_desk.printing.forms import render_form
from service_desk.store import queries
from tests.conftest import NOW

A4 = (595.3, 841.9)  # points
TEXT = st.one_of(
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=2000),
    st.sampled_from(
        [
            "😀🚗🔧" * 200,
            "W" * 2000,
            "刹车" * 1000,
            "Ω≈ç√∫˜µ≤≥÷ åß∂ƒ©˙∆˚¬…æ" * 40,
            "بِسْمِ اللّٰهِ" * 50,
            "e\u0301" * 500,
        ]
    ),
)


def glyph_boxes(pdf: bytes) -> list[tuple[float, float, float, float]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(
            ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    pattern = r'xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)"'
    return [tuple(map(float, m)) for m in re.findall(pattern, out)]


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(request=TEXT, line=TEXT, technician=st.text(min_size=1, max_size=60))
def test_any_accepted_text_prints_inside_the_page(ctx, order_id, request, line, technician):
    oid = orders.open_order(ctx, queries.order(ctx.db, order_id)["vehicle_id"], "")
    try:
        orders.save_reception(ctx, oid, request=request, technician=technician)
    except (ActionError, ValidationError):
        orders.save_reception(ctx, oid, request="（原话未能保存）")
    with contextlib.suppress(ActionError, ValidationError, PricingError):
        orders.add_line(
            ctx,
            oid,
            LineDraft(
                kind="labour",
                description=line[:200],
                mode="item",
                qty_milli=1000,
                unit_price_fen=100,
            ),
        )
    pdf = render_form(ctx.db, "repair_order", oid, now=NOW, printed_by="王芳")
    boxes = glyph_boxes(pdf)
    assert boxes
    for x_min, y_min, x_max, y_max in boxes:
        assert x_min >= 0 and x_max <= A4[0] - 20, (x_min, x_max)
        assert y_min >= 0 and y_max <= A4[1], (y_min, y_max)
