/**
 * A static server for Lighthouse that compresses like a real host: the same routing as test/support/static-server.ts
 * (base path, directory → index.html, trailing-slash redirect, 404.html with status 404), plus gzip for text
 * responses when the client accepts it, and cache headers. GitHub Pages and every CDN gzip HTML/JS/CSS; without it
 * Lighthouse's simulated slow-4G load would charge the pages' uncompressed size (a 300 KB article instead of 50 KB).
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { StaticServer } from '../../support/static-server';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json|wasm)|image\/svg)/;

export async function startGzipServer(root: string, base = '/'): Promise<StaticServer> {
  const gzCache = new Map<string, Buffer>();
  const server: Server = createServer(async (req, res) => {
    const send = (status: number, file: string, body: Buffer) => {
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers: Record<string, string> = {
        'Content-Type': type,
        // hashed assets are immutable; pages revalidate
        'Cache-Control': file.includes(`${sep}_astro${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        Vary: 'Accept-Encoding',
      };
      if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        let gz = gzCache.get(file);
        if (!gz) gzCache.set(file, (gz = gzipSync(body)));
        headers['Content-Encoding'] = 'gzip';
        res.writeHead(status, headers).end(gz);
      } else res.writeHead(status, headers).end(body);
    };
    const notFound = async () => {
      const file = join(root, '404.html');
      const page = await readFile(file).catch(() => Buffer.from('Not found'));
      send(404, file, page);
    };
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (!pathname.startsWith(base)) return void (await notFound());
      let file = normalize(join(root, pathname.slice(base.length)));
      if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) return void (await notFound());
      const s = await stat(file).catch(() => undefined);
      if (s?.isDirectory()) {
        if (!pathname.endsWith('/')) return void res.writeHead(301, { Location: `${pathname}/` }).end();
        file = join(file, 'index.html');
      }
      const body = await readFile(file).catch(() => undefined);
      if (!body) return void (await notFound());
      send(200, file, body);
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('gzip server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    base,
    url: (path = '') => `${origin}${base}${path.replace(/^\/+/, '')}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
