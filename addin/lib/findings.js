// @ts-check
/**
 * Findings as the pane shows and finds them: grouped by type, and located again in a Word document.
 *
 * Word's `body.text` offsets do not map to ranges, so a finding is found again by searching its text
 * (at most 255 characters, one line) and taking the n-th match, n being how many times the same text
 * occurs earlier in the same part (body, one header, one footer). The scanned text is the parts joined,
 * and `segments` says where each part lies in it.
 */
/**
 * @typedef {Object} Finding  One entry of `findings` in a /api/v1/scan answer.
 * @property {string} type
 * @property {number} start
 * @property {number} end
 * @property {string} text
 * @property {number} [score]
 * @property {string} [recognizer]
 * @property {string[]} [evidence]
 * @property {{article: string, "zh-TW": string, en: string} | null} [basis]
 * @property {boolean} [personal]
 * @property {"block" | "redact" | "report" | "ignore"} [action]
 * @property {string} [level]
 * @property {"body" | "subject"} [field]
 */

/** @typedef {{key: string, start: number, end: number}} Segment */
/** @typedef {{key: string, text: string}} Part */

(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.AIGuard = Object.assign(root.AIGuard || {}, api);
  }
})(/** @type {any} */ (typeof self !== "undefined" ? self : this), function () {
  /**
   * Fallback display order, used until /api/v1/policy has answered (its `types[type].order` comes from the
   * engine's table, nlp/finding_types.py; tests/nlp/test_finding_types.py checks that this copy equals it).
   * Markings first, then identifiers, contact data, the rest; unknown types last, alphabetically.
   */
  const TYPE_ORDER = [
    "CLASSIFIED",
    "RESTRICTED",
    "TW_NATIONAL_ID",
    "TW_RESIDENT_ID",
    "TW_PASSPORT",
    "TW_NHI_CARD",
    "PERSON",
    "PHONE",
    "EMAIL",
    "ADDRESS",
    "BIRTH_DATE",
    "BANK_ACCOUNT",
    "CREDIT_CARD",
    "SENSITIVE_CATEGORY",
    "TW_BUSINESS_ID",
  ];

  /** Word's search accepts at most this many characters. */
  const MAX_SEARCH_LENGTH = 255;
  /** Text between two parts of the scanned text, so that no finding spans two parts. */
  const PART_SEPARATOR = "\n\n";

  /**
   * @typedef {Object} FindingGroup
   * @property {string} type
   * @property {Array<Finding & {index: number}>} items  `index` is the finding's position in the answer
   */

  /**
   * Group findings by type, in the policy's order (else {@link TYPE_ORDER}), each group in document order.
   * Findings whose action is `ignore` are left out.
   * @param {Finding[]} findings
   * @param {{[type: string]: {order?: number}}} [policyTypes]  `types` of GET /api/v1/policy
   * @returns {FindingGroup[]}
   */
  function groupFindings(findings, policyTypes) {
    /** @type {Map<string, FindingGroup>} */
    const groups = new Map();
    (findings || []).forEach((finding, index) => {
      if (finding.action === "ignore") return;
      let group = groups.get(finding.type);
      if (!group) {
        group = { type: finding.type, items: [] };
        groups.set(finding.type, group);
      }
      group.items.push(Object.assign({}, finding, { index }));
    });
    const rank = (/** @type {string} */ type) => {
      const order = policyTypes && policyTypes[type] ? policyTypes[type].order : undefined;
      if (typeof order === "number") return order;
      const at = TYPE_ORDER.indexOf(type);
      return at === -1 ? Number.MAX_SAFE_INTEGER : at;
    };
    const sorted = Array.from(groups.values()).sort(
      (a, b) => rank(a.type) - rank(b.type) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0)
    );
    for (const group of sorted) {
      group.items.sort((a, b) => fieldRank(a) - fieldRank(b) || a.start - b.start);
    }
    return sorted;
  }

  /** @param {Finding} finding */
  function fieldRank(finding) {
    return finding.field === "subject" ? 0 : 1;
  }

  /**
   * Join the document's parts into the one text that is scanned, remembering where each part lies.
   * Empty parts are skipped; a part whose text repeats an earlier part of the same kind (a header linked
   * to the previous section) is skipped too, so its findings are not reported twice.
   * @param {Part[]} parts
   * @returns {{text: string, segments: Segment[]}}
   */
  function joinParts(parts) {
    /** @type {Segment[]} */
    const segments = [];
    const seen = new Set();
    let text = "";
    for (const part of parts) {
      if (!part.text || !part.text.trim()) continue;
      const kind = part.key.split(":")[0];
      const identity = kind + "\u0000" + part.text;
      if (kind !== "body" && seen.has(identity)) continue;
      seen.add(identity);
      if (text) text += PART_SEPARATOR;
      segments.push({ key: part.key, start: text.length, end: text.length + part.text.length });
      text += part.text;
    }
    return { text, segments };
  }

  /**
   * The texts of the parts other than the body (headers, footers): sent with a redaction request as its
   * `context`, so that a value the server finds there is redacted in the body too (document-level propagation).
   * @param {{text: string, segments: Segment[]}} scanned  what {@link joinParts} returned
   * @returns {string[]}
   */
  function otherParts(scanned) {
    return scanned.segments.filter((segment) => segment.key !== "body").map((segment) => scanned.text.slice(segment.start, segment.end));
  }

  /**
   * The segment that holds an offset of the scanned text, or undefined.
   * @param {Segment[]} segments
   * @param {number} offset
   * @returns {Segment | undefined}
   */
  function segmentAt(segments, offset) {
    return segments.find((segment) => offset >= segment.start && offset < segment.end);
  }

  /**
   * What to give Word's search for a finding: its first line, at most 255 characters.
   * @param {string} text
   * @returns {string}
   */
  function searchNeedle(text) {
    const firstLine = text.split(/[\r\n\u000b\u2028\u2029]/)[0];
    return firstLine.slice(0, MAX_SEARCH_LENGTH);
  }

  /**
   * Word search treats `^` as the start of a special code (^p, ^t …); a literal caret is `^^`.
   * @param {string} needle
   * @returns {string}
   */
  function escapeWordSearch(needle) {
    return needle.replace(/\^/g, "^^");
  }

  /**
   * How many times `needle` occurs in `haystack` before `offset`, counting non-overlapping matches from
   * the start as Word's search does.
   * @param {string} haystack
   * @param {string} needle
   * @param {number} offset
   * @returns {number}
   */
  function occurrencesBefore(haystack, needle, offset) {
    if (!needle) return 0;
    let count = 0;
    let at = haystack.indexOf(needle);
    while (at !== -1 && at < offset) {
      count += 1;
      at = haystack.indexOf(needle, at + needle.length);
    }
    return count;
  }

  /**
   * @typedef {Object} Location
   * @property {string} segmentKey  which part: "body", "header:0:primary", "footer:1:firstPage" …
   * @property {string} needle      the (escaped) text to search for
   * @property {number} occurrence  which match to take, from 0
   */

  /**
   * The one place where offsets change convention. The server's offsets are code-point indices into the text
   * exactly as sent (Python's); a JavaScript string is indexed in UTF-16 units, where a character outside the
   * BMP (many 戶政 rare name characters, e.g. 𡘙) takes two. Returns the UTF-16 index of code point
   * ``codePoints`` of ``text`` (its length when past the end).
   * @param {string} text
   * @param {number} codePoints
   * @returns {number}
   */
  function utf16Index(text, codePoints) {
    let index = 0;
    for (let seen = 0; seen < codePoints && index < text.length; seen++) {
      const unit = text.charCodeAt(index);
      const pair = unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00;
      index += pair ? 2 : 1;
    }
    return index;
  }

  /**
   * Where to find a finding again in Word: which part, what to search for, which match.
   * @param {Finding} finding
   * @param {string} scannedText  the text that was scanned (see {@link joinParts})
   * @param {Segment[]} segments
   * @returns {Location | null}  null when the finding lies in no part (should not happen)
   */
  function locateFinding(finding, scannedText, segments) {
    const start = utf16Index(scannedText, finding.start);
    const end = utf16Index(scannedText, finding.end);
    const segment = segments.length ? segmentAt(segments, start) : { key: "body", start: 0, end: scannedText.length };
    if (!segment) return null;
    const partText = scannedText.slice(segment.start, segment.end);
    const textAtOffset = scannedText.slice(start, end);
    const needle = searchNeedle(textAtOffset || finding.text);
    if (!needle) return null;
    return {
      segmentKey: segment.key,
      needle: escapeWordSearch(needle),
      occurrence: occurrencesBefore(partText, needle, start - segment.start),
    };
  }

  /**
   * Where a finding lies inside the part it came from, in UTF-16 units of that part's text (for hosts whose
   * text ranges take offsets, such as PowerPoint's `textRange.getSubstring(start, length)`).
   * @param {Finding} finding
   * @param {string} scannedText  the text that was scanned (see {@link joinParts})
   * @param {Segment[]} segments
   * @returns {{segmentKey: string, start: number, end: number} | null}  null when the finding lies in no part
   */
  function partRange(finding, scannedText, segments) {
    const start = utf16Index(scannedText, finding.start);
    const end = utf16Index(scannedText, finding.end);
    const segment = segmentAt(segments, start);
    if (!segment) return null;
    return { segmentKey: segment.key, start: start - segment.start, end: Math.min(end, segment.end) - segment.start };
  }

  /**
   * A finding's text as the list shows it: one line, long values shortened in the middle.
   * @param {string} text
   * @param {number} [limit]
   * @returns {string}
   */
  function displayText(text, limit = 40) {
    const oneLine = text.replace(/\s+/g, " ").trim();
    if (oneLine.length <= limit) return oneLine;
    const half = Math.floor((limit - 1) / 2);
    return oneLine.slice(0, half) + "…" + oneLine.slice(oneLine.length - half);
  }

  /**
   * True when the text already carries the notice (whitespace differences ignored).
   * @param {string} text
   * @param {string} notice
   * @returns {boolean}
   */
  function containsNotice(text, notice) {
    if (!notice) return false;
    const squash = (/** @type {string} */ value) => value.replace(/\s+/g, "");
    return squash(text || "").includes(squash(notice));
  }

  return {
    TYPE_ORDER,
    MAX_SEARCH_LENGTH,
    PART_SEPARATOR,
    groupFindings,
    joinParts,
    otherParts,
    segmentAt,
    searchNeedle,
    escapeWordSearch,
    occurrencesBefore,
    locateFinding,
    partRange,
    utf16Index,
    displayText,
    containsNotice,
  };
});
