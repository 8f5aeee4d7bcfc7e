// `npm run docs:serve`: serves the built docs (generated/docs, or the folder given) on 127.0.0.1 for local
// reading. PORT sets the port (default 8080; 0 picks a free one). Prints the URL once it listens.
//   node scripts/docs-serve.mjs [dir]
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { repoRoot } from './lib/run.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export function serveDocs({ root = path.join(repoRoot, 'generated', 'docs'), port = 8080, host = '127.0.0.1' } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    let file = path.resolve(base, `.${pathname}`);
    if (file !== base && !file.startsWith(base + path.sep)) return send(403, 'forbidden\n');
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return send(404, 'not found\n');
    const body = fs.readFileSync(file);
    send(200, body, {
      'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': String(body.length),
      'X-Content-Type-Options': 'nosniff',
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(repoRoot, process.argv[2] ?? path.join('generated', 'docs'));
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`docs:serve: ${path.relative(repoRoot, root)}/index.html does not exist; run \`npm run build\` first.`);
    process.exit(1);
  }
  const port = Number.parseInt(process.env.PORT ?? '8080', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`docs:serve: PORT must be a port number, got ${JSON.stringify(process.env.PORT)}.`);
    process.exit(1);
  }
  try {
    const server = await serveDocs({ root, port });
    const { port: actual } = server.address();
    console.log(`docs: serving ${path.relative(repoRoot, root) || '.'} at http://127.0.0.1:${actual}/ (Ctrl+C to stop)`);
    const stop = () => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error(`docs:serve: cannot listen on 127.0.0.1:${port}: ${error.message}`);
    process.exit(1);
  }
}
