// Workspace store: a temp workspace of 10,000 requests (1 collection × 20 folders, each with two
// nested subfolders), then: opening it, listing the sidebar tree, and searching it.
// Peer, measured in the same run on the same data: the same search as a plain LIKE scan of the
// items table without the FTS5 trigram index (what the store would do without migration 002).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultRequest } from '../shared/model.js';
import { openWorkspace, WORKSPACE_FILE } from '../electron/services/store/index.js';
import type { BenchRow } from './types.js';

const FOLDERS = 20;
const PER_FOLDER = 500;
const NESTED_PER_FOLDER = 2;
const PER_NESTED = 50;
const RUNS = 7;
const QUERIES = ['orders/4242', 'Update invoice 17', 'webhooks', 'po'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time<T>(fn: () => T): [number, T] {
  const start = performance.now();
  const value = fn();
  return [performance.now() - start, value];
}

const RESOURCES = ['users', 'orders', 'invoices', 'products', 'webhooks', 'sessions', 'payments', 'reports'];
const VERBS: [string, string][] = [
  ['GET', 'List'],
  ['GET', 'Get'],
  ['POST', 'Create'],
  ['PUT', 'Update'],
  ['DELETE', 'Delete'],
];

export async function benchWorkspace(): Promise<BenchRow[]> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-bench-ws-'));
  try {
    const ws = openWorkspace(home);
    let n = 0;
    const [createMs] = time(() =>
      ws.transaction(() => {
        const c = ws.createItem({ kind: 'collection', parentId: null, name: 'Bench API' });
        for (let f = 0; f < FOLDERS; f++) {
          const folder = ws.createItem({ kind: 'folder', parentId: c.id, name: `Area ${f}` });
          const parents = [folder.id];
          for (let s = 0; s < NESTED_PER_FOLDER; s++) {
            parents.push(ws.createItem({ kind: 'folder', parentId: folder.id, name: `Area ${f} / part ${s}` }).id);
          }
          for (let r = 0; r < PER_FOLDER; r++) {
            const nested = Math.floor(r / PER_NESTED);
            const parentId = nested < NESTED_PER_FOLDER ? parents[nested + 1] : parents[0];
            const [method, verb] = VERBS[n % VERBS.length];
            const resource = RESOURCES[(n >> 2) % RESOURCES.length];
            ws.createItem({
              kind: 'request',
              parentId,
              name: `${verb} ${resource.slice(0, -1)} ${n}`,
              request: defaultRequest({
                method,
                url: `{{baseUrl}}/v2/${resource}/${n}?include=owner&page={{page}}`,
                headers: [
                  { key: 'Accept', value: 'application/json', enabled: true },
                  { key: 'X-Request-Id', value: '{{$guid}}', enabled: true },
                ],
                body:
                  method === 'POST' || method === 'PUT'
                    ? { mode: 'raw', language: 'json', raw: JSON.stringify({ id: n, name: `item ${n}`, tags: ['a', 'b'] }) }
                    : { mode: 'none' },
              }),
            });
            n++;
          }
        }
      }),
    );
    ws.close();
    const fileMb = fs.statSync(path.join(home, WORKSPACE_FILE)).size / 1024 / 1024;

    const opens: number[] = [];
    const trees: number[] = [];
    const openAndTree: number[] = [];
    let nodes = 0;
    for (let i = 0; i < RUNS; i++) {
      const [openMs, w] = time(() => openWorkspace(home));
      const [treeMs, tree] = time(() => w.tree());
      nodes = tree.length;
      opens.push(openMs);
      trees.push(treeMs);
      openAndTree.push(openMs + treeMs);
      w.close();
    }

    const w = openWorkspace(home);
    const searches: number[] = [];
    let hits = 0;
    for (let i = 0; i < RUNS; i++) {
      for (const q of QUERIES) {
        const [ms, found] = time(() => w.search(q, 50));
        searches.push(ms);
        hits += found.length;
      }
    }
    w.close();

    // The peer: the same matching as a LIKE scan over every row, no index.
    const raw = new Database(path.join(home, WORKSPACE_FILE), { readonly: true });
    const scans: number[] = [];
    try {
      for (let i = 0; i < RUNS; i++) {
        for (const q of QUERIES) {
          const where = q
            .toLowerCase()
            .split(/\s+/)
            .map(() => "(name LIKE ? ESCAPE '\\' OR url LIKE ? ESCAPE '\\' OR method LIKE ? ESCAPE '\\')")
            .join(' AND ');
          const params = q
            .toLowerCase()
            .split(/\s+/)
            .flatMap((t) => {
              const like = `%${t.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
              return [like, like, like];
            });
          const [ms] = time(() =>
            raw
              .prepare(`SELECT id, parent_id, kind, name, method, url FROM items WHERE ${where} ORDER BY length(name), name LIMIT 50`)
              .all(...params),
          );
          scans.push(ms);
        }
      }
    } finally {
      raw.close();
    }

    const search = median(searches);
    const scan = median(scans);
    return [
      { name: 'workspace: create 10,000 requests (one transaction)', value: createMs, unit: 'ms', note: `${n} requests, ${fileMb.toFixed(1)} MB file` },
      { name: 'workspace: open (median)', value: median(opens), unit: 'ms', note: `${RUNS} runs` },
      { name: 'workspace: list tree (median)', value: median(trees), unit: 'ms', note: `${nodes} nodes` },
      { name: 'workspace: open + list tree (median)', value: median(openAndTree), unit: 'ms', note: `${RUNS} runs` },
      {
        name: 'workspace: search 10,000 requests (median)',
        value: search,
        unit: 'ms',
        peer: 'LIKE scan, no index',
        peerValue: scan,
        ratio: search / scan,
        note: `${QUERIES.length} queries × ${RUNS}, limit 50, ${Math.round(hits / RUNS)} hits per round`,
      },
    ];
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}
