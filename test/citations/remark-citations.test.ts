import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkCitations } from '../../src/markdown/remark-citations';

/** Renders MDX source the way the site's pipeline sees it (GFM, math, citations) to HTML. */
async function render(source: string, path = join(process.cwd(), 'content/articles/test.mdx'), bibliography?: string) {
  const file = await unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkCitations, bibliography ? { bibliography } : {})
    .use(remarkRehype)
    .use(rehypeStringify)
    .process({ value: source, path });
  return String(file);
}

/** The message of the error rendering `source` throws. */
async function failure(source: string): Promise<string> {
  try {
    await render(source);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the render to fail');
}

const ids = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]);

describe('citations in an article', () => {
  it('become numbered links to the bibliography, numbered by first citation', async () => {
    const html = await render('A [@gers2000], B [@hochreiter1997; @gers2000], C [@lecun1998, §4.4].\n\n<Bibliography />\n');
    expect(ids(html, /class="cite-ref" id="([^"]+)"/g)).toEqual([
      'cite-gers2000-1',
      'cite-hochreiter1997-1',
      'cite-gers2000-2',
      'cite-lecun1998-1',
    ]);
    expect(ids(html, /href="#(ref-[^"]+)"/g)).toEqual(['ref-gers2000', 'ref-hochreiter1997', 'ref-gers2000', 'ref-lecun1998']);
    expect(html).toContain('<span class="visually-hidden">Reference </span>1</a>');
    expect(html).toMatch(/<\/span><\/span>, §4\.4\]<\/span>/);
    expect(ids(html, /<li id="([^"]+)" value="\d+"/g)).toEqual(['ref-gers2000', 'ref-hochreiter1997', 'ref-lecun1998']);
  });

  it('describe each link by a tooltip holding the full reference', async () => {
    const html = await render('See [@hochreiter1997].');
    expect(html).toContain('aria-describedby="cite-hochreiter1997-1-preview"');
    expect(html).toMatch(
      /<span class="cite-preview" id="cite-hochreiter1997-1-preview" role="tooltip">Sepp Hochreiter and Jürgen Schmidhuber \(1997\)\. <cite>Long Short-Term Memory<\/cite>\. Neural Computation 9\(8\), 1735–1780\. doi:10\.1162\/neco\.1997\.9\.8\.1735<\/span>/,
    );
    expect(html).toContain('<span class="cite" data-pagefind-ignore="">');
  });

  it('list back-links from each entry to every place it is cited', async () => {
    const html = await render('A [@gers2000]. B [@gers2000]. C [@cho2014].\n\n<Bibliography />\n');
    const gers = /<li id="ref-gers2000".*?<\/li>/.exec(html)![0];
    expect(gers).toContain(
      '<a href="https://doi.org/10.1162/089976600300015015" rel="noopener">doi:10.1162/089976600300015015</a>',
    );
    expect(ids(gers, /<a href="#(cite-[^"]+)"/g)).toEqual(['cite-gers2000-1', 'cite-gers2000-2']);
    expect(gers).toContain('<span class="visually-hidden">Back to citation </span>b</a>');
    const cho = /<li id="ref-cho2014".*?<\/li>/.exec(html)![0];
    expect(cho).toContain(
      '<a href="#cite-cho2014-1" class="bib-back"><span aria-hidden="true">↩</span><span class="visually-hidden">Back to the citation</span></a>',
    );
  });

  it('accept <Cite k loc> as an alias with the same output', async () => {
    const a = await render('X [@lecun1998, §4.4] and [@gers2000; @cho2014].');
    const b = await render('X <Cite k="lecun1998" loc="§4.4" /> and <Cite k="gers2000, cho2014" />.');
    expect(b).toBe(a);
  });

  it('leave math, code, links and e-mail addresses alone', async () => {
    const html = await render(
      '$[@x]$ and `[@y]` and [@z](https://example.org/) and mail a@b.org or [me a@b.org].\n\n```\n[@w]\n```\n',
    );
    expect(html).not.toContain('class="cite"');
    expect(html).toContain('<code>[@y]</code>');
    expect(html).toContain('[@w]');
    expect(html).not.toContain('References');
  });

  it('append the bibliography under a “References” heading when the article has no <Bibliography />', async () => {
    const html = await render('Text [@cho2014].\n\n## Last section\n\nMore.\n');
    expect(html).toMatch(
      /<h2>Last section<\/h2>\n<p>More\.<\/p>\n<h2 id="references">References<\/h2>\n<section class="bibliography" aria-label="References">/,
    );
  });

  it('write the bibliography where <Bibliography /> stands, even when citations follow it', async () => {
    const html = await render('A [@cho2014].\n\n<Bibliography />\n\nAppendix [@gers2000].\n');
    expect(html.indexOf('<section class="bibliography"')).toBeLessThan(html.indexOf('Appendix'));
    expect(ids(html, /<li id="([^"]+)"/g)).toEqual(['ref-cho2014', 'ref-gers2000']);
  });

  it('write nothing for an article that cites nothing', async () => {
    expect(await render('No citations.\n\n<Bibliography />\n')).toBe('<p>No citations.</p>');
  });

  it('speak the article’s language in a translation', async () => {
    const html = await render('文本 [@cho2014]。', join(process.cwd(), 'content/articles/zh/test.mdx'));
    expect(html).toContain('<h2 id="references">参考文献</h2>');
    expect(html).toContain('<span class="visually-hidden">参考文献 </span>1</a>');
  });
});

describe('a citation error', () => {
  it('names file:line:column and the unknown key, with near misses', async () => {
    const msg = await failure('Line one.\n\nSee [@gers2000] and\nthen [@lecun1989, §2].\n');
    expect(msg).toContain('content/articles/test.mdx:4:6: unknown citation key "lecun1989" (did you mean "lecun1998"?)');
    expect(msg).toContain('add the work to content/references.bib');
  });

  it('names an unknown key in <Cite k>', async () => {
    expect(await failure('A\n\nB <Cite k="nosuchkey2099" />\n')).toContain('test.mdx:3:3: unknown citation key "nosuchkey2099"');
  });

  it('lists every problem of the file at once', async () => {
    const msg = await failure('[@nope2001]\n\n[@nope2002]\n\n[see @gers2000]\n');
    expect(msg.split('\n')).toEqual([
      expect.stringMatching(/^content\/articles\/test\.mdx:1:1: unknown citation key "nope2001"/),
      expect.stringMatching(/:3:1: unknown citation key "nope2002"/),
      expect.stringMatching(/:5:1: text before "@gers2000"/),
    ]);
  });

  it('rejects citations in headings and links, and malformed <Cite> / <Bibliography />', async () => {
    expect(await failure('## About [@gers2000]\n')).toMatch(/test\.mdx:1:10: a citation inside a heading is not supported/);
    expect(await failure('[see *it* [@gers2000]](https://x.org/)\n')).toMatch(/a citation inside a link is not supported/);
    expect(await failure('<Cite k="gers2000, cho2014" loc="§2" />\n')).toMatch(/loc needs a single key/);
    expect(await failure('<Cite k={x} />\n')).toMatch(/<Cite k=…> must be a plain string/);
    expect(await failure('[@gers2000]\n\n<Bibliography />\n\n<Bibliography />\n')).toMatch(
      /test\.mdx:5:1: a second <Bibliography \/> \(the first is at line 3\)/,
    );
  });
});

describe('the bibliography file', () => {
  it('fails the build with its own problems, naming the .bib file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'why-tanh-bib-'));
    try {
      const bib = join(dir, 'refs.bib');
      writeFileSync(bib, '@article{doe2020,\n  title = {T},\n  year = {2020},\n  url = {https://example.org/t}\n}\n');
      await expect(render('[@doe2020]', undefined, bib)).rejects.toThrow(/refs\.bib:1: doe2020: @article needs "author"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
