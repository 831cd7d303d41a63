"""Outlook against the real server: the compose pane, and the Smart Alerts on-send handler run in its page."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

OUTLOOK = "/addin/taskpane/outlook.html"
ONSEND = "/addin/commands/onsend.html"
PERSONAL_MAIL = "您好：\n陳情人王小明（身分證統一編號A123456789，電話0912-345-678）請求協助，請卓處。"
CLASSIFIED_MAIL = "【限閱】\n密等及解密條件或保密期限：密\n附件為專案會議紀錄，請勿外流。"
EXTERNAL = [{"displayName": "外部廠商", "emailAddress": "vendor@gmail.com"}]
INTERNAL = [{"displayName": "同仁", "emailAddress": "colleague@ntpc.gov.tw"}]


def open_outlook(
    open_page, body: str, subject: str = "", to: list[dict[str, str]] | None = None, language: str = "zh-TW"
):
    pane = open_page(
        OUTLOOK,
        {
            "host": "Outlook",
            "displayLanguage": language,
            "subject": subject,
            "body": body,
            "to": to or INTERNAL,
        },
    )
    expect(pane.page.locator("body")).to_have_attribute("data-ready", "true")
    return pane


def check(pane) -> None:
    pane.page.get_by_role("button", name=re.compile("^(檢查|重新檢查)$")).click()
    expect(pane.page.locator("#verdict")).to_have_class(re.compile("verdict--(block|redact|allow)"))


def test_pane_scans_subject_and_body_and_names_external_recipients(open_page, server_url):
    pane = open_outlook(open_page, PERSONAL_MAIL, subject="王小明陳情案 0912-345-678", to=EXTERNAL)
    page = pane.page
    # The pane remembered where the server is and the policy's fail mode, for the on-send check.
    assert pane.state()["roaming"]["aiguard"] == {
        "baseUrl": server_url,
        "clientId": "",
        "signIn": False,
        "failMode": "open",
        "timeoutMs": 3000,
    }
    check(pane)
    expect(page.locator("#verdict")).to_have_class(re.compile("verdict--redact"))
    expect(page.locator("#verdict")).to_contain_text("vendor@gmail.com")
    expect(page.locator(".finding--static", has_text="主旨：0912-345-678")).to_have_count(1)
    expect(page.locator("button.finding")).to_have_count(0)  # Outlook compose cannot select a range
    expect(page.locator("#findings-toolbar")).to_be_hidden()
    pane.screenshot("outlook-01-findings")

    page.get_by_label("代稱（如〔姓名1〕，可還原）").check()
    page.get_by_role("button", name="遮蔽後複製").click()
    expect(page.locator("#redact-status")).to_contain_text(re.compile("已複製|無法自動複製"))
    redacted = page.locator("#redacted-output").input_value()
    assert "A123456789" not in redacted
    placeholder = re.findall(r"〔[^〕]+〕", redacted)
    assert placeholder, redacted
    page.locator("#restore-input").fill("回覆：" + "、".join(dict.fromkeys(placeholder)))
    page.get_by_role("button", name="還原並插入").click()
    expect(page.locator("#restore-status")).to_contain_text("已還原")
    assert "A123456789" in pane.state()["message"]["atCursor"][0]
    pane.screenshot("outlook-02-restored")


def test_pane_inserts_the_notice_once_at_the_top_and_tags_the_message(open_page):
    pane = open_outlook(open_page, "各位同仁好，以下為會議摘要（AI 協助整理）。")
    page = pane.page
    page.get_by_role("button", name="插入AI生成聲明").click()
    dialog = page.get_by_role("dialog", name="最終判斷提醒")
    expect(dialog).to_be_visible()
    page.locator("#reminder-check").check()
    dialog.get_by_role("button", name="確認").click()
    expect(page.locator("#notice-status")).to_contain_text("已確認")
    state = pane.state()
    assert len(state["message"]["prepended"]) == 1
    assert state["message"]["prepended"][0]["coercionType"] == "html"
    assert state["message"]["prepended"][0]["data"].startswith(
        '<p style="color:#605E5C;font-style:italic">【AI 生成聲明】'
    )
    assert state["mailProperties"] == {"AIAssisted": "true"}
    assert state["internetHeaders"] == {"X-AIGuard-AI-Assisted": "true"}
    page.get_by_role("button", name="插入AI生成聲明").click()
    expect(page.locator("#notice-status")).to_contain_text("未重複插入")
    assert len(pane.state()["message"]["prepended"]) == 1
    pane.screenshot("outlook-03-notice")


def test_pane_blocks_a_restricted_mail(open_page):
    pane = open_outlook(open_page, CLASSIFIED_MAIL, subject="專案會議紀錄")
    check(pane)
    expect(pane.page.locator("#verdict")).to_have_class(re.compile("verdict--block"))
    expect(pane.page.locator("#verdict")).to_contain_text("第肆章第7條")
    expect(pane.page.locator("#redact")).to_be_hidden()
    pane.screenshot("outlook-04-blocked")


# ---- Smart Alerts ----------------------------------------------------------------------------------


def send(
    open_page,
    name: str,
    *,
    body: str,
    to: list[dict[str, str]],
    roaming: dict[str, Any] | None = None,
    route: str | None = None,
    language: str = "zh-TW",
) -> dict[str, Any]:
    """Open the on-send page, fire OnMessageSend with a fake event, return what it completed with."""
    pane = open_page(
        ONSEND,
        {
            "host": "Outlook",
            "displayLanguage": language,
            "subject": "測試",
            "body": body,
            "to": to,
            "roaming": {"aiguard": roaming or {"signIn": False, "failMode": "open", "timeoutMs": 3000}},
        },
    )
    page = pane.page
    if route == "unreachable":
        page.route("**/api/v1/**", lambda r: r.abort("connectionrefused"))
    elif route == "hang":
        page.route("**/api/v1/**", lambda r: None)  # never answered
    page.wait_for_function("() => typeof window.__officeActions.onMessageSendHandler === 'function'")
    outcome = page.evaluate(
        """() => new Promise((resolve) => {
            const started = performance.now();
            window.__officeActions.onMessageSendHandler({
              completed: (options) => resolve({ options, ms: performance.now() - started }),
            });
        })"""
    )
    show_smart_alert(page, outcome["options"])
    pane.screenshot(name, full_page=False)
    return outcome


def show_smart_alert(page: Any, options: dict[str, Any]) -> None:
    """Draw what Outlook's Smart Alerts dialog would show, so the screenshot shows the message."""
    page.set_viewport_size({"width": 480, "height": 360})
    page.evaluate(
        """(options) => {
            const link = document.createElement('link');
            link.rel = 'stylesheet';
            link.href = '../taskpane/pane.css';
            document.head.append(link);
            const box = document.createElement('div');
            box.className = 'dialog';
            const title = document.createElement('h2');
            title.textContent = options.allowEvent ? '（寄出，無對話框）' : 'AIGuard';
            box.append(title);
            if (options.errorMessage) {
              const text = document.createElement('p');
              text.textContent = options.errorMessage;
              text.style.whiteSpace = 'pre-wrap';
              box.append(text);
            }
            const buttons = document.createElement('div');
            buttons.className = 'toolbar';
            const labels = [];
            if (!options.allowEvent) labels.push(options.sendModeOverride ? 'Send anyway' : '');
            if (options.cancelLabel) labels.push(options.cancelLabel);
            if (!options.allowEvent) labels.push("Don't send");
            for (const label of labels.filter(Boolean)) {
              const button = document.createElement('button');
              button.className = 'btn';
              button.textContent = label;
              buttons.append(button);
            }
            box.append(buttons);
            document.body.append(box);
        }""",
        options,
    )
    page.wait_for_timeout(200)


def test_on_send_blocks_a_classified_mail_without_override(open_page):
    outcome = send(open_page, "onsend-01-block", body=CLASSIFIED_MAIL, to=INTERNAL)
    options = outcome["options"]
    assert options["allowEvent"] is False
    assert "第肆章第7條" in options["errorMessage"]
    assert "sendModeOverride" not in options
    assert options["commandId"] == "aiguardOpenPaneButton"


def test_on_send_allows_a_plain_mail(open_page):
    outcome = send(open_page, "onsend-02-allow", body="明天上午十點開會，請準時出席。", to=EXTERNAL)
    assert outcome["options"] == {"allowEvent": True}
    assert outcome["ms"] < 3000


def test_on_send_warns_about_personal_data_to_outside_recipients(open_page):
    outcome = send(open_page, "onsend-03-warn-external", body=PERSONAL_MAIL, to=EXTERNAL, language="en-US")
    options = outcome["options"]
    assert options["allowEvent"] is False
    assert options["sendModeOverride"] == "promptUser"
    assert options["cancelLabel"] == "Open AIGuard"
    assert options["commandId"] == "aiguardOpenPaneButton"
    assert "vendor@gmail.com" in options["errorMessage"]


def test_on_send_reminds_of_final_judgment_when_a_notice_is_present(open_page, server_url):
    import json
    import urllib.request

    request = urllib.request.Request(server_url + "/api/v1/policy", headers={"Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        notice = json.load(response)["notice"]["zh-TW"]
    outcome = send(open_page, "onsend-04-reminder", body=notice + "\n會議紀錄如下。", to=INTERNAL)
    options = outcome["options"]
    assert options["allowEvent"] is False
    assert options["sendModeOverride"] == "promptUser"
    assert "最終判斷" in options["errorMessage"]


def test_on_send_fail_open_when_the_server_is_unreachable(open_page):
    outcome = send(open_page, "onsend-05-fail-open", body=PERSONAL_MAIL, to=EXTERNAL, route="unreachable")
    options = outcome["options"]
    assert options["allowEvent"] is False
    assert options["sendModeOverride"] == "promptUser"
    assert "無法連線" in options["errorMessage"]


def test_on_send_fail_closed_holds_the_mail(open_page):
    roaming = {"signIn": False, "failMode": "closed", "timeoutMs": 3000}
    outcome = send(
        open_page,
        "onsend-06-fail-closed",
        body=PERSONAL_MAIL,
        to=EXTERNAL,
        roaming=roaming,
        route="unreachable",
    )
    options = outcome["options"]
    assert options["allowEvent"] is False
    assert "sendModeOverride" not in options
    assert "暫不寄出" in options["errorMessage"]


def test_on_send_gives_up_on_a_slow_server_within_its_budget(open_page):
    roaming = {"signIn": False, "failMode": "open", "timeoutMs": 1000}
    outcome = send(
        open_page, "onsend-07-timeout", body=PERSONAL_MAIL, to=EXTERNAL, roaming=roaming, route="hang"
    )
    assert 900 <= outcome["ms"] < 1800, outcome["ms"]
    assert "逾時" in outcome["options"]["errorMessage"]
