/** Which articles a change touches, and which browser tests `npm run check` runs for them (scripts/lib/changed-articles.mjs). */
import { describe, expect, it } from 'vitest';
import { articleFiles, browserTestsFor, pageOfArticle, touchedArticles } from '../../scripts/lib/changed-articles.mjs';

const SOURCES: Record<string, string> = {
  'content/articles/a.mdx':
    "import G from '../../src/components/gradients/GradientFlow.tsx';\nimport { x } from '../../src/numbers/a';\n",
  'content/articles/b.mdx': 'Plain.\n',
  'content/articles/zh/a.mdx': "import G from '../../../src/components/zh/GradientFlow.tsx';\n",
};
const ARTICLES = Object.keys(SOURCES);
const read = (f: string) => SOURCES[f]!;

describe('the articles a change touches', () => {
  it('are those changed and those importing a changed file (with or without its extension)', () => {
    expect(touchedArticles(ARTICLES, new Set(['content/articles/b.mdx']), read)).toEqual(['content/articles/b.mdx']);
    expect(touchedArticles(ARTICLES, new Set(['src/components/gradients/GradientFlow.tsx']), read)).toEqual([
      'content/articles/a.mdx',
    ]);
    expect(touchedArticles(ARTICLES, new Set(['src/numbers/a.ts']), read)).toEqual(['content/articles/a.mdx']);
    expect(touchedArticles(ARTICLES, new Set(['src/components/zh/GradientFlow.tsx']), read)).toEqual([
      'content/articles/zh/a.mdx',
    ]);
    expect(touchedArticles(ARTICLES, new Set(['README.md']), read)).toEqual([]);
  });

  it('map to their pages, in either language', () => {
    expect(ARTICLES.map(pageOfArticle)).toEqual(['articles/a/', 'articles/b/', 'zh/articles/a/']);
    expect(pageOfArticle('content/articles/appendix/a.mdx')).toBe('articles/a/appendix/');
    expect(pageOfArticle('content/articles/zh/appendix/a.mdx')).toBe('zh/articles/a/appendix/');
  });

  it('are found under the content folder, recursively', () => {
    const tree: Record<string, { name: string; dir: boolean }[]> = {
      c: [
        { name: 'x.mdx', dir: false },
        { name: 'zh', dir: true },
        { name: 'notes.md', dir: false },
      ],
      'c/zh': [{ name: 'x.mdx', dir: false }],
    };
    const list = (d: string) => tree[d]!.map((e) => ({ name: e.name, isDirectory: () => e.dir }));
    expect(articleFiles('c', list)).toEqual(['c/x.mdx', 'c/zh/x.mdx']);
  });
});

describe('the browser tests of the touched pages', () => {
  const tests = [
    { file: 'site.test.ts', text: 'for (const path of pagesUnderTest(pages)) {' },
    { file: 'gradients.test.ts', text: "const PATH = 'articles/vanishing-gradients/';" },
    { file: 'zh.test.ts', text: "const CORE = 'zh/articles/why-sigmoid-and-tanh/';" },
  ];

  it('are the per-page tests and those about a touched page; none when no page is touched', () => {
    expect(browserTestsFor(['articles/vanishing-gradients/'], tests)).toEqual(['site.test.ts', 'gradients.test.ts']);
    expect(browserTestsFor(['zh/articles/why-sigmoid-and-tanh/'], tests)).toEqual(['site.test.ts', 'zh.test.ts']);
    expect(browserTestsFor([], tests)).toEqual([]);
  });
});
