"""GET /admin and /admin/export.csv: IT's figures per day and department, for the admin role only."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from flask import Flask

from server.graph import DepartmentDirectory

ADMIN = {"roles": ["AIGuard.Admin"]}


class FakeGraph:
    """Stands in for msal + Graph: each user's department by object id."""

    def __init__(self, departments: dict[str, str]) -> None:
        self.departments = departments

    def department(self, user: Any) -> str | None:
        return self.departments.get(user.object_id)


@pytest.fixture
def busy_app(app: Flask, bearer: Any) -> Flask:
    app.extensions["aiguard.departments"] = FakeGraph({"u-1": "工務局", "u-2": '=HYPERLINK("x")'})
    client = app.test_client()
    for oid, text in (
        ("u-1", "承辦人王小明 0912-345-678"),
        ("u-1", "會議紀錄"),
        ("u-2", "密等及解密條件或保密期限：機密"),
    ):
        client.post("/api/v1/scan", json={"text": text, "channel": "word"}, headers=bearer(oid=oid))
    client.post("/api/v1/redact", json={"text": "承辦人王小明 0912-345-678"}, headers=bearer(oid="u-1"))
    client.post("/api/v1/notice", json={"channel": "outlook"}, headers=bearer(oid="u-2"))
    return app


def test_dashboard_shows_figures_as_charts_and_the_policy(busy_app: Flask, bearer: Any) -> None:
    response = busy_app.test_client().get("/admin", headers=bearer(**ADMIN))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert page.count("<svg") >= 9  # 4 per day, 4 per department, top types
    assert "工務局" in page
    assert "PHONE" in page and "電話號碼" in page
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert 'aria-label="Blocks"' in page
    assert "目前政策" in page and "default" in page
    assert "0912-345-678" not in page and "王小明" not in page


def test_dashboard_totals_count_each_kind_of_event(busy_app: Flask, bearer: Any) -> None:
    page = busy_app.test_client().get("/admin?days=7", headers=bearer(**ADMIN)).get_data(as_text=True)
    totals = {
        metric: page.split(f'class="total {metric}"><span class="number">')[1].split("<")[0]
        for metric in ("scans", "blocks", "redactions", "notices")
    }
    assert totals == {"scans": "3", "blocks": "1", "redactions": "1", "notices": "1"}


def test_csv_export_has_a_row_per_day_and_department(busy_app: Flask, bearer: Any) -> None:
    response = busy_app.test_client().get("/admin/export.csv", headers=bearer(**ADMIN))
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == ["day", "department", "scans", "blocks", "redactions", "notices"]
    by_department = {row[1]: row[2:] for row in rows[1:] if len(row) == 6}
    assert by_department["工務局"] == ["2", "0", "1", "0"]
    assert by_department['\'=HYPERLINK("x")'] == ["1", "1", "0", "1"]
    assert ["PHONE", "1"] in rows


def test_days_must_be_a_sensible_number(client: Any, bearer: Any) -> None:
    assert client.get("/admin?days=0", headers=bearer(**ADMIN)).status_code == 400
    assert client.get("/admin?days=abc", headers=bearer(**ADMIN)).status_code == 400


def test_non_admins_get_no_figures(client: Any, bearer: Any) -> None:
    assert client.get("/admin/export.csv", headers=bearer()).status_code == 403
    assert client.get("/admin/export.csv").status_code == 401


def test_stylesheet_loads_without_a_token(client: Any) -> None:
    with client.get("/admin/static/admin.css") as response:
        assert response.status_code == 200
        assert response.mimetype == "text/css"


def test_real_department_directory_is_off_without_a_client_secret(app: Flask) -> None:
    directory = app.extensions["aiguard.departments"]
    assert isinstance(directory, DepartmentDirectory)
    assert not directory.enabled
