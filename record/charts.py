"""Charts drawn on the server as SVG: readable without JavaScript, scaled to any width, and always
next to a table with the same figures (the table is what a screen reader reads; the SVG is hidden
from it by aria-hidden, its title says what it shows)."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .selectors import country_label as series_label

# Distinguishable for the common colour-vision deficiencies (Okabe-Ito), darker ones first.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
WIDTH = 600
BAR = 16
ROW = 44


def stacked_bars(*, title, rows, series):
    """rows: [(label, {series key: Figure})]; one horizontal bar per row, a segment per series, in
    the order of `series`, the row's total written after the bar. A label stands above its bar so
    that long names fit at phone width."""
    largest = max((sum(f.lower_bound for f in values.values()) for _label, values in rows), default=0) or 1
    scale = (WIDTH - 70) / largest
    colour = {key: PALETTE[i % len(PALETTE)] for i, key in enumerate(series)}
    legend_height = 24 * ((len(series) + 2) // 3)
    height = legend_height + ROW * len(rows) + 8
    parts = [
        f'<svg class="record-chart" width="100%" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-hidden="true" focusable="false"><title>{escape(title)}</title>'
    ]
    for i, key in enumerate(series):
        x, y = (i % 3) * 200, (i // 3) * 24
        parts.append(
            f'<rect x="{x}" y="{y + 4}" width="14" height="14" fill="{colour[key]}"/>'
            f'<text x="{x + 20}" y="{y + 16}" font-size="14">{escape(series_label(key))}</text>'
        )
    for index, (label, values) in enumerate(rows):
        y = legend_height + index * ROW
        parts.append(f'<text x="0" y="{y + 14}" font-size="14">{escape(label)}</text>')
        x = 0.0
        total = None
        for key in series:
            figure = values.get(key)
            if figure is None:
                continue
            total = figure if total is None else total + figure
            width = figure.lower_bound * scale
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 20}" width="{width:.1f}" height="{BAR}" fill="{colour[key]}">'
                f"<title>{escape(series_label(key))}: {escape(str(figure))}</title></rect>"
            )
            x += width
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 33}" font-size="14">{escape(str(total or ""))}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped
