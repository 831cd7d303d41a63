"""IT's dashboard: a public page that signs the admin in, and the admin-only figures it fetches.

- ``GET /admin``: the page (no figures, no user text). Its script (``static/admin.js``) signs the admin in with
  MSAL.js in the browser (redirect flow; client id, authority and scope are rendered as data attributes from
  the settings) and fetches the two routes below with ``Authorization: Bearer …``. In development mode it
  fetches them without a token.
- ``GET /admin/dashboard``: the figures as an HTML fragment with server-drawn SVG charts (admin app role).
- ``GET /admin/export.csv``: the figures per day and department, then per finding type (admin app role).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Response, current_app, render_template, request, url_for

from server.admin.charts import bar_chart, column_chart
from server.admin.figures import METRIC_LABELS, METRICS, Figures, collect
from server.api.policy import describe_policy
from server.auth import require_role
from server.config import Settings
from server.database import session
from server.engine import policy
from server.errors import ApiError

bp = Blueprint("admin", __name__, url_prefix="/admin", template_folder="templates", static_folder="static")

DEFAULT_DAYS = 30
MAX_DAYS = 366
PERIODS = (7, 30, 90)
METRIC_COLOURS = {"scans": "#1f6feb", "blocks": "#cf222e", "redactions": "#bf8700", "notices": "#1a7f37"}
TOP_TYPES = 10
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MSAL_SCRIPT = "/addin/vendor/msal-browser.min.js"
MULTI_TENANT_AUTHORITY = "organizations"


@dataclass(frozen=True)
class SignIn:
    """What the page's script needs to sign the admin in with MSAL.js (nothing secret)."""

    dev_mode: bool
    client_id: str
    authority: str
    scope: str


def sign_in_for(settings: Settings, host: str) -> SignIn:
    """The MSAL settings of the page: the tenant when only one is allowed, the API's ``access_as_user`` scope.

    The scope's resource is ``AIGUARD_APP_ID_URI`` when set, else ``api://HOST/CLIENT-ID`` for the host the
    browser asked for (as the add-in's manifests do).
    """
    tenant = settings.allowed_tenants[0] if len(settings.allowed_tenants) == 1 else MULTI_TENANT_AUTHORITY
    resource = settings.app_id_uri.rstrip("/") or f"api://{host}/{settings.client_id}"
    return SignIn(
        dev_mode=settings.dev_mode,
        client_id=settings.client_id,
        authority=f"{settings.authority_url}/{tenant}",
        scope=f"{resource}/{settings.required_scope}" if settings.client_id else "",
    )


def _settings() -> Settings:
    return current_app.config["AIGUARD_SETTINGS"]


def _require_admin() -> None:
    require_role(_settings().admin_role)


def _days() -> int:
    raw = request.args.get("days", str(DEFAULT_DAYS))
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 3) or not 1 <= int(raw) <= MAX_DAYS:  # not "３" or "٣"
        raise ApiError("invalid_request", zh=f"參數 days 應為 1 到 {MAX_DAYS}", en=f"days must be 1 to {MAX_DAYS}")
    return int(raw)


def _figures(days: int) -> Figures:
    with session() as db:
        return collect(db, days)


def _bilingual(metric: str) -> str:
    zh, en = METRIC_LABELS[metric]
    return f"{zh} · {en}"


@bp.get("")
def shell() -> str:
    """The page IT opens; public, holds no figures (the script fetches them once signed in)."""
    return render_template(
        "admin.html",
        sign_in=sign_in_for(_settings(), request.host),
        msal_script=MSAL_SCRIPT,
        periods=PERIODS,
        default_days=DEFAULT_DAYS,
        max_days=MAX_DAYS,
        redirect_path=url_for("admin.shell"),
        dashboard_url=url_for("admin.dashboard"),
        export_url=url_for("admin.export_csv"),
    )


shell.aiguard_public = True  # type: ignore[attr-defined]


@bp.get("/dashboard")
def dashboard() -> str:
    """The figures as an HTML fragment: totals, SVG charts per day and department, top types, policy."""
    _require_admin()
    days = _days()
    figures = _figures(days)
    day_labels = [day.strftime("%m-%d") for day in figures.days]
    daily_charts = [
        (
            METRIC_LABELS[metric],
            column_chart(
                _bilingual(metric),
                day_labels,
                [figures.per_day.get(day, Counter())[metric] for day in figures.days],
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
                _bilingual(metric),
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
        "最常見的發現類型 · Top finding types",
        [f"{TYPE_LABELS.get(t, (t, t))[0]} {t}" for t, _ in top_types],
        [n for _, n in top_types],
    )
    return render_template(
        "dashboard.html",
        figures=figures,
        metrics=METRICS,
        metric_labels=METRIC_LABELS,
        daily_charts=daily_charts,
        department_charts=department_charts,
        types_chart=types_chart,
        top_types=top_types,
        departments=departments,
        policy=describe_policy(policy()),
        days=days,
    )


def _cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells (CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


@bp.get("/export.csv")
def export_csv() -> Response:
    _require_admin()
    figures = _figures(_days())
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
    response.headers["Content-Disposition"] = f'attachment; filename="aiguard-{figures.since}-{figures.until}.csv"'
    return response
