import { describe, expect, it } from 'vitest';
import {
  cardPathOf,
  firstSentences,
  presetSharePath,
  readBuiltArticle,
  sectionSharePath,
  sentences,
  sharePageHtml,
  type SharePage,
} from '../../src/site/share.ts';

const page = (body: string, lang = 'en') =>
  `<!doctype html><html lang="${lang}"><head><meta name="description" content="The page's own description."></head>` +
  `<body><main><article><header><h1>An article</h1></header><div class="prose">${body}</div></article></main></body></html>`;

const katex = (tex: string) =>
  `<span class="katex"><span class="katex-mathml"><math><semantics><mrow><mi>x</mi></mrow>` +
  `<annotation encoding="application/x-tex">${tex}</annotation></semantics></math></span>` +
  `<span class="katex-html" aria-hidden="true">VISUAL</span></span>`;

describe('reading a built article for its share pages', () => {
  it('finds every h2 with an id, its heading without the permalink, and the text that opens it as plain text', () => {
    const a = readBuiltArticle(
      page(
        `<p>Intro.</p>` +
          `<h2 id="gates">Why the gates use a sigmoid<a class="heading-anchor" href="#gates">#</a></h2>` +
          `<p>A gate multiplies: ${katex('f_t \\odot c_{t-1}')} keeps a fraction <span class="cite">[<a href="#ref-x">1</a>]</span>.</p>` +
          `<h2>No id, not a section</h2><p>Skipped.</p>` +
          `<h2 id="fig">A figure first</h2><figure class="figure" id="fig-run"><p>caption text</p></figure><p>After the figure.</p>` +
          `<h2 id="callout">In a callout</h2><div class="callout"><p><strong>Short answer.</strong> Yes.</p></div>` +
          `<h2 id="refs">References</h2><ol class="bibliography"></ol>`,
      ),
    );
    expect(a.lang).toBe('en');
    expect(a.title).toBe('An article');
    expect(a.description).toBe("The page's own description.");
    expect(a.figures).toEqual(['fig-run']);
    expect(a.sections.map((s) => s.id)).toEqual(['gates', 'fig', 'callout', 'refs']);
    expect(a.sections[0]).toEqual({
      id: 'gates',
      heading: 'Why the gates use a sigmoid',
      text: 'A gate multiplies: f_t ⊙ c_(t − 1) keeps a fraction.',
    });
    expect(a.sections[1]!.text).toBe('After the figure.');
    expect(a.sections[2]!.text).toBe('Short answer. Yes.');
    expect(a.sections[3]!.text).toBe('');
  });

  it('reads a Chinese page as Chinese and refuses a page that is not an article', () => {
    expect(readBuiltArticle(page('<h2 id="a">门</h2><p>门做乘法。</p>', 'zh-CN')).lang).toBe('zh');
    expect(() => readBuiltArticle('<html lang="en"><body><p>no article</p></body></html>')).toThrow(/not an article page/);
  });
});

describe('first sentences', () => {
  it('does not end a sentence after "et al." or "e.g."', () => {
    expect(sentences('Greff et al. trained eight variants. They found e.g. this. Done.', 'en')).toEqual([
      'Greff et al. trained eight variants.',
      'They found e.g. this.',
      'Done.',
    ]);
  });

  it('takes whole sentences up to about 150 characters and never more than 260', () => {
    const s = 'A short sentence comes first.';
    const long = `Then ${'a very long clause, '.repeat(20)}ends.`;
    expect(firstSentences(`${s} Second one. Third.`, 'en')).toBe(`${s} Second one. Third.`);
    expect(
      firstSentences(`${s} Then a second one that is long enough to pass half the target on its own, and more. ${long}`, 'en'),
    ).toBe(`${s} Then a second one that is long enough to pass half the target on its own, and more.`);
    const cut = firstSentences(`${s} ${long}`, 'en');
    expect(cut.startsWith(`${s} Then a very long clause,`)).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(260);
    const only = firstSentences(long, 'en');
    expect(only.length).toBeLessThanOrEqual(260);
    expect(only.endsWith('…')).toBe(true);
    expect(only).not.toMatch(/,…$/);
  });

  it('leaves out a sentence a formula interrupts, or marks it with "…" when it is the only one', () => {
    expect(firstSentences('The memory is not bounded. With |f| ≤ 1 and', 'en')).toBe('The memory is not bounded.');
    expect(firstSentences('It changes the memory additively:', 'en')).toBe('It changes the memory additively…');
  });

  it('splits Chinese at 。！？ and keeps Chinese descriptions short', () => {
    expect(sentences('门有界。记忆没有界！为什么？', 'zh')).toEqual(['门有界。', '记忆没有界！', '为什么？']);
    const text = '门做的是乘法。'.repeat(40);
    expect([...firstSentences(text, 'zh')].length).toBeLessThanOrEqual(120);
  });
});

describe('share page paths and URLs', () => {
  it('puts sections at s/<slug>/<id>/, Chinese ones under zh/, presets under the figure id, cards under og/', () => {
    expect(sectionSharePath('en', 'why', 'gates')).toBe('s/why/gates/');
    expect(sectionSharePath('zh', 'why', 'gates')).toBe('zh/s/why/gates/');
    expect(presetSharePath('en', 'relu', 'fig-run', 'relu-g')).toBe('s/relu/fig-run/relu-g/');
    expect(cardPathOf('zh/s/why/gates/')).toBe('og/zh/s/why/gates.png');
  });
});

describe('the share page', () => {
  const share: SharePage = {
    lang: 'en',
    path: 's/why/gates/',
    title: 'Why the gates use a sigmoid · Why sigmoid & tanh?',
    description: 'A gate "multiplies" <b>.',
    card: 'og/s/why/gates.png',
    cardAlt: 'alt',
    target: 'articles/why/#gates',
    linkText: 'Go to the section',
  };
  const html = sharePageHtml(share, '/why-tanh/', 'https://example.org');

  it('sends the reader on at once, with and without JavaScript, and is not indexed', () => {
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/why-tanh/articles/why/#gates">');
    expect(html).toContain('<a href="/why-tanh/articles/why/#gates">Go to the section →</a>');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<link rel="canonical" href="https://example.org/why-tanh/articles/why/#gates">');
    expect(html).not.toContain('<script');
  });

  it('has its own link preview, escaped', () => {
    expect(html).toContain('<meta property="og:title" content="Why the gates use a sigmoid · Why sigmoid &amp; tanh?">');
    expect(html).toContain('<meta property="og:description" content="A gate &quot;multiplies&quot; &lt;b&gt;.">');
    expect(html).toContain('<meta property="og:image" content="https://example.org/why-tanh/og/s/why/gates.png">');
    expect(html).toContain('<meta property="og:url" content="https://example.org/why-tanh/s/why/gates/">');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
  });

  it('allows its one style by hash and nothing inline besides', () => {
    const csp = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toMatch(/script-src 'none'/);
    expect(html.indexOf('content-security-policy')).toBeLessThan(html.indexOf('<style>'));
  });
});
