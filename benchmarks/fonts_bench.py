"""How long a printed form takes with the cached Chinese font versus plain fpdf2.

    python benchmarks/fonts_bench.py [--runs 20]

Each approach runs in a fresh Python process (so "first document" includes
importing fpdf2 and finding and parsing the font), then makes --runs more
documents in the same process; the median of those is "later document".
The document: A4, a bold title, a 10-row table with bold headings and a
paragraph, ~300 Chinese characters. Nothing is written to disk.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

START = time.perf_counter()

TITLE = "进厂维修单 WX 20261127 0001"
ROWS = [
    ("项目", "说明", "金额"),
    ("常规保养", "更换机油、机油滤清器，检查轮胎气压", "¥480.00"),
    ("刹车异响排查", "前轮低速刹车异响，检查制动片与制动盘", "¥120.00"),
    ("前刹车片", "原厂配件，左右各一套", "¥680.00"),
    ("刹车盘打磨", "轻微沟槽，打磨后复查", "¥200.00"),
    ("空调滤芯", "更换空调滤芯，清洗风道", "¥98.00"),
    ("四轮定位", "方向盘跑偏，调整前束", "¥160.00"),
    ("雨刮片", "客户自带配件，只收工时", "¥30.00"),
    ("蓄电池检测", "电压正常，无需更换", "¥0.00"),
    ("洗车", "免费项目", "¥0.00"),
]
PARAGRAPH = (
    "客户反映车辆在低速行驶时刹车有异响，要求检查并做一次常规保养。经检查，前刹车片磨损到限，"
    "刹车盘有轻微沟槽，建议更换刹车片并打磨刹车盘。以上费用为估价，实际以结算单为准；"
    "超出估价百分之十五的项目须经客户同意后方可施工。旧件由客户带走。"
    "车内贵重物品请客户自行保管，本店不承担保管责任。交车时间如有变动，服务顾问将电话通知。"
)


def make_document(register) -> bytes:
    from fpdf import FPDF, FontFace

    pdf = FPDF()
    pdf.add_page()
    register(pdf)
    pdf.set_font("cjk", "B", 16)
    pdf.cell(text=TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=10)
    with pdf.table(col_widths=(30, 70, 25), headings_style=FontFace(emphasis="BOLD")) as table:
        for cells in ROWS:
            row = table.row()
            for text in cells:
                row.cell(text)
    pdf.ln(4)
    pdf.multi_cell(0, 6, PARAGRAPH)
    return bytes(pdf.output())


def child(mode: str, runs: int) -> dict:
    import fontTools
    import fpdf

    from service_desk.printing import fonts

    imported = time.perf_counter()
    choice = fonts.find_cjk_font()

    if mode == "cached":

        def register(pdf) -> None:
            fonts.add_cjk_font(pdf, choice)

    else:

        def register(pdf) -> None:
            for style in ("", "B"):
                pdf.add_font("cjk", style, str(choice.path), collection_font_number=choice.index)

    first = make_document(register)
    first_done = time.perf_counter()
    later = []
    for _ in range(runs):
        t0 = time.perf_counter()
        data = make_document(register)
        later.append(time.perf_counter() - t0)
    chinese = sum(1 for ch in TITLE + "".join(map("".join, ROWS)) + PARAGRAPH if ord(ch) > 0x2E80)
    return {
        "import": imported - START,
        "first": first_done - imported,
        "total": first_done - START,
        "later": statistics.median(later),
        "later_min": min(later),
        "bytes": len(data),
        "first_bytes": len(first),
        "font": f"{choice.name} ({choice.path}#{choice.index})",
        "versions": f"fpdf2 {fpdf.FPDF_VERSION}, fontTools {fontTools.version}, "
        f"Python {sys.version.split()[0]}",
        "chinese": chinese,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--child", choices=("cached", "plain"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.runs)))
        return
    results = {}
    for mode in ("cached", "plain"):
        done = subprocess.run(
            [sys.executable, __file__, "--child", mode, "--runs", str(args.runs)],
            capture_output=True,
            text=True,
            check=True,
        )
        results[mode] = json.loads(done.stdout.strip().splitlines()[-1])
    info = results["cached"]
    print(f"font:     {info['font']}")
    print(f"versions: {info['versions']}")
    print(f"document: A4, title + 10-row table + paragraph, {info['chinese']} Chinese characters")
    print()
    header = (
        f"{'approach':<26}{'import':>9}{'1st doc':>9}{'1st total':>11}"
        f"{'later (median of ' + str(args.runs) + ')':>24}{'PDF size':>11}"
    )
    print(header)
    print("-" * len(header))
    names = {"cached": "add_cjk_font (cached)", "plain": "fpdf2 add_font per doc"}
    for mode, r in results.items():
        print(
            f"{names[mode]:<26}{r['import']:>8.3f}s{r['first']:>8.3f}s{r['total']:>10.3f}s"
            f"{r['later'] * 1000:>21.1f} ms{r['bytes'] / 1024:>8.1f} KB"
        )
    speedup = results["plain"]["later"] / results["cached"]["later"]
    print()
    print(f"later documents: {speedup:.1f}x faster with the cached font")


if __name__ == "__main__":
    main()
