"""Native Excel charts over the tables' ranges: bar by model, pie of repair categories,
line of daily intake. Each series reads its values (with the heading as its title) and
its categories straight from the table, so the chart follows an edit of the table."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.chart import BarChart, LineChart, PieChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.worksheet.worksheet import Worksheet

from service_desk.export.tables import Placed

CM_PER_ROW = 0.55  # chart height per bar of a horizontal bar chart


def _values(ws: Worksheet, table: Placed, heading: str) -> Reference:
    col = table.col(heading)
    return Reference(ws, min_col=col, max_col=col, min_row=table.header_row, max_row=table.last_row)


def _categories(ws: Worksheet, table: Placed, heading: str) -> Reference:
    col = table.col(heading)
    return Reference(ws, min_col=col, max_col=col, min_row=table.first_row, max_row=table.last_row)


def bar_chart(
    ws: Worksheet, table: Placed, category: str, series: Sequence[str], title: str, anchor: str
) -> BarChart:
    """Horizontal bars, one per table row, the first row on top."""
    chart = BarChart()
    chart.type = "bar"
    chart.style = 10
    chart.title = title
    for heading in series:
        chart.add_data(_values(ws, table, heading), titles_from_data=True)
    chart.set_categories(_categories(ws, table, category))
    chart.x_axis.scaling.orientation = "maxMin"  # first row at the top
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.majorGridlines = None
    chart.y_axis.number_format = "0"
    chart.gapWidth = 60
    if len(series) == 1:
        chart.legend = None
    else:
        chart.legend.position = "b"
    rows = table.last_row - table.header_row
    chart.height = max(7.5, 2.5 + CM_PER_ROW * rows * max(1, len(series) * 0.7))
    chart.width = 16
    ws.add_chart(chart, anchor)
    return chart


def pie_chart(
    ws: Worksheet, table: Placed, category: str, value: str, title: str, anchor: str
) -> PieChart:
    chart = PieChart()
    chart.title = title
    chart.add_data(_values(ws, table, value), titles_from_data=True)
    chart.set_categories(_categories(ws, table, category))
    chart.dataLabels = DataLabelList()
    chart.dataLabels.showPercent = True
    chart.dataLabels.showVal = False
    chart.dataLabels.showCatName = False
    chart.dataLabels.showSerName = False
    chart.dataLabels.showLeaderLines = True
    chart.height = 9
    chart.width = 14
    ws.add_chart(chart, anchor)
    return chart


def line_chart(
    ws: Worksheet,
    table: Placed,
    category: str,
    value: str,
    title: str,
    anchor: str,
    date_format: str = "m-d",
) -> LineChart:
    """A line over the days; ``date_format`` labels them ('d' within one month)."""
    chart = LineChart()
    chart.title = title
    chart.style = 12
    chart.add_data(_values(ws, table, value), titles_from_data=True)
    chart.set_categories(_categories(ws, table, category))
    chart.legend = None
    chart.x_axis.number_format = date_format
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.number_format = "0"
    chart.y_axis.scaling.min = 0
    series = chart.series[0]
    series.marker.symbol = "circle"
    series.smooth = False
    chart.height = 8
    chart.width = 18
    ws.add_chart(chart, anchor)
    return chart
