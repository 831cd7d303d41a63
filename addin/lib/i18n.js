// @ts-check
/**
 * The add-in's words, Traditional Chinese first and English when Office's display language is English.
 *
 * Texts that the server owns (verdict messages, notice, reminder, type labels from the policy) are not
 * here: the pane shows what /api/v1/scan and /api/v1/policy return. These are the pane's own labels,
 * plus fallback type labels for when the policy has not loaded yet.
 *
 * Works as a browser script (attaches to `window.AIGuard`) and as a node module.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.AIGuard = Object.assign(root.AIGuard || {}, api);
  }
})(/** @type {any} */ (typeof self !== "undefined" ? self : this), function () {
  /** @typedef {"zh-TW" | "en"} Lang */

  /** @type {Record<Lang, Record<string, string>>} */
  const STRINGS = {
    "zh-TW": {
      appTitle: "AI 使用守門員",
      appSubtitle: "送出給生成式 AI 前的檢查",
      devMode: "開發模式：未登入",
      loading: "載入中…",
      scan: "檢查",
      scanAgain: "重新檢查",
      scanning: "檢查中…",
      scanHint: "檢查內文、頁首與頁尾是否有機密等級標示或個人資料。",
      scanHintOutlook: "檢查主旨與內文是否有機密等級標示或個人資料。",
      noText: "文件沒有內容可檢查。",
      "verdict.block": "禁止提供予生成式 AI",
      "verdict.redact": "含個人資料：請先遮蔽",
      "verdict.allow": "未發現機密標示或個人資料",
      blockNoOverride: "依指引，本文件不得以任何形式提供予生成式 AI，無法略過。",
      allowReminder: "AI 產出僅為草稿，仍須由您做最終判斷。",
      basis: "依據",
      findings: "發現項目",
      findingsCount: "共 {n} 項",
      findingsHintWord: "點選項目可在文件中選取並標示。",
      findingsHintOutlook: "請在郵件中修改或以下方功能遮蔽後再使用 AI。",
      highlightAll: "全部標示",
      clearHighlights: "清除標示",
      highlighted: "已標示 {n} 處。",
      cleared: "已清除標示。",
      notFound: "在文件中找不到此項目，內容可能已修改，請重新檢查。",
      fieldSubject: "主旨",
      fieldBody: "內文",
      externalRecipients: "機關外部收件者：{list}",
      redactHeading: "遮蔽後複製",
      redactHint: "產生遮蔽個資的版本，可貼到 Copilot 或 ChatGPT。內容只送到本機關的伺服器。",
      modeLabel: "遮蔽方式",
      modeMask: "遮蔽（以符號取代）",
      modePlaceholder: "代稱（如〔姓名1〕，可還原）",
      redactButton: "遮蔽後複製",
      redactedLabel: "遮蔽後的文字",
      copied: "已複製 {n} 字，可貼到 AI 工具。",
      copyManual: "無法自動複製，請手動選取上方文字複製。",
      restoreHeading: "還原",
      restoreHint: "將 AI 的回覆貼在下方，按「還原並插入」會把代稱換回真實資料，並插入到游標處。",
      restoreLabel: "AI 的回覆",
      restoreButton: "還原並插入",
      restoreNeedsMap: "請先以「代稱」方式遮蔽後複製，才能還原。",
      restoreEmpty: "請先貼上 AI 的回覆。",
      restored: "已還原 {n} 處並插入到游標處。",
      noticeHeading: "AI 生成聲明",
      noticeHint: "使用 AI 產出的內容須加註聲明（第肆章第1條：AI 產出僅供參考，由您做最終判斷）。",
      noticeButton: "插入AI生成聲明",
      noticeInserted: "已插入聲明，並將文件標記為 AI 輔助。",
      noticeInsertedMail: "已在郵件開頭插入聲明。",
      noticeAlready: "文件已有 AI 生成聲明，未重複插入。",
      reminderTitle: "最終判斷提醒",
      reminderConfirm: "我已確認內容並負最終判斷之責",
      reminderButton: "確認",
      reminderDone: "已確認最終判斷提醒。",
      errorUnreachable: "無法連線到 AIGuard 伺服器，請稍後再試或聯絡資訊中心。",
      errorTimeout: "AIGuard 伺服器回應逾時，請稍後再試。",
      errorSignIn: "登入失敗，請重新開啟增益集。",
      errorNotConfigured: "增益集尚未設定登入（缺少應用程式識別碼），請聯絡資訊中心。",
      errorBlockedRedact: "本文標有機密或限閱等標示，不得遮蔽後提供予 AI。",
      errorGeneric: "發生錯誤：{message}",
      close: "關閉",
      scanHintPowerPoint: "檢查每張投影片的標題、文字方塊、版面配置區、表格與群組圖案。",
      scanHintExcel: "檢查每個工作表的已使用範圍（或選取範圍）、工作表名稱、儲存格與註解；依欄位標題判斷個資。",
      findingsHintSlides: "點選項目可跳到該投影片並選取文字。",
      findingsHintCells: "點選項目可選取該儲存格。",
      noticeInsertedSlides: "已在第一張投影片加入聲明文字方塊，並將簡報標記為 AI 輔助。",
      placeSlide: "第 {n} 張投影片",
      placeSlideTable: "第 {n} 張投影片（表格）",
      placeSheetName: "工作表名稱",
      placeComment: "{cell} 的註解",
      scopeLabel: "範圍",
      scopeAll: "整份",
      scopeSelection: "選取範圍",
      scopeSlidesSelected: "選取的投影片",
      readingProgress: "讀取中…（{done}／{total}）",
      scanningProgress: "檢查中…（{done}／{total}）",
      restoredSlide: "已還原 {n} 處，並以文字方塊插入目前的投影片。",
      restoredCells: "已還原 {n} 處，並寫入目前選取的儲存格起的範圍。",
      restoreTargetNotEmpty: "目前儲存格起的範圍已有資料，未覆寫。請先選取空白儲存格。",
      restoreHintSlides: "將 AI 的回覆貼在下方，按「還原並插入」會把代稱換回真實資料，並以文字方塊插入目前的投影片。",
      restoreHintCells: "將 AI 的回覆貼在下方，按「還原並插入」會把代稱換回真實資料，並從目前選取的空白儲存格起寫入（以定位字元分欄）。",
      notesNotReadable: "增益集無法讀取講者備忘稿（Office 未提供此 API），請自行檢查，或請資訊中心以 aiguard scan 檢查整份檔案。",
    },
    en: {
      appTitle: "AIGuard",
      appSubtitle: "Check before anything goes to generative AI",
      devMode: "Development mode: not signed in",
      loading: "Loading…",
      scan: "Check",
      scanAgain: "Check again",
      scanning: "Checking…",
      scanHint: "Checks the body, headers and footers for classification markings and personal data.",
      scanHintOutlook: "Checks the subject and body for classification markings and personal data.",
      noText: "The document has no text to check.",
      "verdict.block": "Must not be given to generative AI",
      "verdict.redact": "Personal data found: redact first",
      "verdict.allow": "No markings or personal data found",
      blockNoOverride: "Under the guideline this document must not be given to generative AI in any form. There is no override.",
      allowReminder: "AI output is only a draft: you make the final judgment.",
      basis: "Basis",
      findings: "Findings",
      findingsCount: "{n} in total",
      findingsHintWord: "Select an item to find and highlight it in the document.",
      findingsHintOutlook: "Edit the message, or redact it below before using AI.",
      highlightAll: "Highlight all",
      clearHighlights: "Clear highlights",
      highlighted: "Highlighted {n} places.",
      cleared: "Highlights cleared.",
      notFound: "This item is no longer in the document; check again.",
      fieldSubject: "Subject",
      fieldBody: "Body",
      externalRecipients: "Recipients outside the organisation: {list}",
      redactHeading: "Copy redacted",
      redactHint: "Makes a copy without personal data to paste into Copilot or ChatGPT. The text goes only to the agency's own server.",
      modeLabel: "Redaction",
      modeMask: "Mask (replace with symbols)",
      modePlaceholder: "Placeholders (e.g. 〔姓名1〕, restorable)",
      redactButton: "Copy redacted",
      redactedLabel: "Redacted text",
      copied: "Copied {n} characters; paste them into the AI tool.",
      copyManual: "Could not copy automatically; select the text above and copy it.",
      restoreHeading: "Restore",
      restoreHint: "Paste the AI's answer below. “Restore and insert” puts the real values back and inserts it at the cursor.",
      restoreLabel: "The AI's answer",
      restoreButton: "Restore and insert",
      restoreNeedsMap: "Copy a redacted version with placeholders first; only placeholders can be restored.",
      restoreEmpty: "Paste the AI's answer first.",
      restored: "Restored {n} values and inserted the text at the cursor.",
      noticeHeading: "AI-use notice",
      noticeHint: "Content made with AI must say so (Ch. IV art. 1: AI output is a draft; you make the final judgment).",
      noticeButton: "Insert AI-use notice",
      noticeInserted: "Notice inserted; the document is marked as AI-assisted.",
      noticeInsertedMail: "Notice inserted at the top of the message.",
      noticeAlready: "The document already has an AI-use notice; not inserted again.",
      reminderTitle: "Final judgment",
      reminderConfirm: "I have checked the content and make the final judgment",
      reminderButton: "Confirm",
      reminderDone: "Final-judgment reminder confirmed.",
      errorUnreachable: "Cannot reach the AIGuard server. Try again later or contact IT.",
      errorTimeout: "The AIGuard server took too long to answer. Try again later.",
      errorSignIn: "Sign-in failed. Reopen the add-in.",
      errorNotConfigured: "The add-in is not configured for sign-in (no client ID). Contact IT.",
      errorBlockedRedact: "This text carries a classification or restriction marking and must not be prepared for AI.",
      errorGeneric: "Something went wrong: {message}",
      close: "Close",
      scanHintPowerPoint: "Checks every slide's titles, text boxes, placeholders, tables and grouped shapes.",
      scanHintExcel: "Checks every sheet's used range (or the selection), sheet names, cells and comments; columns are judged by their headers.",
      findingsHintSlides: "Select an item to go to its slide and select the text.",
      findingsHintCells: "Select an item to select its cell.",
      noticeInsertedSlides: "Notice added as a text box on the first slide; the presentation is marked as AI-assisted.",
      placeSlide: "Slide {n}",
      placeSlideTable: "Slide {n} (table)",
      placeSheetName: "Sheet name",
      placeComment: "Comment on {cell}",
      scopeLabel: "Scope",
      scopeAll: "Everything",
      scopeSelection: "Selection",
      scopeSlidesSelected: "Selected slides",
      readingProgress: "Reading… ({done}/{total})",
      scanningProgress: "Checking… ({done}/{total})",
      restoredSlide: "Restored {n} values and inserted the text as a text box on the current slide.",
      restoredCells: "Restored {n} values and wrote them from the selected cell on.",
      restoreTargetNotEmpty: "The cells from the selected one on are not empty; nothing was overwritten. Select an empty cell first.",
      restoreHintSlides: "Paste the AI's answer below. “Restore and insert” puts the real values back and inserts it as a text box on the current slide.",
      restoreHintCells: "Paste the AI's answer below. “Restore and insert” puts the real values back and writes it from the selected empty cell on (tabs separate cells).",
      notesNotReadable: "Add-ins cannot read speaker notes (Office has no API for them): check them yourself, or have IT check the whole file with aiguard scan.",
    },
  };

  /**
   * Fallback labels of finding types, used until /api/v1/policy has answered (its `types` come from the
   * engine's table, nlp/finding_types.py; tests/nlp/test_finding_types.py checks that this copy equals it).
   */
  const TYPE_LABELS = {
    CLASSIFIED: ["機密等級標示", "Classification marking"],
    RESTRICTED: ["限閱等限制標示", "Restriction marking"],
    TW_NATIONAL_ID: ["身分證統一編號", "National ID number"],
    TW_RESIDENT_ID: ["居留證統一證號", "Resident certificate number"],
    TW_PASSPORT: ["護照號碼", "Passport number"],
    TW_NHI_CARD: ["健保卡號", "NHI card number"],
    PERSON: ["姓名", "Person name"],
    PHONE: ["電話號碼", "Phone number"],
    EMAIL: ["電子郵件地址", "E-mail address"],
    ADDRESS: ["地址", "Postal address"],
    BIRTH_DATE: ["出生日期", "Birth date"],
    BANK_ACCOUNT: ["銀行帳號", "Bank account"],
    CREDIT_CARD: ["信用卡號", "Credit card number"],
    SENSITIVE_CATEGORY: ["特種個資（個資法第6條）", "Special-category data (PDPA art. 6)"],
    TW_BUSINESS_ID: ["統一編號（公司）", "Business ID (company)"],
  };

  /**
   * Choose the pane's language from Office's display language: English for any `en*`, else zh-TW.
   * @param {string | undefined | null} displayLanguage e.g. "zh-TW", "en-US"
   * @returns {Lang}
   */
  function pickLanguage(displayLanguage) {
    return typeof displayLanguage === "string" && /^en\b/i.test(displayLanguage) ? "en" : "zh-TW";
  }

  /**
   * The pane's text for `key`, with `{name}` parameters filled in; the key itself when unknown.
   * @param {Lang} lang
   * @param {string} key
   * @param {Record<string, string | number>} [params]
   * @returns {string}
   */
  function translate(lang, key, params) {
    const table = STRINGS[lang] || STRINGS["zh-TW"];
    const template = key in table ? table[key] : key in STRINGS["zh-TW"] ? STRINGS["zh-TW"][key] : key;
    return template.replace(/\{(\w+)\}/g, (whole, name) =>
      params && name in params ? String(params[name]) : whole
    );
  }

  /**
   * Pick one language out of a server object shaped `{"zh-TW": ..., "en": ...}`.
   * @param {{[lang: string]: string} | undefined | null} texts
   * @param {Lang} lang
   * @returns {string}
   */
  function pickText(texts, lang) {
    if (!texts) return "";
    return texts[lang] || texts["zh-TW"] || texts.en || "";
  }

  /**
   * The label of a finding type: from the policy when loaded, else the fallback table, else the type.
   * @param {string} type
   * @param {Lang} lang
   * @param {{[type: string]: {"zh-TW"?: string, en?: string}}} [policyTypes]
   * @returns {string}
   */
  function typeLabel(type, lang, policyTypes) {
    const fromPolicy = policyTypes && policyTypes[type];
    if (fromPolicy && fromPolicy[lang]) return /** @type {string} */ (fromPolicy[lang]);
    const fallback = /** @type {Record<string, string[]>} */ (TYPE_LABELS)[type];
    return fallback ? fallback[lang === "en" ? 1 : 0] : type;
  }

  return { STRINGS, TYPE_LABELS, pickLanguage, translate, pickText, typeLabel };
});
