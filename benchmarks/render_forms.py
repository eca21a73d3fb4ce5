"""How long a printed 30-line repair order takes: first in a fresh process, then each later one.

    python benchmarks/render_forms.py [--runs 30] [--processes 3] [--keep DIR]

Builds a temporary database with the demo dealership (service_desk.demo.fill_demo: about
60 customers, 70 cars, 115 orders) and, through the counter actions, one signed repair
order with exactly 30 lines (labour, parts and fees; all three pricing modes, all three
payers, customer-supplied and aftermarket parts, so every clause prints). Then, for each
approach, --processes fresh Python processes each do:

1. start -> import -> first form: the parent times from spawning the process to the
   moment the child reports the first PDF's bytes ready (interpreter start, imports,
   opening the database, finding and parsing the font, rendering: everything); the
   child times its own parts (import, first render);
2. --runs more renders of the same order in the same process (the counter prints all
   day): median and p95.

Approaches:

- fpdf2, cold: ``render_form(db, "repair_order", ...)`` with nothing done before, so the
  first call finds (fontconfig) and parses the CJK font;
- fpdf2, preloaded: as the app does, ``fonts.preload()`` runs in a background thread
  right after the import; the first form is rendered once that thread is done (the
  preload's own time is shown apart);
- Qt reference: the same page content (same order context and template labels, as an
  HTML table) set on a ``QTextDocument`` and printed to a ``QPrinter`` in PdfFormat
  (A4, 12 mm margins, HighResolution like the app's printer) writing a temporary file,
  read back as bytes. Its "import" includes creating the QGuiApplication.

Every later render re-reads the order from the database (render_form does; the Qt
reference calls the same order_context). The figures are medians over the processes
(min-max in brackets); the last PDF of each approach is kept for the page count and size.
Nothing is cached between processes except what the OS caches (font file, .pyc files).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

START = time.perf_counter()

TZ = "Asia/Shanghai"
TODAY = (2026, 11, 27, 17, 30)  # "now" of the demo archive
COUNTER = (2026, 11, 27, 17, 40)  # the advisor writes the 30-line order
PRINTED = (2026, 11, 27, 18, 0)  # the fixed `now` of every render
PRINTED_BY = "王芳"
GOAL_LATER_MS = 100.0
GOAL_FIRST_S = 1.0
MODES = ("fpdf", "fpdf-preload", "qt")
NAMES = {
    "fpdf": "fpdf2 `render_form`, font parsed at first print",
    "fpdf-preload": "fpdf2 `render_form`, font preloaded at start",
    "qt": "Qt `QTextDocument` → `QPrinter` PDF (reference)",
}

REQUEST = (
    "前保险杠左侧被刮蹭，左前大灯进水起雾；高速 100 公里以上方向盘抖动，刹车时前轮有异响；"
    "空调出风有异味，制冷慢。顺便做 60000 公里保养，旧件带走。"
)
OTHER = "下午 5 点前能提车最好；车内行车记录仪请勿拔下。客户自带雨刮片和脚垫，只收安装工时。"
DIAGNOSIS = (
    "前保险杠左下角破裂、左前雾灯框断裂；左前大灯灯壳密封胶老化进水。试车 100-120 km/h "
    "方向盘抖动，四轮动平衡左前轮偏差 45 g，前刹车片剩余 2 mm、刹车盘有沟槽。空调蒸发箱脏污，"
    "鼓风机有异响。电子节气门积碳较多。"
)


def order_lines(rate: int, margin: int) -> list:
    """The 30 lines: maintenance, brakes, A/C, body and paint, a warranty update, fees."""
    from service_desk.domain.pricing import LineDraft, parse_qty

    def lab(text, hours, system, mode="system", payer="customer", price=rate):
        return LineDraft(
            kind="labour",
            description=text,
            mode=mode,
            qty_milli=parse_qty(hours),
            unit_price_fen=price,
            payer=payer,
            system_code=system,
            risk_margin_bp=margin if mode == "symptom" else 0,
        )

    def part(text, qty, price, system, no="", mode="item", source="dealer", quality=None):
        return LineDraft(
            kind="part",
            description=text,
            mode=mode,
            qty_milli=parse_qty(qty),
            unit_price_fen=price,
            system_code=system,
            parts_source=source,
            part_quality=quality or ("aftermarket" if source == "customer" else "genuine"),
            part_no=no,
            risk_margin_bp=margin if mode == "symptom" else 0,
        )

    def fee(text, price, system=None, payer="customer"):
        return LineDraft(
            kind="fee",
            description=text,
            mode="item",
            qty_milli=1000,
            unit_price_fen=price,
            payer=payer,
            system_code=system,
        )

    return [
        lab("60000 公里定期保养（更换机油机滤、检查底盘及灯光）", "1", "engine"),
        part("全合成机油 5W-30 SN 4L", "1", 39800, "engine", "SMF-5W30-4L"),
        part("全合成机油 5W-30 SN 1L", "1", 10800, "engine", "SMF-5W30-1L"),
        part("机油滤清器总成", "1", 4500, "engine", "F01-1012010"),
        part("空气滤清器滤芯", "1", 8600, "engine", "T21-1109111"),
        lab("更换空调滤清器，清洗蒸发箱及风道杀菌", "0.8", "aircon", "item"),
        part("空调滤清器滤芯（活性炭）", "1", 9800, "aircon", "T15-8107910"),
        part("空调蒸发箱清洗剂", "1", 6800, "aircon", quality="aftermarket"),
        lab("鼓风机异响排查，必要时更换鼓风机", "1", "aircon", "symptom"),
        part("鼓风机总成", "1", 46000, "aircon", "T21-8107110", mode="symptom"),
        lab("前刹车片及前刹车盘更换", "1.2", "brakes"),
        part("前刹车片（一套）", "1", 42000, "brakes", "T21-3501080"),
        part("前刹车盘", "2", 38000, "brakes", "T21-3501075"),
        part("刹车油 DOT4 1L", "1", 6800, "brakes", "DOT4-1L"),
        lab("四轮动平衡及四轮定位", "1", "tyres", price=16000),
        part("平衡块（粘贴式）", "6", 500, "tyres", quality="aftermarket"),
        lab("前保险杠拆装、修复及喷漆（左下角）", "3.5", "body"),
        part("左前雾灯框", "1", 8500, "body", "T21-2803551"),
        part("前保险杠卡扣", "8", 300, "body", "Q2736312"),
        fee("油漆材料费（前保险杠半面）", 45000, "paint"),
        lab("左前大灯拆装、烘干及重新密封", "1.5", "lighting", "symptom"),
        part("大灯密封胶", "1", 3500, "lighting", quality="aftermarket"),
        lab("电子节气门清洗及怠速学习", "0.6", "engine", "item"),
        part("节气门清洗剂", "1", 4800, "engine", "CHERY-TBC"),
        lab("中控屏偶发黑屏，升级车机软件（厂家技术通报）", "0.5", "electrical", payer="warranty"),
        lab("安装客户自带雨刮片", "0.2", "body", "item"),
        part("雨刮片（客户自带）", "2", 0, "body", source="customer"),
        part("全包围脚垫（客户自带）", "1", 0, "interior", source="customer"),
        fee("环保废油及旧件处理费", 2000),
        fee("免费洗车（店内活动）", 3000, payer="internal"),
    ]


def _moment(parts: tuple[int, ...]):
    import datetime as dt
    from zoneinfo import ZoneInfo

    return dt.datetime(*parts, tzinfo=ZoneInfo(TZ))


# --- the dataset ------------------------------------------------------------------------


def build_dataset(folder: Path) -> tuple[Path, int, dict]:
    """A demo archive plus one signed 30-line repair order, made through the actions."""
    import datetime as dt

    from service_desk.actions import orders
    from service_desk.actions.archive import last_odometer
    from service_desk.actions.context import Ctx
    from service_desk.demo import fill_demo
    from service_desk.domain.clock import fixed_clock
    from service_desk.store import settings
    from service_desk.store.open import open_database

    path = folder / "service_desk.sqlite3"
    db = open_database(path)
    counts = fill_demo(db, _moment(TODAY))
    advisor = db.execute(
        "SELECT id FROM staff WHERE role = 'advisor' AND active = 1 ORDER BY id LIMIT 1"
    ).fetchone()[0]
    vehicle_id = db.execute(
        "SELECT v.id FROM vehicles v WHERE v.vin IS NOT NULL AND v.owner_id IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM repair_orders r WHERE r.vehicle_id = v.id "
        "AND r.state NOT IN ('done', 'closed', 'void', 'declined', 'released')) "
        "ORDER BY v.model_code = 'TIGGO8PRO' DESC, v.id LIMIT 1"
    ).fetchone()[0]
    ctx = Ctx(db, fixed_clock(_moment(COUNTER)), user_id=advisor)
    order_id = orders.open_order(ctx, vehicle_id, REQUEST)
    km = (last_odometer(ctx, vehicle_id) or 58000) + 1850
    orders.save_reception(
        ctx,
        order_id,
        request=REQUEST,
        other_requests=OTHER,
        diagnosis=DIAGNOSIS,
        technician="赵志刚",
        repair_category="general_repair",
        odometer_in=km,
        promised_at=_moment(COUNTER) + dt.timedelta(hours=22, minutes=50),
    )
    rate = int(settings.get(db, "labour_rate_fen"))
    for draft in order_lines(rate, int(settings.get(db, "symptom_margin_bp"))):
        orders.add_line(ctx, order_id, draft)
    orders.sign(ctx, order_id)
    lines = db.execute(
        "SELECT count(*) FROM order_lines WHERE order_id = ? AND status = 'active'", [order_id]
    ).fetchone()[0]
    assert lines == 30, lines
    db.close()
    return path, order_id, counts


# --- the children (one fresh process each) ------------------------------------------------


def _ready() -> None:
    """Tell the parent the first PDF's bytes are ready (it timed the process start)."""
    sys.stdout.write("READY\n")
    sys.stdout.flush()


def _spread(samples: list[float]) -> dict:
    ordered = sorted(samples)
    rank = max(0, -(-95 * len(ordered) // 100) - 1)  # nearest-rank 95th percentile
    return {"median": statistics.median(ordered), "p95": ordered[rank], "min": ordered[0]}


def child_fpdf(args, preload: bool) -> dict:
    from service_desk.printing.forms import render_form

    imported = time.perf_counter()
    from service_desk.store.open import open_database

    db = open_database(Path(args.db))
    opened = time.perf_counter()
    result: dict = {}
    if preload:
        import threading

        from service_desk.printing import fonts

        # as ui/application.py does at start: find and parse the font off the UI thread
        worker = threading.Thread(target=lambda: fonts.preload(fonts.find_cjk_font()))
        worker.start()
        worker.join()
        result["preload"] = time.perf_counter() - opened
    now = _moment(PRINTED)
    t0 = time.perf_counter()
    data = render_form(db, "repair_order", args.order, now=now, printed_by=PRINTED_BY)
    first_done = time.perf_counter()
    _ready()
    later = []
    for _ in range(args.runs):
        t = time.perf_counter()
        data = render_form(db, "repair_order", args.order, now=now, printed_by=PRINTED_BY)
        later.append(time.perf_counter() - t)
    Path(args.out).write_bytes(data)
    from service_desk.printing import fonts

    choice = fonts.find_cjk_font()
    db.close()
    return {
        **result,
        "import": imported - START,
        "open_db": opened - imported,
        "first": first_done - t0,
        "in_process": first_done - START,
        "later": later,
        "font": f"{choice.name} ({choice.path}#{choice.index})",
    }


def _html(context: dict, template) -> str:
    """The repair order's page as HTML: the same template labels and order context.

    Text, fields, tables, totals, clauses and signature boxes; blocks fpdf2 draws as
    graphics (barcode, QR code, damage diagram) are left out.
    """
    from html import escape

    def label(value) -> str:
        return escape("" if value is None else value["zh"])

    def value_at(path: str) -> str:
        node = context
        for part in path.split("."):
            node = node.get(part, "") if isinstance(node, dict) else ""
        return escape(str(node))

    dealer = context["dealer"]
    order = context["order"]
    out = [
        "<html><body style=\"font-family: 'WenQuanYi Micro Hei', 'Microsoft YaHei', "
        "'Noto Sans CJK SC', sans-serif; font-size: 9pt;\">",
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td><b style="font-size: 12pt;">{escape(dealer["name"])}</b><br/>'
        f'<span style="font-size: 8pt; color: #6e6e6e;">'
        f"{escape(dealer['address'])}  {escape(dealer['phone'])}</span></td>"
        f'<td align="right" style="font-size: 8pt;">{escape(order["number_spoken"])}</td>'
        "</tr></table>",
        f'<p align="center" style="font-size: 16pt; font-weight: bold; margin: 4px;">'
        f"{label(template.title)}</p><hr/>",
    ]
    grid = (
        'width="100%" border="1" cellspacing="0" cellpadding="2" style="border-collapse: collapse;"'
    )
    for block in template.blocks:
        if block.type == "fields":
            out.append(f"<table {grid}><tr>")
            col = 0
            for item in block.items:
                span = min(item.span, block.columns - col)
                out.append(
                    f'<td bgcolor="#f2f2f2" style="font-size: 8pt;">{label(item.label)}</td>'
                    f'<td colspan="{2 * span - 1}">{value_at(item.value)}</td>'
                )
                col += span
                if col >= block.columns:
                    out.append("</tr><tr>")
                    col = 0
            out.append("</tr></table>")
        elif block.type == "text":
            out.append(
                f'<table {grid}><tr><td width="18%" bgcolor="#f2f2f2" style="font-size: 8pt;">'
                f"{label(block.label)}</td><td>{value_at(block.value) or '&nbsp;'}</td></tr>"
                "</table>"
            )
        elif block.type == "list":
            entries = context.get(block.value.split(".")[0]) or []
            out.append(f"<p><b>{label(block.label)}</b></p>")
            texts = [f"{i}. {escape(e)}" for i, e in enumerate(entries, 1)] or [
                f'<span style="color: #6e6e6e;">{label(block.empty)}</span>'
            ]
            out.extend(f"<p>{t}</p>" for t in texts)
        elif block.type in ("lines", "table"):
            total = sum(item.width or 10 for item in block.items)
            align = {"L": "left", "C": "center", "R": "right"}
            out.append(f"<p><b>{label(block.label)}</b></p>")
            out.append(f'<table {grid} style="font-size: 8pt;"><thead><tr bgcolor="#ebebeb">')
            for item in block.items:
                width = round(100 * (item.width or 10) / total)
                out.append(f'<th width="{width}%">{label(item.label)}</th>')
            out.append("</tr></thead>")
            node: object = context
            for part in (block.value or "lines").split("."):
                node = node.get(part, []) if isinstance(node, dict) else []
            for line in node or []:
                out.append("<tr>")
                for item in block.items:
                    text = escape(str(line.get(item.value, "")))
                    wrap = "" if item.align == "L" else ' style="white-space: nowrap;"'
                    out.append(f'<td align="{align[item.align]}"{wrap}>{text}</td>')
                out.append("</tr>")
            out.append("</table>")
        elif block.type == "totals":
            out.append('<table border="1" cellspacing="0" cellpadding="2" align="right"><tr>')
            for i, item in enumerate(block.items):
                bold = i == len(block.items) - 1
                amount = value_at(item.value)
                out.append(
                    f'<td bgcolor="#f2f2f2" style="white-space: nowrap;">{label(item.label)}</td>'
                    f'<td align="right" style="white-space: nowrap;">'
                    f"{f'<b>{amount}</b>' if bold else amount}</td>"
                )
            out.append("</tr></table><br/>")
        elif block.type == "clauses":
            out.append(f"<p><b>{label(block.label)}</b></p>")
            for i, text in enumerate(context["clauses"], 1):
                out.append(f'<p style="font-size: 8pt;">{i}. {escape(text)}</p>')
        elif block.type == "note":
            out.append(f"<p>{label(block.label)}</p>")
        elif block.type == "signatures":
            out.append(f"<table {grid}><tr>")
            for item in block.items:
                when = "<br/><br/>时间：    年   月   日   时   分" if item.time else ""
                out.append(f'<td height="70" valign="top">{label(item.label)}{when}</td>')
            out.append("</tr></table>")
    out.append(f'<p style="font-size: 7.5pt; color: #6e6e6e;">{escape(context["printed"])}</p>')
    out.append("</body></html>")
    return "".join(out)


def child_qt(args) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QTextDocument
    from PySide6.QtPrintSupport import QPrinter

    from service_desk.printing.context import order_context
    from service_desk.printing.templates import load

    app = QGuiApplication.instance() or QGuiApplication(["render_forms"])
    imported = time.perf_counter()
    from service_desk.store.open import open_database

    db = open_database(Path(args.db))
    opened = time.perf_counter()
    stamp = _moment(PRINTED).strftime("%Y-%m-%d %H:%M")
    folder = Path(tempfile.mkdtemp(prefix="qt-render-"))

    def render(name: str) -> bytes:
        context = order_context(db, args.order, "zh")
        context["printed"] = f"打印：{PRINTED_BY} {stamp}"
        document = QTextDocument()
        document.setHtml(_html(context, load("repair_order")))
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
        target = folder / name
        printer.setOutputFileName(str(target))
        document.print_(printer)
        del printer  # the PDF is complete once the printer is gone
        return target.read_bytes()

    t0 = time.perf_counter()
    data = render("first.pdf")
    first_done = time.perf_counter()
    _ready()
    later = []
    for i in range(args.runs):
        t = time.perf_counter()
        data = render(f"later-{i}.pdf")
        later.append(time.perf_counter() - t)
    Path(args.out).write_bytes(data)
    db.close()
    shutil.rmtree(folder, ignore_errors=True)
    del app
    return {
        "import": imported - START,
        "open_db": opened - imported,
        "first": first_done - t0,
        "in_process": first_done - START,
        "later": later,
        "font": "fontconfig fallback for the CSS family list",
    }


def run_child(mode: str, db: Path, order_id: int, out: Path, runs: int) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, __file__, "--child", mode, "--db", str(db)]
    command += ["--order", str(order_id), "--out", str(out), "--runs", str(runs)]
    t0 = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.strip() == "READY":
                ready = time.perf_counter() - t0
                break
        else:
            raise RuntimeError(f"{mode}: the child ended before its first form")
        rest = proc.stdout.read()
    if proc.returncode:
        raise RuntimeError(f"{mode}: the child failed ({proc.returncode})")
    result = json.loads(rest.strip().splitlines()[-1])
    result["start_to_first"] = ready
    return result


# --- report ---------------------------------------------------------------------------------


def pdf_pages(data: bytes) -> int:
    try:
        from io import BytesIO

        from pypdf import PdfReader

        return len(PdfReader(BytesIO(data)).pages)
    except ImportError:  # pypdf is a test dependency; count page objects instead
        import re

        return len(re.findall(rb"/Type\s*/Page[^s]", data))


def load_average() -> str:
    """1/5/15-minute load average (Unix): above ~0 before the run, something else is busy."""
    return "/".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"


def code_version() -> str:
    """Which service_desk was measured: its folder, git commit and uncommitted changes."""
    import service_desk

    root = Path(service_desk.__file__).resolve().parent.parent

    def git(*args: str) -> str:
        try:
            done = subprocess.run(
                ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=10
            )
        except (OSError, subprocess.SubprocessError):
            return ""
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return f"{root} (not a git checkout)"
    dirty = git("status", "--porcelain", "--untracked-files=no", "--", "service_desk", "forms")
    return f"{root} at commit {commit}" + (" + uncommitted changes" if dirty else "")


def machine() -> dict[str, str]:
    from importlib import metadata

    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or cpu

    def version(*names: str) -> str:
        for name in names:
            try:
                return metadata.version(name)
            except metadata.PackageNotFoundError:
                continue
        return "?"

    return {
        "cpu": f"{cpu}, {os.cpu_count()} logical cores",
        "python": sys.version.split()[0],
        "fpdf2": version("fpdf2"),
        "pyside6": version("PySide6-Essentials", "PySide6"),
        "os": platform.platform(terse=True),
    }


def summarize(results: list[dict], out: Path) -> dict:
    def median_range(key: str, scale: float = 1.0) -> tuple[float, float, float]:
        values = [r[key] * scale for r in results if key in r]
        if not values:
            return (float("nan"),) * 3  # type: ignore[return-value]
        return statistics.median(values), min(values), max(values)

    later = [_spread(r["later"]) for r in results]
    data = out.read_bytes()
    return {
        "start_to_first": median_range("start_to_first"),
        "import": median_range("import"),
        "open_db": median_range("open_db"),
        "preload": median_range("preload"),
        "first": median_range("first"),
        "later_median": statistics.median(s["median"] * 1000 for s in later),
        "later_p95": statistics.median(s["p95"] * 1000 for s in later),
        "later_range": (
            min(s["median"] * 1000 for s in later),
            max(s["median"] * 1000 for s in later),
        ),
        "pages": pdf_pages(data),
        "kb": len(data) / 1024,
        "font": results[-1]["font"],
    }


def fmt_s(triple, processes: int) -> str:
    median, low, high = triple
    if median != median:  # nan
        return "—"
    if processes > 1:
        return f"{median:.2f} s ({low:.2f}–{high:.2f})"
    return f"{median:.2f} s"


def verdict(value: float, goal: float, unit: str) -> str:
    digits = 0 if unit == "ms" else 2
    text = f"{value:.{digits}f} {unit}"
    if value <= goal:
        return f"{text}, met"
    return f"{text}, NOT met ({value - goal:.{digits}f} {unit} over, {value / goal:.1f}× the goal)"


def report(summary: dict[str, dict], args, info: dict[str, str], counts: dict) -> str:
    p = args.processes
    lines = [
        f"Machine: {info['cpu']}; {info['os']}; Python {info['python']}, "
        f"fpdf2 {info['fpdf2']}, PySide6 {info['pyside6']}; load average (1/5/15 min) before "
        f"the run {info['load_before']}, at the end {info['load_after']} (this run adds ~1).",
        f"Code: {info['code']}. Font (fpdf2): {summary['fpdf']['font']}.",
        f"Dataset: demo archive ({counts['customers']} customers, {counts['vehicles']} cars, "
        f"{counts['orders']} orders) + one signed repair order with 30 lines; "
        f"{p} fresh process(es) per row, {args.runs} later renders each.",
        "",
        "| renderer | import | first form in process | process start → first PDF "
        "| later form, median | later form, p95 | pages | PDF size |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for mode in MODES:
        s = summary[mode]
        first = fmt_s(s["first"], p)
        if mode == "fpdf-preload":
            first += f" + preload {fmt_s(s['preload'], 1)}"
        later = f"{s['later_median']:.1f} ms"
        if p > 1:
            later += f" ({s['later_range'][0]:.1f}–{s['later_range'][1]:.1f})"
        lines.append(
            f"| {NAMES[mode]} | {fmt_s(s['import'], p)} | {first} "
            f"| {fmt_s(s['start_to_first'], p)} | {later} | {s['later_p95']:.1f} ms "
            f"| {s['pages']} | {s['kb']:.1f} KB |"
        )
    fp = summary["fpdf"]
    pre = summary["fpdf-preload"]
    qt = summary["qt"]
    lines += [
        "",
        f"Goal later form ≤ {GOAL_LATER_MS:.0f} ms (median): fpdf2 cold process "
        f"{verdict(fp['later_median'], GOAL_LATER_MS, 'ms')}, fpdf2 preloaded "
        f"{verdict(pre['later_median'], GOAL_LATER_MS, 'ms')}; "
        f"Qt reference {qt['later_median']:.0f} ms.",
        f"Goal first form ≤ {GOAL_FIRST_S:.0f} s (process start → first PDF): fpdf2 cold "
        f"{verdict(fp['start_to_first'][0], GOAL_FIRST_S, 's')}, fpdf2 preloaded "
        f"{verdict(pre['start_to_first'][0], GOAL_FIRST_S, 's')} (preload waited for); "
        f"Qt reference {qt['start_to_first'][0]:.2f} s. The first `render_form` call "
        f"alone: {fp['first'][0]:.2f} s cold, {pre['first'][0]:.2f} s after the preload.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="later renders per process")
    parser.add_argument("--processes", type=int, default=3, help="fresh processes per row")
    parser.add_argument("--keep", type=Path, help="keep the database and last PDFs here")
    parser.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--order", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        if args.child == "qt":
            result = child_qt(args)
        else:
            result = child_fpdf(args, preload=args.child == "fpdf-preload")
        print(json.dumps(result))
        return

    load_before = load_average()
    with tempfile.TemporaryDirectory(prefix="render-forms-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        db_path, order_id, counts = build_dataset(folder)
        print(f"dataset built in {time.perf_counter() - t0:.1f} s: {db_path}", file=sys.stderr)
        results: dict[str, list[dict]] = {mode: [] for mode in MODES}
        for i in range(args.processes):  # interleaved, so drift hits every row alike
            for mode in MODES:
                out = folder / f"{mode}.pdf"
                results[mode].append(run_child(mode, db_path, order_id, out, args.runs))
                r = results[mode][-1]
                print(
                    f"  process {i + 1} {mode:<13} start→first {r['start_to_first']:.3f} s, "
                    f"later median {statistics.median(r['later']) * 1000:.1f} ms",
                    file=sys.stderr,
                )
        summary = {mode: summarize(results[mode], folder / f"{mode}.pdf") for mode in MODES}
    info = {**machine(), "load_before": load_before, "load_after": load_average()}
    info["code"] = code_version()
    print(report(summary, args, info, counts))


if __name__ == "__main__":
    main()
