// @ts-check
/**
 * Which e-mail recipients are outside the organisation (policy `outlook.internal_domains`). Mirrors
 * server/recipients.py: a domain is internal when it equals an internal domain or is a subdomain of one.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.AIGuard = Object.assign(root.AIGuard || {}, api);
  }
})(/** @type {any} */ (typeof self !== "undefined" ? self : this), function () {
  /** The server's schema for a recipient address (server/schemas.py EMAIL_ADDRESS). */
  const ADDRESS_PATTERN = /^[^@\s]+@[^@\s]+$/;

  /**
   * @param {string} address
   * @param {string[]} internalDomains
   * @returns {boolean}
   */
  function isInternal(address, internalDomains) {
    const at = (address || "").trim().lastIndexOf("@");
    if (at < 1) return false;
    const domain = address.trim().slice(at + 1).toLowerCase().replace(/\.$/, "");
    if (!domain) return false;
    return (internalDomains || []).some((entry) => {
      const internal = (entry || "").trim().toLowerCase().replace(/^@/, "").replace(/\.$/, "");
      return internal !== "" && (domain === internal || domain.endsWith("." + internal));
    });
  }

  /**
   * @param {string[]} addresses
   * @param {string[]} internalDomains
   * @returns {string[]}
   */
  function externalRecipients(addresses, internalDomains) {
    return (addresses || []).filter((address) => !isInternal(address, internalDomains));
  }

  /**
   * The addresses of Outlook recipient lists (`[{displayName, emailAddress}]` each), valid ones only,
   * without duplicates, at most 1000 (the server's limit).
   * @param {Array<Array<{emailAddress?: string}> | undefined>} lists
   * @returns {string[]}
   */
  function recipientAddresses(lists) {
    const seen = new Set();
    /** @type {string[]} */
    const addresses = [];
    for (const list of lists) {
      for (const recipient of list || []) {
        const address = (recipient && recipient.emailAddress ? recipient.emailAddress : "").trim();
        const key = address.toLowerCase();
        if (!ADDRESS_PATTERN.test(address) || address.length > 320 || seen.has(key)) continue;
        seen.add(key);
        addresses.push(address);
      }
    }
    return addresses.slice(0, 1000);
  }

  return { isInternal, externalRecipients, recipientAddresses };
});
