/**
 * Text bound for an XML part (Word, Excel) must hold only characters XML 1.0 allows. Officers paste
 * from Word, e-mail and PDFs, which bring vertical tabs, form feeds and broken emoji halves; one
 * such character makes Word refuse the whole file. Remove exactly those and keep everything else
 * (emoji, right-to-left scripts, line breaks, tabs).
 */

// Allowed: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and whole surrogate pairs (U+10000 and up).
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\uD800-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '');
}

/** True when `text` would survive an XML part unchanged. */
export function isXmlSafe(text: string): boolean {
  XML_INVALID.lastIndex = 0;
  const found = XML_INVALID.test(text);
  XML_INVALID.lastIndex = 0;
  return !found;
}

/**
 * Text for an XML part, escaped (and made XML-safe): the one XML escaper (issue #12). Quotes are
 * escaped too, so the same text is safe in an attribute value.
 */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
