/**
 * Graph's texts (remediation, remediationImpact, description, implementationStatus) are HTML fragments
 * with source indentation, entities and sometimes broken markup. Adaptive Card TextBlocks render only a
 * small markdown subset (bold, italic, lists, links) and show raw HTML as literal text, so we convert
 * once at normalisation time and every card and chat reply can use the result as it is.
 *
 * The converter is a small tokenizer rather than a DOM parser on purpose: the real data contains
 * unbalanced attributes (`<div data-se="o-form-label><label …>`) that a strict parser would choke on,
 * while "every `<…>` that starts with a letter is a tag" is exactly robust enough.
 */

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  rsquo: '\u2019',
  lsquo: '\u2018',
  rdquo: '\u201d',
  ldquo: '\u201c',
  bull: '\u2022',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  middot: '\u00b7',
  rarr: '\u2192',
};

/** Decodes named and numeric (&#39; &#x27;) entities; unknown names are left as typed. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return whole;
      // A no-break space must collapse like any other space, so map it to a plain one.
      return code === 0xa0 ? ' ' : String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[body.toLowerCase()];
    return named ?? whole;
  });
}

/** Tags start with a letter (or are comments); "a < b" in prose is not a tag and is kept. */
const TOKEN = /<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g;

const BLOCK_TAGS = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'blockquote', 'pre', 'table', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BOLD_TAGS = new Set(['b', 'strong']);
const ITALIC_TAGS = new Set(['i', 'em']);

interface ListState {
  ordered: boolean;
  next: number;
}

interface OpenInline {
  tag: string;
  start: number;
  href?: string;
}

/** Collapses every run of whitespace (including no-break spaces) to one space. */
function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ');
}

/**
 * Converts Graph's HTML into TextBlock markdown: paragraphs separated by a blank line, `<br>` as a line
 * break, list items as "- " / "1. " lines, links as [text](url), bold/italic as ** and _. No tags remain.
 */
export function htmlToText(html: string | null | undefined): string {
  if (typeof html !== 'string' || html === '') return '';
  let out = '';
  const lists: ListState[] = [];
  const inline: OpenInline[] = [];

  const trimTrailingSpaces = (): void => {
    out = out.replace(/[ \t]+$/, '');
  };
  /** Ensures the output ends with at least `count` newlines (never at the very start). */
  const breakLines = (count: number): void => {
    trimTrailingSpaces();
    if (out === '') return;
    const have = /\n*$/.exec(out)![0].length;
    if (have < count) out += '\n'.repeat(count - have);
  };
  const appendText = (raw: string): void => {
    let text = collapse(decodeEntities(raw));
    if (text === '') return;
    // A leading space at the start of a line is indentation from the HTML source, not content.
    if (out === '' || out.endsWith('\n') || out.endsWith(' ')) text = text.replace(/^ /, '');
    out += text;
  };
  /** True when the current line holds only a list marker ("5. ") and no content yet. */
  const onBareMarker = (): boolean => /(?:^|\n)[ ]*(?:- |\d+\. )$/.test(out);
  /**
   * Wraps what was written since `start` in a markdown marker. Whitespace goes outside the marker
   * ("**Save **" would not render as bold), and content spanning lines is left plain because TextBlock
   * markdown cannot bold across a line break.
   */
  const wrapSince = (start: number, marker: string): void => {
    const inner = out.slice(start);
    const content = inner.trim();
    if (content === '' || inner.includes('\n')) return;
    const lead = inner.startsWith(' ') ? ' ' : '';
    const trail = inner.endsWith(' ') ? ' ' : '';
    out = out.slice(0, start) + lead + marker + content + marker + trail;
  };
  const closeInline = (tag: string): void => {
    for (let i = inline.length - 1; i >= 0; i--) {
      if (inline[i].tag !== tag) continue;
      const open = inline[i];
      inline.splice(i);
      if (open.start > out.length) return; // what it wrapped was trimmed away
      if (tag === 'a') {
        const text = out.slice(open.start).trim();
        const href = open.href;
        // Only real web links become markdown links; when the text is the URL itself, keep it plain.
        if (href && /^https?:\/\//i.test(href) && text !== '' && !text.includes('\n') && text !== href) {
          const lead = out.slice(open.start).startsWith(' ') ? ' ' : '';
          out = out.slice(0, open.start) + lead + `[${text.replace(/[[\]]/g, '')}](${href.replace(/[ )]/g, (c) => encodeURIComponent(c))})`;
        } else if (href && /^https?:\/\//i.test(href) && text === '') {
          out += href;
        }
      } else {
        wrapSince(open.start, BOLD_TAGS.has(tag) ? '**' : '_');
      }
      return;
    }
  };
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m !== null; m = TOKEN.exec(html)) {
    appendText(html.slice(last, m.index));
    last = TOKEN.lastIndex;
    const name = m[1]?.toLowerCase();
    if (!name) continue; // comment
    const closing = m[0][1] === '/';
    if (name === 'br') {
      // Every <br> is one line break, so <br/><br/> becomes a blank line (a paragraph), as it looks in HTML.
      if (out !== '' && !onBareMarker()) {
        trimTrailingSpaces();
        out += '\n';
      }
    } else if (BLOCK_TAGS.has(name)) {
      // Inside a list item a block (<div>, <p>) must not split the item away from its "5. " marker.
      if (lists.length === 0) breakLines(2);
      else if (!onBareMarker()) breakLines(1);
    } else if (name === 'ul' || name === 'ol') {
      // A top-level list is its own paragraph; a nested one stays inside its item (one line break).
      if (closing) lists.pop();
      breakLines(lists.length > 0 ? 1 : 2);
      if (!closing) lists.push({ ordered: name === 'ol', next: 1 });
    } else if (name === 'li') {
      if (closing) {
        breakLines(1);
      } else {
        breakLines(1);
        const list = lists[lists.length - 1];
        const depth = Math.max(0, lists.length - 1);
        const marker = list?.ordered ? `${list.next++}. ` : '- ';
        out += '   '.repeat(depth) + marker;
      }
    } else if (BOLD_TAGS.has(name) || ITALIC_TAGS.has(name) || name === 'a') {
      if (closing) {
        closeInline(name);
      } else {
        const href = name === 'a' ? /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(m[0]) : null;
        inline.push({
          tag: name,
          start: out.length,
          href: href ? decodeEntities(href[1] ?? href[2] ?? href[3] ?? '').trim() : undefined,
        });
      }
    }
    // Every other tag (span, abbr, label, u, font…) carries no meaning we can render: drop it, keep its text.
  }
  appendText(html.slice(last));

  return out
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .map((line) => (/^\s*(?:- |\d+\. )/.test(line) ? line : line.trimStart()))
    .join('\n')
    // Two bold runs that touch ("**Settings****.**") would render as literal asterisks: merge them.
    .replace(/\*\*\*\*/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^(?:\s*\n)+/, '')
    .trim();
}

/**
 * One line of plain text (titles, list entries): tags dropped, entities decoded, all whitespace
 * collapsed. No markdown is added, so the result is safe inside bold markers or a card title.
 */
export function toPlainInline(s: string | null | undefined): string {
  if (typeof s !== 'string') return '';
  return collapse(decodeEntities(s.replace(TOKEN, ' '))).trim();
}
