// A body over the limit is streamed to a file while it downloads, never held whole in memory.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bigJson } from '../../../test/support/test-server.js';
import { makeEngine, req, type EngineFixture, startTestServer, type TestServer } from './engine.fixture.js';

const MB = 1024 * 1024;
let server: TestServer;
let fx: EngineFixture;

beforeAll(async () => {
  server = await startTestServer();
  fx = makeEngine();
});
afterAll(async () => {
  await fx.dispose();
  await server.close();
});

it('streams a 120 MB body over a 10 MB limit to a file, without holding it in memory', async () => {
  const size = 120 * MB;
  const settings = { timeoutMs: 60_000, followRedirects: true, maxRedirects: 10, verifyTls: true };
  // Warm up first (connection, stream and allocator pools grow once, whatever the body size), so
  // what is measured is what the big body itself costs.
  await fx.engine.send(req(`${server.url}/bytes/${40 * MB}`, { settings }), { sendId: 'warm-up', bodyLimitBytes: 10 * MB });
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const out = await fx.engine.send(req(`${server.url}/bytes/${size}`, { settings }), {
    sendId: 'big',
    bodyLimitBytes: 10 * MB,
  });
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);

  expect(out.error).toBeUndefined();
  const body = out.response!.body;
  expect(body.kind).toBe('file');
  if (body.kind !== 'file') return;
  expect(path.dirname(body.path)).toBe(path.join(fx.dataDir, 'responses'));
  expect(fs.statSync(body.path).size).toBe(size);
  expect(body.notice).toBe(`The body is 120.0 MB, over the 10 MB limit, so it was saved to ${body.path}`);
  expect(out.response!.size.body).toBe(size);
  // The first and last bytes are what the server sent (a-z repeating per 64 KiB chunk).
  const fd = fs.openSync(body.path, 'r');
  const tail = Buffer.alloc(4);
  fs.readSync(fd, tail, 0, 4, size - 4);
  fs.closeSync(fd);
  const chunkOffset = (size - 4) % (64 * 1024);
  expect(tail.toString()).toBe([0, 1, 2, 3].map((i) => String.fromCharCode(97 + ((chunkOffset + i) % 26))).join(''));
  // Memory grew by far less than the body (at most the 10 MB limit plus stream buffers awaiting GC).
  expect(peak - before).toBeLessThan(50 * MB);
}, 60_000);

it('saves a body that passes the limit while it downloads whole and in order: what came before the limit first', async () => {
  const { items, bytes } = bigJson(3);
  const out = await fx.engine.send(req(`${server.url}/big-json?mb=3`), { sendId: 'crossing', bodyLimitBytes: 1 * MB });
  const body = out.response!.body;
  expect(body.kind).toBe('file');
  if (body.kind !== 'file') return;
  expect(fs.statSync(body.path).size).toBe(bytes);
  const saved = JSON.parse(fs.readFileSync(body.path, 'utf8')) as { id: number; name: string }[];
  expect(saved).toHaveLength(items);
  expect(saved.every((item, i) => item.id === i && item.name === `item-${i}`)).toBe(true);
});

it('keeps a body under the limit in memory', async () => {
  const out = await fx.engine.send(req(`${server.url}/bytes/${2 * MB}`), { sendId: 'small', bodyLimitBytes: 10 * MB });
  expect(out.response?.body.kind).toBe('base64');
  expect(out.response?.size.body).toBe(2 * MB);
});

it('removes the partial file when a download to file is cancelled', async () => {
  const dir = path.join(fx.dataDir, 'responses');
  const before = fs.existsSync(dir) ? fs.readdirSync(dir).length : 0;
  let cancelled = false;
  const out = await fx.engine.send(req(`${server.url}/bytes/${200 * MB}`), {
    sendId: 'big-cancel',
    bodyLimitBytes: 1 * MB,
    onProgress: (p) => {
      if (!cancelled && p.phase === 'downloading' && p.bytes > 5 * MB) cancelled = fx.engine.cancel('big-cancel');
    },
  });
  expect(out.error?.code).toBe('CANCELLED');
  await new Promise((r) => setTimeout(r, 200));
  expect(fs.readdirSync(dir)).toHaveLength(before);
});
