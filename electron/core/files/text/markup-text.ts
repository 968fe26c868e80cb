/**
 * Text out of XML and HTML without a DOM: tolerant regex passes that are enough for search (the
 * text, in reading order, with paragraph breaks). Entities are decoded; markup never survives.
 */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', pound: '£', euro: '€', copy: '©', reg: '®',
  ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', bull: '•', middot: '·',
  eacute: 'é', egrave: 'è', ecirc: 'ê', aacute: 'á', agrave: 'à', acirc: 'â', iacute: 'í', oacute: 'ó', uacute: 'ú',
  ccedil: 'ç', ntilde: 'ñ', ouml: 'ö', uuml: 'ü', auml: 'ä', euml: 'ë', iuml: 'ï', szlig: 'ß', deg: '°', frac12: '½', times: '×',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : ' ';
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/**
 * Text of every `<tag>` element in an Office XML part, with a line break after each paragraph
 * (`paragraph`) and tabs/breaks kept.
 */
export function officeXmlText(xml: string, textTag: string, paragraphTag: string): string {
  const pattern = new RegExp(`<${textTag}(?:\\s[^>]*)?>([^<]*)</${textTag}>|</${paragraphTag}>|<(?:w:tab|w:br|a:br)\\b[^>]*/>`, 'g');
  let out = '';
  for (const m of xml.matchAll(pattern)) {
    if (m[1] !== undefined) out += decodeEntities(m[1]);
    else if (m[0].startsWith('</')) out += '\n';
    else out += m[0].includes('tab') ? '\t' : '\n';
  }
  return out;
}

const BLOCK = /<\/?(p|div|br|li|ul|ol|tr|table|h[1-6]|section|article|header|footer|blockquote|pre|dd|dt|td|th)\b[^>]*>/gi;

export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style|noscript|template|svg|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(BLOCK, '\n')
      .replace(/<[^>]*>/g, ' '),
  );
}

/** Text of any XML part (OpenDocument): tags removed, paragraphs on their own lines. */
export function xmlToText(xml: string): string {
  return decodeEntities(xml.replace(/<\/(text:p|text:h|table:table-row)>/g, '\n').replace(/<text:tab\/>/g, '\t').replace(/<[^>]*>/g, ' '));
}
