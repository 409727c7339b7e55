// @ts-check
/** Canonical origin of the published site (used for canonical URLs, Open Graph and the sitemap). Override with SITE_ORIGIN. */
export const SITE_ORIGIN = process.env.SITE_ORIGIN ?? 'https://why-tanh.example.org';

/**
 * Normalises a deploy base path: '' or undefined → '/', 'why-tanh' or '/why-tanh' → '/why-tanh/'.
 * @param {string | undefined} raw
 * @returns {string}
 */
export function basePath(raw) {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  if (!/^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(trimmed)) {
    throw new Error(`BASE_PATH "${raw}" is not a valid URL path (letters, digits, . _ ~ - and / only).`);
  }
  return `/${trimmed}/`;
}

/** Where the source lives, for "Edit this page" links. Override with REPO_URL (no trailing slash). */
export const REPO_URL = process.env.REPO_URL ?? 'https://github.com/why-tanh/why-tanh';
/** The branch that "Edit this page" links point at. */
export const REPO_BRANCH = process.env.REPO_BRANCH ?? 'main';
