import { displayedText, markdownText, plainText, truncate, ZWSP } from '../../src/cards/text';
import { NASTY_TEXT } from './samples';

describe('plainText', () => {
  it('breaks ${ and {{ with an invisible space so nothing can bind or format them, and the reader sees the same text', () => {
    const out = plainText('pay ${amount} on {{DATE(2017-02-14T06:08:39Z, SHORT)}}');
    expect(out).toBe(`pay $${ZWSP}{amount} on {${ZWSP}{DATE(2017-02-14T06:08:39Z, SHORT)}}`);
    expect(out).not.toContain('${');
    expect(out).not.toContain('{{');
    expect(displayedText(out, false)).toBe('pay ${amount} on {{DATE(2017-02-14T06:08:39Z, SHORT)}}');
  });

  it('turns null and undefined into an empty string and CRLF into LF', () => {
    expect(plainText(null)).toBe('');
    expect(plainText(undefined)).toBe('');
    expect(plainText('a\r\nb\rc')).toBe('a\nb\nc');
  });
});

describe('markdownText', () => {
  it('escapes inline markdown so it shows literally', () => {
    expect(markdownText('*md* _it_ [a](b) `c` ~~s~~ <b> \\')).toBe('\\*md\\* \\_it\\_ \\[a\\](b) \\`c\\` \\~\\~s\\~\\~ \\<b> \\\\');
  });

  it('escapes list, heading and quote markers only at the start of a line, and keeps line breaks', () => {
    expect(markdownText('- item\n1. one\n# h\n> q\na-b 2. x')).toBe('\\- item  \n1\\. one  \n\\# h  \n\\> q  \na-b 2. x');
  });

  it('round-trips the nastiest note: what the reader sees is exactly what was typed', () => {
    expect(displayedText(markdownText(NASTY_TEXT), true)).toBe(NASTY_TEXT);
    expect(markdownText(NASTY_TEXT)).not.toContain('${');
  });
});

describe('truncate', () => {
  it('keeps short text and cuts long text to the limit with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('abcdefghijkl', 6)).toBe('abcde…');
    expect(truncate('abcdefghijkl', 6).length).toBe(6);
  });

  it('never splits an emoji (surrogate pair) in half', () => {
    const out = truncate('ab😀😀😀', 4);
    expect(out).toBe('ab…');
    expect(() => encodeURIComponent(out)).not.toThrow();
  });
});
