"""GET /admin/dashboard and /admin/export.csv: IT's figures per day and department, for the admin role only."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from flask import Flask

from server.graph import DepartmentDirectory

ADMIN = {"roles": ["AIGuard.Admin"]}
DATA_ROUTES = ("/admin/dashboard", "/admin/export.csv")


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


@pytest.mark.parametrize("path", DATA_ROUTES)
def test_data_routes_need_a_token(client: Any, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "unauthenticated"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("path", DATA_ROUTES)
def test_data_routes_refuse_users_without_the_admin_role(busy_app: Flask, bearer: Any, path: str) -> None:
    for token in (bearer(), bearer(roles=["AIGuard.Reader"])):
        response = busy_app.test_client().get(path, headers=token)
        assert response.status_code == 403
        error = response.get_json()["error"]
        assert error["code"] == "forbidden"
        assert "管理者" in error["message"]["zh-TW"] and "admin role" in error["message"]["en"]
        assert "工務局" not in response.get_data(as_text=True)


def test_data_routes_refuse_a_token_from_another_key(client: Any, make_token: Any) -> None:
    from entra_test_tokens import SigningKey

    forged = make_token(key=SigningKey(kid="key-current"), roles=["AIGuard.Admin"])
    response = client.get("/admin/dashboard", headers={"Authorization": f"Bearer {forged}"})
    assert response.status_code == 401


def test_dashboard_fragment_shows_figures_as_charts_and_the_policy(busy_app: Flask, bearer: Any) -> None:
    response = busy_app.test_client().get("/admin/dashboard", headers=bearer(**ADMIN))
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.headers["Cache-Control"] == "no-store"
    page = response.get_data(as_text=True)
    assert "<html" not in page and "<body" not in page  # a fragment for the page to insert
    assert page.count("<svg") >= 9  # 4 per day, 4 per department, top types
    assert "工務局" in page
    assert "PHONE" in page and "電話號碼" in page
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert 'aria-label="阻擋 · Blocks"' in page
    assert 'aria-label="最常見的發現類型 · Top finding types"' in page
    assert "目前政策" in page and "default" in page
    assert "0912-345-678" not in page and "王小明" not in page


def test_dashboard_totals_count_each_kind_of_event(busy_app: Flask, bearer: Any) -> None:
    response = busy_app.test_client().get("/admin/dashboard?days=7", headers=bearer(**ADMIN))
    page = response.get_data(as_text=True)
    totals = {
        metric: page.split(f'class="total {metric}"><span class="number">')[1].split("<")[0]
        for metric in ("scans", "blocks", "redactions", "notices")
    }
    assert totals == {"scans": "3", "blocks": "1", "redactions": "1", "notices": "1"}
    assert "7 天 · 7 days" in page


def test_dashboard_without_events_says_there_is_no_data(client: Any, bearer: Any) -> None:
    page = client.get("/admin/dashboard", headers=bearer(**ADMIN)).get_data(as_text=True)
    assert "尚無資料 · No data yet." in page
    assert page.count("<svg") == 4  # the per-day charts, all zero


def test_csv_export_has_a_row_per_day_and_department(busy_app: Flask, bearer: Any) -> None:
    response = busy_app.test_client().get("/admin/export.csv", headers=bearer(**ADMIN))
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="aiguard-')
    body = response.get_data(as_text=True)
    assert body.startswith("\ufeff")  # Excel opens UTF-8 with a BOM
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows[0] == ["day", "department", "scans", "blocks", "redactions", "notices"]
    by_department = {row[1]: row[2:] for row in rows[1:] if len(row) == 6}
    assert by_department["工務局"] == ["2", "0", "1", "0"]
    assert by_department['\'=HYPERLINK("x")'] == ["1", "1", "0", "1"]  # no formula reaches Excel
    assert ["finding_type", "count"] in rows
    assert ["PHONE", "1"] in rows
    assert "0912-345-678" not in body and "王小明" not in body


@pytest.mark.parametrize("path", DATA_ROUTES)
@pytest.mark.parametrize("days", ["0", "abc", "367", "-1"])
def test_days_must_be_a_sensible_number(client: Any, bearer: Any, path: str, days: str) -> None:
    response = client.get(f"{path}?days={days}", headers=bearer(**ADMIN))
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_request"


def test_stylesheet_and_script_load_without_a_token(client: Any) -> None:
    with client.get("/admin/static/admin.css") as response:
        assert response.status_code == 200
        assert response.mimetype == "text/css"
    with client.get("/admin/static/admin.js") as response:
        assert response.status_code == 200
        assert "javascript" in response.mimetype


def test_real_department_directory_is_off_without_a_client_secret(app: Flask) -> None:
    directory = app.extensions["aiguard.departments"]
    assert isinstance(directory, DepartmentDirectory)
    assert not directory.enabled
