/** Static Content-Security-Policy checks of one built page (the browser tests check the policy is enforced). */
import { createHash } from 'node:crypto';
import type { Tag } from './html';

/** Static CSP problems of one page; empty when fine. */
export function cspProblems(tags: readonly Tag[]): string[] {
  const problems: string[] = [];
  const metas = tags.filter((t) => t.name === 'meta' && t.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy');
  if (metas.length !== 1) return [`expected one <meta http-equiv="content-security-policy">, found ${metas.length}`];
  const meta = metas[0]!;
  const policy = new Map(
    meta.attrs
      .get('content')!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map((d) => [d[0]!.toLowerCase(), d.slice(1)] as const),
  );
  if (!policy.get('default-src')?.includes("'self'")) problems.push("default-src is not 'self'");
  const scriptSrc = policy.get('script-src') ?? [];
  if (scriptSrc.includes("'unsafe-inline'") || scriptSrc.includes("'unsafe-eval'"))
    problems.push(`script-src allows ${scriptSrc.join(' ')}`);
  if (policy.get('object-src')?.join(' ') !== "'none'") problems.push("object-src is not 'none'");
  // The policy comes first in <head>, right after the character encoding: whatever precedes it (a stylesheet, a
  // preload, an icon) is fetched and applied before the policy exists.
  const head = tags.find((t) => t.name === 'head');
  for (const t of tags) {
    if (!head || t.offset <= head.offset || t.offset >= meta.offset) continue;
    if (t.name === 'meta' && t.attrs.has('charset')) continue;
    const attrs = ['rel', 'href', 'name', 'src'].filter((a) => t.attrs.has(a)).map((a) => ` ${a}="${t.attrs.get(a)}"`);
    problems.push(`<${t.name}${attrs.join('')}> comes before the CSP <meta>, which must come first in <head>`);
  }
  for (const t of tags) {
    for (const [name, value] of t.attrs) {
      if (/^on[a-z]+$/.test(name)) problems.push(`inline event handler <${t.name} ${name}="${value.slice(0, 40)}">`);
    }
    if (t.name === 'script' && !t.attrs.has('src') && t.text.trim() !== '') {
      if (t.offset < meta.offset)
        problems.push('an inline <script> comes before the CSP <meta>, so the policy does not cover it');
      const type = t.attrs.get('type') ?? '';
      if (type === '' || type === 'module') {
        const hash = `'sha256-${createHash('sha256').update(t.text).digest('base64')}'`;
        if (!scriptSrc.includes(hash))
          problems.push(`inline <script> "${t.text.trim().slice(0, 40)}…" is not allowed by a hash in script-src`);
      }
    }
    if (t.name === 'script' && t.attrs.has('src') && t.offset < meta.offset) {
      problems.push(`<script src="${t.attrs.get('src')}"> comes before the CSP <meta>, so the policy does not cover it`);
    }
  }
  return problems;
}
