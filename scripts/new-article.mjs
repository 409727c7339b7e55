// @ts-check
/**
 * `npm run new -- my-slug [--title "My title"]`: scaffolds content/articles/my-slug.mdx from templates/article.mdx as a
 * draft dated today, with the next free `order`. Refuses a malformed slug and never overwrites a file.
 * WHY_TANH_CONTENT_DIR points it at another content folder (the tests use a scratch one).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** @param {string} message */
function fail(message) {
  console.error(`new article: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const titleAt = args.indexOf('--title');
const title = titleAt >= 0 ? args[titleAt + 1] : undefined;
if (titleAt >= 0) args.splice(titleAt, 2);
const slug = args[0];
if (!slug || args.length !== 1) fail('usage: npm run new -- my-slug [--title "My title"]');
else {
  if (!SLUG.test(slug) || slug.length > 60) {
    fail(
      `"${slug}" is not a valid slug: lower-case letters and digits in words joined by "-", at most 60 characters (it becomes the URL).`,
    );
  }
  const dir = process.env['WHY_TANH_CONTENT_DIR'] ?? join(ROOT, 'content/articles');
  const file = join(dir, `${slug}.mdx`);
  if (existsSync(file)) fail(`${relative(process.cwd(), file)} already exists; choose another slug.`);
  mkdirSync(dir, { recursive: true });

  const orders = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => /^order:\s*(\d+)\s*$/m.exec(readFileSync(join(dir, f), 'utf8').split(/^---\s*$/m)[1] ?? '')?.[1])
    .filter((o) => o !== undefined)
    .map(Number);
  const order = Math.max(0, ...orders) + 1;
  const date = new Date().toISOString().slice(0, 10);
  const heading = title ?? slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  if (heading.length < 3 || heading.length > 90) fail(`the title must be 3–90 characters (got ${heading.length}).`);
  const text = readFileSync(join(ROOT, 'templates/article.mdx'), 'utf8')
    .replaceAll('{{title}}', JSON.stringify(heading))
    .replaceAll('{{date}}', date)
    .replaceAll('{{order}}', String(order));
  writeFileSync(file, text, { flag: 'wx' });
  console.log(`Created ${relative(process.cwd(), file)} (draft, order ${order}, ${date}). Preview it with "npm run dev".`);
}
