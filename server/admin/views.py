"""``GET /admin`` (the dashboard) and ``GET /admin/export.csv``; only for the admin app role."""

from __future__ import annotations

import csv
import io
from typing import Any

from flask import Blueprint, Response, current_app, render_template, request

from server.admin.charts import bar_chart, column_chart
from server.admin.figures import METRIC_LABELS, METRICS, Figures, collect
from server.api.policy import describe_policy
from server.auth import require_role
from server.database import session
from server.engine import policy
from server.errors import ApiError

bp = Blueprint("admin", __name__, url_prefix="/admin", template_folder="templates", static_folder="static")

DEFAULT_DAYS = 30
MAX_DAYS = 366
METRIC_COLOURS = {"scans": "#1f6feb", "blocks": "#cf222e", "redactions": "#bf8700", "notices": "#1a7f37"}
TOP_TYPES = 10
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _require_admin() -> None:
    require_role(current_app.config["AIGUARD_SETTINGS"].admin_role)


def _days() -> int:
    raw = request.args.get("days", str(DEFAULT_DAYS))
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_DAYS:
        raise ApiError(
            "invalid_request", zh=f"參數 days 應為 1 到 {MAX_DAYS}", en=f"days must be 1 to {MAX_DAYS}"
        )
    return int(raw)


def _figures() -> Figures:
    with session() as db:
        return collect(db, _days())


@bp.get("")
def dashboard() -> str:
    _require_admin()
    figures = _figures()
    day_labels = [day.strftime("%m-%d") for day in figures.days]
    daily_charts = [
        (
            METRIC_LABELS[metric],
            column_chart(
                METRIC_LABELS[metric][1],
                day_labels,
                [figures.per_day.get(day, {}).get(metric, 0) for day in figures.days],
                METRIC_COLOURS[metric],
            ),
        )
        for metric in METRICS
    ]
    departments = sorted(figures.per_department, key=lambda d: -figures.per_department[d]["scans"])
    department_charts = [
        (
            METRIC_LABELS[metric],
            bar_chart(
                METRIC_LABELS[metric][1],
                departments,
                [figures.per_department[d][metric] for d in departments],
                METRIC_COLOURS[metric],
            ),
        )
        for metric in METRICS
    ]
    from nlp.articles import TYPE_LABELS

    top_types = figures.finding_types.most_common(TOP_TYPES)
    types_chart = bar_chart(
        "Top finding types",
        [f"{TYPE_LABELS.get(t, (t, t))[0]} {t}" for t, _ in top_types],
        [n for _, n in top_types],
    )
    return render_template(
        "admin.html",
        figures=figures,
        metrics=METRICS,
        metric_labels=METRIC_LABELS,
        daily_charts=daily_charts,
        department_charts=department_charts,
        types_chart=types_chart,
        top_types=top_types,
        departments=departments,
        policy=describe_policy(policy()),
        days=_days(),
    )


def _cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells (CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


@bp.get("/export.csv")
def export_csv() -> Response:
    _require_admin()
    figures = _figures()
    types = sorted(figures.finding_types)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["day", "department", *METRICS])
    for (day, department), counts in sorted(figures.per_day_department.items()):
        writer.writerow([day.isoformat(), _cell(department), *(counts.get(m, 0) for m in METRICS)])
    writer.writerow([])
    writer.writerow(["finding_type", "count"])
    for finding_type in types:
        writer.writerow([finding_type, figures.finding_types[finding_type]])
    response = Response("\ufeff" + out.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="aiguard-{figures.since}-{figures.until}.csv"'
    )
    return response
