/**
 * Compiles MDX source with the site's own pipeline (src/markdown/pipeline.mjs) exactly as `astro build` does — the
 * same processor Astro's MDX integration calls — without a build: for tests of what the pipeline accepts and rejects.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownProcessor } from '../../src/markdown/pipeline.mjs';

/** A path for a scratch article inside content/articles (never written: the pipeline only names it). */
export const ARTICLE = join(process.cwd(), 'content/articles/scratch-test.mdx');

let renderer: Awaited<ReturnType<NonNullable<typeof markdownProcessor.createMdxRenderer>>> | undefined;

/** The compiled JavaScript of `source` (frontmatter excluded), or the error the pipeline throws. */
export async function compileMdx(source: string, path = ARTICLE): Promise<string> {
  renderer ??= await markdownProcessor.createMdxRenderer!(
    { syntaxHighlight: 'prism', gfm: true, smartypants: true },
    { optimize: false, srcDir: pathToFileURL(join(process.cwd(), 'src/')), sourcemap: false },
  );
  return (await renderer.process(source, path, {})).code;
}

/** The message of the error compiling `source` throws (fails the test when it compiles). */
export async function compileError(source: string, path = ARTICLE): Promise<string> {
  try {
    await compileMdx(source, path);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the pipeline to reject the source');
}
