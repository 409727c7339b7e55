import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

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
  '.pf_meta': 'application/octet-stream',
};

/** A static file server for the built site, on 127.0.0.1, serving `root` under the URL prefix `base` (e.g. `/why-tanh/`). */
export interface StaticServer {
  readonly origin: string;
  readonly base: string;
  /** Absolute URL of a site path: `url('articles/x/')`. */
  url(path?: string): string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Milliseconds to hold back the response for a URL path (e.g. to make web fonts arrive late); 0 by default. */
  readonly delay?: (pathname: string) => number;
  /**
   * Compress like a real host (false by default): gzip for text responses when the client accepts it, and cache
   * headers (hashed assets immutable, pages revalidated). For Lighthouse: GitHub Pages and every CDN gzip
   * HTML/JS/CSS, and without it the simulated slow-4G load would charge the pages' uncompressed size.
   */
  readonly gzip?: boolean;
}

const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json|wasm)|image\/svg)/;

/** Starts the server on a free port. Missing files get the site's 404.html with status 404, like a static host. */
export async function startStaticServer(root: string, base = '/', options: StaticServerOptions = {}): Promise<StaticServer> {
  const gzCache = new Map<string, Buffer>();
  const server: Server = createServer(async (req, res) => {
    const send = (status: number, file: string, body: Buffer) => {
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (!options.gzip) return void res.writeHead(status, { 'Content-Type': type }).end(body);
      const headers: Record<string, string> = {
        'Content-Type': type,
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
      send(404, file, await readFile(file).catch(() => Buffer.from('Not found')));
    };
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const wait = options.delay?.(pathname) ?? 0;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
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
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    base,
    url: (path = '') => `${origin}${base}${path.replace(/^\/+/, '')}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
