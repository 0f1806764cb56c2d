import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseHeadersFile } from '../lib/csp.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
};

/**
 * Serves a built site from `dir` on 127.0.0.1 (a free port); directories serve their index.html. The
 * site's `_headers` file (its `<base>*` rule), when there is one, is applied to every response, as a
 * host would. With a `base` such as `/hindsight/`, the site answers under that path only, as a GitHub
 * Pages project site does.
 */
export async function serveStatic(dir: string, options: { base?: string } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const base = options.base ?? '/';
  const headersFile = join(dir, '_headers');
  const extra = existsSync(headersFile)
    ? (parseHeadersFile(readFileSync(headersFile, 'utf8')).find((r) => r.pattern === `${base}*`)?.headers ?? {})
    : {};
  const server: Server = createServer((req, res) => {
    for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
    const requested = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!requested.startsWith(base)) {
      res.writeHead(404, { 'content-type': TYPES['.txt'] });
      res.end(`Not under ${base}\n`);
      return;
    }
    const path = normalize(`/${requested.slice(base.length)}`).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      createReadStream(join(dir, '404.html')).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
