import { describe, expect, it } from 'vitest';
import { cspMetaFirst, hashInlineStyles } from '../../src/integrations/csp-inline-styles.mjs';

const CSP = `<meta http-equiv="content-security-policy" content="default-src 'self'; style-src 'self'">`;
const page = (head: string) => `<!DOCTYPE html><html><head>${head}</head><body><p>x</p></body></html>`;

describe('the built pages’ meta CSP', () => {
  it('moves to just after <meta charset>, ahead of a stylesheet that Astro wrote before it', () => {
    const html = page(`<meta charset="utf-8"><title>t</title><link rel="stylesheet" href="/pagefind/pagefind-ui.css">${CSP}`);
    expect(cspMetaFirst(html)).toBe(
      page(`<meta charset="utf-8">${CSP}<title>t</title><link rel="stylesheet" href="/pagefind/pagefind-ui.css">`),
    );
  });

  it('leaves a page alone that has no CSP, no charset, or the CSP first already', () => {
    for (const html of [
      page('<meta charset="utf-8"><title>t</title>'),
      page(`<title>t</title>${CSP}`),
      page(`<meta charset="utf-8">${CSP}<title>t</title>`),
    ]) {
      expect(cspMetaFirst(html)).toBe(html);
    }
  });

  it('lists the hash of every inline style in style-src', () => {
    const out = hashInlineStyles(page(`<meta charset="utf-8">${CSP}<style>p{color:red}</style>`));
    expect(out).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+=*'">/);
  });
});
