// @ts-check
/* global Office */
/**
 * The task pane both hosts share: check, verdict, findings, redacted copy, restore, notice and reminder.
 * Word and Outlook each give it a host adapter (word.js, outlook.js) that reads and changes the draft.
 *
 * Every text the user sees comes from AIGuard.translate (the pane's words) or from the server's answers
 * (verdict messages, notice, reminder, type labels); user text is only ever put into the DOM as text.
 */
(function (root) {
  const AIGuard = /** @type {any} */ (root).AIGuard;

  /**
   * @typedef {import("../lib/findings.js").Finding} Finding
   * @typedef {Object} HostAdapter
   * @property {"word" | "outlook" | "powerpoint" | "excel"} channel
   * @property {{scanHint?: string, findingsHint?: string, noticeInserted?: string, restored?: string}} [words]  i18n keys of the host's own wording
   * @property {(api: any, progress: (key: string, done: number, total: number) => void) => Promise<any | null>} [scan]  the host scans itself (Excel: sheets by chunks); null when there is nothing to check
   * @property {(mode: "mask" | "placeholder", api: any) => Promise<{text: string, placeholder_map?: {[placeholder: string]: string}}>} [redactForAI]  the host redacts itself
   * @property {(finding: Finding, t: (key: string, params?: Record<string, string | number>) => string) => string} [findingPlace]  where a finding is (slide, cell), shown before it
   * @property {() => Promise<{text: string, subject?: string, recipients?: string[]}>} readDraft
   * @property {() => Promise<string>} readTextForAI          what "copy redacted" starts from
   * @property {() => Promise<string[]>} [readContextForAI]  the other parts (headers, subject): redacted alike
   * @property {(text: string) => Promise<void | boolean>} insertAtCursor  false when the host refused (nothing changed)
   * @property {(noticeText: string) => Promise<boolean>} [hasNotice]
   * @property {(noticeText: string, position: "top" | "bottom") => Promise<void>} [insertNotice]  without it the notice card is hidden
   * @property {(finding: Finding) => Promise<boolean>} [selectFinding]
   * @property {(findings: Finding[]) => Promise<number>} [highlightAll]
   * @property {(findings: Finding[]) => Promise<void>} [clearHighlights]
   * @property {(policy: any, connection: {baseUrl: string, clientId: string, signIn: boolean}) => Promise<void>} [rememberPolicy]
   */

  /**
   * Create an element with attributes and children (strings become text nodes).
   * @param {string} tag
   * @param {Record<string, string | boolean | undefined>} [attributes]
   * @param {Array<Node | string | null | undefined | false>} [children]
   * @returns {HTMLElement}
   */
  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === false) continue;
      if (name === "className") node.className = String(value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children || []) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  /** @param {string} id */
  function byId(id) {
    const node = document.getElementById(id);
    if (!node) throw new Error("missing #" + id);
    return node;
  }

  /** SVG paths of the verdict icons (24×24): a barred circle, a warning triangle, a check in a circle. */
  const ICON_PATHS = {
    block: ["M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20z", "M7 11h10v2H7z"],
    redact: ["M12 2.5L1.5 21h21L12 2.5z", "M11 9h2v6h-2zM11 16.5h2v2h-2z"],
    allow: ["M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20z", "M10.3 15.6l-3.6-3.6l1.4-1.4l2.2 2.2l5.6-5.6l1.4 1.4z"],
  };

  /**
   * The verdict's icon, drawn (no emoji font needed), hidden from screen readers: the title says it.
   * @param {"block" | "redact" | "allow"} tone
   * @returns {SVGElement}
   */
  function verdictIcon(tone) {
    const SVG = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "22");
    svg.setAttribute("height", "22");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "verdict__icon");
    ICON_PATHS[tone].forEach((d, index) => {
      const path = document.createElementNS(SVG, "path");
      path.setAttribute("d", d);
      path.setAttribute("class", index === 0 ? "verdict__icon-shape" : "verdict__icon-mark");
      svg.append(path);
    });
    return svg;
  }

  /**
   * Start the pane for a host.
   * @param {HostAdapter} adapter
   */
  async function startPane(adapter) {
    const lang = AIGuard.pickLanguage(Office.context && Office.context.displayLanguage);
    /** @param {string} key @param {Record<string, string | number>} [params] */
    const t = (key, params) => AIGuard.translate(lang, key, params);
    const baseUrl = location.origin;
    const clientId = AIGuard.clientIdFromUrl(location.search);
    const signIn = AIGuard.createSignIn({ clientId, baseUrl, office: Office, msal: /** @type {any} */ (root).msal });
    const api = AIGuard.createApiClient({ baseUrl, getToken: signIn.getToken, timeoutMs: 15000 });
    const state = {
      /** @type {any} */ policy: null,
      /** @type {any} */ scanResult: null,
      /** @type {{[placeholder: string]: string} | null} */ placeholderMap: null,
      /** @type {HTMLElement | null} */ reminderReturnFocus: null,
    };

    document.documentElement.lang = lang;
    for (const node of Array.from(document.querySelectorAll("[data-i18n]"))) {
      node.textContent = t(/** @type {string} */ (node.getAttribute("data-i18n")));
    }
    for (const node of Array.from(document.querySelectorAll("[data-i18n-aria]"))) {
      node.setAttribute("aria-label", t(/** @type {string} */ (node.getAttribute("data-i18n-aria"))));
    }
    const words = adapter.words || {};
    byId("scan-hint").textContent = t(words.scanHint || (adapter.channel === "word" ? "scanHint" : "scanHintOutlook"));
    byId("notice").hidden = !adapter.insertNotice;

    const scanButton = /** @type {HTMLButtonElement} */ (byId("scan"));
    const errorBox = byId("error");

    /** @param {unknown} error */
    function showError(error) {
      errorBox.textContent = AIGuard.failureMessage(error, t, lang);
      errorBox.hidden = false;
    }
    function clearError() {
      errorBox.textContent = "";
      errorBox.hidden = true;
    }
    /** @param {string} id @param {string} text @param {"ok" | "warn" | ""} [tone] */
    function setStatus(id, text, tone) {
      const node = byId(id);
      node.textContent = text;
      node.className = "status" + (tone ? " status--" + tone : "");
    }

    /**
     * Disable a button while its work runs, and report a failure.
     * @param {HTMLButtonElement} button
     * @param {() => Promise<void>} work
     */
    async function busy(button, work) {
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
      try {
        clearError();
        await work();
      } catch (error) {
        showError(error);
      } finally {
        button.disabled = false;
        button.removeAttribute("aria-busy");
      }
    }

    // ---- check -------------------------------------------------------------------------------------
    async function scan() {
      const verdictBox = byId("verdict");
      verdictBox.hidden = false;
      verdictBox.className = "verdict verdict--pending";
      verdictBox.replaceChildren(el("p", { className: "verdict__title" }, [t("scanning")]));
      try {
        if (adapter.scan) {
          const result = await adapter.scan(api, (key, done, total) => showProgress(verdictBox, t(key, { done, total }), done, total));
          if (!result) {
            verdictBox.replaceChildren(el("p", { className: "verdict__title" }, [t("noText")]));
            return;
          }
          state.scanResult = result;
          renderResult();
          return;
        }
        const draft = await adapter.readDraft();
        if (!draft.text.trim() && !(draft.subject || "").trim()) {
          verdictBox.replaceChildren(el("p", { className: "verdict__title" }, [t("noText")]));
          return;
        }
        state.scanResult = await api.scan(Object.assign({ channel: adapter.channel }, draft));
        renderResult();
      } catch (error) {
        verdictBox.hidden = true;
        throw error;
      } finally {
        scanButton.textContent = t(state.scanResult ? "scanAgain" : "scan");
      }
    }

    /**
     * The pending banner with a progress bar (hosts that read and scan in chunks).
     * @param {HTMLElement} verdictBox @param {string} label @param {number} done @param {number} total
     */
    function showProgress(verdictBox, label, done, total) {
      const bar = /** @type {HTMLProgressElement} */ (el("progress", { className: "progress", max: String(Math.max(total, 1)), "aria-label": label }));
      bar.value = Math.min(done, total);
      verdictBox.replaceChildren(el("div", { className: "verdict__body" }, [el("p", { className: "verdict__title" }, [label]), bar]));
    }

    function renderResult() {
      const view = AIGuard.verdictView(state.scanResult, lang, state.policy || undefined);
      const verdictBox = byId("verdict");
      verdictBox.className = "verdict verdict--" + view.tone;
      verdictBox.setAttribute("role", view.tone === "block" ? "alert" : "status");
      verdictBox.replaceChildren(
        verdictIcon(view.tone),
        el("div", { className: "verdict__body" }, [
          el("h2", { className: "verdict__title", id: "verdict-title" }, [view.title]),
          view.message ? el("p", { className: "verdict__message" }, [view.message]) : null,
          view.article
            ? el("p", { className: "verdict__basis" }, [
                el("strong", {}, [t("basis") + "　"]),
                el("span", { className: "verdict__article" }, [view.article]),
                view.basisText ? "　" + view.basisText.replace(view.article, "").replace(/^[\s:：]+/, "") : "",
              ])
            : null,
          view.note ? el("p", { className: "verdict__note" }, [view.note]) : null,
          ...view.warnings.map((/** @type {string} */ warning) => el("p", { className: "verdict__warning" }, [warning])),
          view.externalRecipients.length
            ? el("p", { className: "verdict__warning" }, [t("externalRecipients", { list: view.externalRecipients.join("、") })])
            : null,
        ])
      );
      renderFindings(view);
      byId("redact").hidden = !view.canRedact;
      byId("restore").hidden = !view.canRedact;
    }

    /** @param {any} view */
    function renderFindings(view) {
      const section = byId("findings");
      const list = byId("findings-groups");
      section.hidden = view.total === 0;
      byId("findings-count").textContent = t("findingsCount", { n: view.total });
      byId("findings-hint").textContent = t(words.findingsHint || (adapter.selectFinding ? "findingsHintWord" : "findingsHintOutlook"));
      byId("findings-toolbar").hidden = !adapter.highlightAll;
      setStatus("findings-status", "");
      list.replaceChildren(
        ...view.groups.map((/** @type {any} */ group) =>
          el("div", { className: "group group--" + (group.type === "CLASSIFIED" || group.type === "RESTRICTED" ? "marking" : "personal") }, [
            el("h3", { className: "group__title" }, [group.label, el("span", { className: "badge", "aria-label": t("findingsCount", { n: group.count }) }, [String(group.count)])]),
            el(
              "ul",
              { className: "group__items" },
              group.items.map((/** @type {any} */ item) => {
                const place = adapter.findingPlace ? adapter.findingPlace(state.scanResult.findings[item.index], t) : item.fieldLabel;
                const label = (place ? place + "：" : "") + item.display;
                if (!adapter.selectFinding) return el("li", { className: "finding finding--static" }, [label]);
                const button = el("button", { type: "button", className: "finding", "data-index": String(item.index), title: item.text }, [label]);
                button.addEventListener("click", () =>
                  busy(/** @type {HTMLButtonElement} */ (button), async () => {
                    const found = await /** @type {NonNullable<HostAdapter["selectFinding"]>} */ (adapter.selectFinding)(state.scanResult.findings[item.index]);
                    for (const other of Array.from(list.querySelectorAll(".finding--selected"))) other.classList.remove("finding--selected");
                    if (found) button.classList.add("finding--selected");
                    setStatus("findings-status", found ? "" : t("notFound"), found ? "" : "warn");
                  })
                );
                return el("li", {}, [button]);
              })
            ),
          ])
        )
      );
    }

    // ---- redacted copy and restore -----------------------------------------------------------------
    /** @param {string} text */
    async function copyText(text) {
      try {
        if (navigator.clipboard && navigator.clipboard.writeText) {
          await navigator.clipboard.writeText(text);
          return true;
        }
      } catch (error) {
        // the Office web view may refuse the clipboard API; fall back below
      }
      const output = /** @type {HTMLTextAreaElement} */ (byId("redacted-output"));
      output.focus();
      output.select();
      try {
        return document.execCommand("copy");
      } catch (error) {
        return false;
      }
    }

    async function copyRedacted() {
      const mode = /** @type {HTMLInputElement} */ (document.querySelector("input[name=mode]:checked")).value;
      let redaction;
      if (adapter.redactForAI) {
        redaction = await adapter.redactForAI(/** @type {"mask" | "placeholder"} */ (mode), api);
      } else {
        const text = await adapter.readTextForAI();
        const context = adapter.readContextForAI ? await adapter.readContextForAI() : [];
        redaction = await api.redact({ text, mode, channel: adapter.channel, context });
      }
      const output = /** @type {HTMLTextAreaElement} */ (byId("redacted-output"));
      output.value = redaction.text;
      byId("redacted-wrap").hidden = false;
      if (mode === "placeholder") state.placeholderMap = redaction.placeholder_map || {};
      const copied = await copyText(redaction.text);
      setStatus("redact-status", copied ? t("copied", { n: redaction.text.length }) : t("copyManual"), copied ? "ok" : "warn");
    }

    async function restoreAndInsert() {
      const answer = /** @type {HTMLTextAreaElement} */ (byId("restore-input")).value;
      if (!state.placeholderMap || !Object.keys(state.placeholderMap).length) {
        setStatus("restore-status", t("restoreNeedsMap"), "warn");
        return;
      }
      if (!answer.trim()) {
        setStatus("restore-status", t("restoreEmpty"), "warn");
        return;
      }
      const restoration = await api.restore({ text: answer, map: state.placeholderMap, channel: adapter.channel });
      if ((await adapter.insertAtCursor(restoration.text)) === false) {
        setStatus("restore-status", t("restoreTargetNotEmpty"), "warn");
        return;
      }
      setStatus("restore-status", t(words.restored || "restored", { n: restoration.restored }), "ok");
    }

    // ---- notice and final-judgment reminder --------------------------------------------------------
    async function insertNotice() {
      if (!adapter.insertNotice || !adapter.hasNotice) return;
      const policyNotice = state.policy ? AIGuard.pickText(state.policy.notice, lang) : "";
      if (policyNotice && (await adapter.hasNotice(policyNotice))) {
        setStatus("notice-status", t("noticeAlready"), "warn");
        return;
      }
      const answer = await api.notice({ channel: adapter.channel, lang });
      const text = answer.text || AIGuard.pickText(answer.notice, lang);
      if (!policyNotice && (await adapter.hasNotice(text))) {
        setStatus("notice-status", t("noticeAlready"), "warn");
        return;
      }
      await adapter.insertNotice(text, answer.position === "bottom" ? "bottom" : "top");
      setStatus("notice-status", t(words.noticeInserted || (adapter.channel === "word" ? "noticeInserted" : "noticeInsertedMail")), "ok");
      openReminder(AIGuard.pickText(answer.reminder, lang) || t("allowReminder"));
    }

    /** @param {string} text */
    function openReminder(text) {
      const dialog = byId("reminder");
      const confirmBox = /** @type {HTMLInputElement} */ (byId("reminder-check"));
      byId("reminder-text").textContent = text;
      confirmBox.checked = false;
      /** @type {HTMLButtonElement} */ (byId("reminder-confirm")).disabled = true;
      // The notice button is disabled while it works, so focus returns to it explicitly.
      state.reminderReturnFocus = byId("notice-insert");
      byId("backdrop").hidden = false;
      dialog.hidden = false;
      confirmBox.focus();
    }

    function confirmReminder() {
      byId("reminder").hidden = true;
      byId("backdrop").hidden = true;
      setStatus("notice-status", t("reminderDone"), "ok");
      (state.reminderReturnFocus || byId("notice-insert")).focus();
    }

    // ---- wiring ------------------------------------------------------------------------------------
    scanButton.addEventListener("click", () => busy(scanButton, scan));
    const highlightButton = /** @type {HTMLButtonElement} */ (byId("highlight-all"));
    highlightButton.addEventListener("click", () =>
      busy(highlightButton, async () => {
        if (!adapter.highlightAll || !state.scanResult) return;
        const count = await adapter.highlightAll(state.scanResult.findings);
        setStatus("findings-status", t("highlighted", { n: count }), "ok");
      })
    );
    const clearButton = /** @type {HTMLButtonElement} */ (byId("clear-highlights"));
    clearButton.addEventListener("click", () =>
      busy(clearButton, async () => {
        if (!adapter.clearHighlights || !state.scanResult) return;
        await adapter.clearHighlights(state.scanResult.findings);
        for (const other of Array.from(document.querySelectorAll(".finding--selected"))) other.classList.remove("finding--selected");
        setStatus("findings-status", t("cleared"), "ok");
      })
    );
    const redactButton = /** @type {HTMLButtonElement} */ (byId("redact-copy"));
    redactButton.addEventListener("click", () => busy(redactButton, copyRedacted));
    const restoreButton = /** @type {HTMLButtonElement} */ (byId("restore-insert"));
    restoreButton.addEventListener("click", () => busy(restoreButton, restoreAndInsert));
    const noticeButton = /** @type {HTMLButtonElement} */ (byId("notice-insert"));
    noticeButton.addEventListener("click", () => busy(noticeButton, insertNotice));
    const confirmBox = /** @type {HTMLInputElement} */ (byId("reminder-check"));
    confirmBox.addEventListener("change", () => {
      /** @type {HTMLButtonElement} */ (byId("reminder-confirm")).disabled = !confirmBox.checked;
    });
    byId("reminder-confirm").addEventListener("click", confirmReminder);
    byId("reminder").addEventListener("keydown", (event) => {
      // Keep the keyboard inside the reminder until it is confirmed (there is no way to dismiss it).
      if (event.key !== "Tab") return;
      const focusable = Array.from(byId("reminder").querySelectorAll("input, button:not([disabled])"));
      const first = /** @type {HTMLElement} */ (focusable[0]);
      const last = /** @type {HTMLElement} */ (focusable[focusable.length - 1]);
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    });

    // ---- start -------------------------------------------------------------------------------------
    try {
      state.policy = await api.policy();
      byId("dev-badge").hidden = !api.state.devMode;
      if (adapter.rememberPolicy) {
        await adapter.rememberPolicy(state.policy, { baseUrl, clientId, signIn: api.state.signInRequired }).catch(() => undefined);
      }
      if (state.policy.addin && state.policy.addin.scan_on_open) await busy(scanButton, scan);
    } catch (error) {
      showError(error);
    }
    document.body.setAttribute("data-ready", "true");
  }

  /** @type {any} */ (root).AIGuard.startPane = startPane;
})(self);
