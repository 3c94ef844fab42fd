// The loopback server the runner bench sends its requests to: GET /items/<n> answers
// { id: n, name: "item <n>", tags: ["a", "b"], price: n * 1.5 } (the same body as the test server's
// /items route). It runs in a process of its own, as a real server would, and is warmed up before
// either tool is measured: when it shared the bench's process, its own JIT warm-up (and the bench's
// work) fell inside whichever tool ran first. Both tools talk to the same server in the same run.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';

const SERVER_SOURCE = `
import http from 'node:http';
const server = http.createServer((req, res) => {
  const m = /^\\/items\\/(\\d+)$/.exec(req.url ?? '');
  if (req.method !== 'GET' || !m) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('no route');
    return;
  }
  const n = Number(m[1]);
  const text = JSON.stringify({ id: n, name: 'item ' + n, tags: ['a', 'b'], price: n * 1.5 });
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.stdout.write('listening ' + server.address().port + '\\n'));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
`;

export interface ItemsServer {
  url: string;
  close(): Promise<void>;
}

/** GETs /items/0…n-1 over one keep-alive connection, checking each answer. */
async function warmUp(url: string, n: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let i = 0; i < n; i++) {
      const body = await new Promise<string>((resolve, reject) => {
        http
          .get(`${url}/items/${i}`, { agent }, (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (d: string) => (text += d));
            res.on('end', () => resolve(text));
          })
          .on('error', reject);
      });
      if ((JSON.parse(body) as { id: number }).id !== i) throw new Error(`the bench server answered /items/${i} with ${body.slice(0, 80)}`);
    }
  } finally {
    agent.destroy();
  }
}

/** Starts the server in a child process and warms it up with `warmUpRequests` requests. */
export async function startItemsServer(warmUpRequests = 3000): Promise<ItemsServer> {
  const child: ChildProcess = spawn(process.execPath, ['--input-type=module', '-e', SERVER_SOURCE], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`the bench server exited (code ${code}) before listening`)));
  });
  const url = `http://127.0.0.1:${port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.on('exit', () => resolve());
      child.stdin!.end();
    });
  try {
    await warmUp(url, warmUpRequests);
  } catch (err) {
    await close();
    throw err;
  }
  return { url, close };
}
