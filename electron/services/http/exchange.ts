// One HTTP exchange (one hop of a send): dispatches the request on a pooled undici dispatcher,
// times it, and keeps the response body: as received while it fits the limit when it is not
// encoded, otherwise streamed through the content decoders into a BodySink (memory up to the
// limit, then a file) — or reads and drops it (a redirect being followed).
import { performance } from 'node:perf_hooks';
import type { Transform, Writable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { BodySink, type StoredBody } from './body-sink.js';
import { onHeadersSent, type ConnectionTimings } from './connector.js';
import { decodersFor } from './decode.js';
import { SendFailure } from './errors.js';
import type { HeaderList, HeaderPair } from './headers.js';
import type { RequestPayload } from './request-body.js';

export interface HopRequest {
  url: URL;
  method: string;
  headers: HeaderList;
  body: RequestPayload | null;
  dispatcher: Dispatcher;
  signal: AbortSignal;
}

export interface HopHead {
  status: number;
  statusText: string;
  headers: HeaderPair[];
}

export type Progress = { phase: 'connecting' | 'waiting' | 'downloading'; bytes: number };

export interface HopOptions {
  /** Decides when the headers arrive whether the body is kept or read and dropped. */
  keepBody(head: HopHead): boolean;
  bodyLimitBytes: number;
  /** The path to save a body over the limit to (its folder exists). */
  fileFor(contentType: string): string;
  onProgress?(p: Progress): void;
}

export interface HopTimings extends ConnectionTimings {
  firstByte: number;
  download: number;
}

export interface HopResult {
  head: HopHead;
  /** The decoded body; null when it was dropped. */
  stored: StoredBody | null;
  /** Body bytes as they came over the wire (before content decoding). */
  wireBytes: number;
  warning?: string;
  timings: HopTimings;
}

const PROGRESS_EVERY_MS = 100;

/** Header bytes as text: UTF-8 when they are valid UTF-8, else Latin-1 (what HTTP/1.1 allows). */
function headerText(value: Buffer | string): string {
  if (typeof value === 'string') return value;
  const utf8 = value.toString('utf8');
  return utf8.includes('\uFFFD') ? value.toString('latin1') : utf8;
}

function pairsOf(raw: unknown): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([headerText(raw[i] as Buffer), headerText(raw[i + 1] as Buffer)]);
  }
  return pairs;
}

export function exchange(req: HopRequest, opts: HopOptions): Promise<HopResult> {
  return new Promise<HopResult>((resolve, reject) => {
    const startedAt = performance.now();
    let connection: ConnectionTimings = { dns: 0, connect: 0, tls: 0 };
    let sentAt: number | undefined;
    let headersAt: number | undefined;
    let head: HopHead | undefined;
    let controller: Dispatcher.DispatchController | undefined;
    /** Where body chunks go: the first decoder, or the sink; null while the body is dropped. */
    let entry: Writable | undefined;
    let stages: (Transform | BodySink)[] = [];
    let sink: BodySink | undefined;
    let decoders: Transform[] = [];
    /**
     * A body sent as is (no Content-Encoding) is collected here, without streams, while it fits
     * the limit: most responses never need the sink. `null` once the body goes through the sink.
     */
    let held: Buffer[] | null = null;
    let heldBytes = 0;
    let makeSink: (() => BodySink) | undefined;
    let contentEncoding = '';
    let waitingForDrain = false;
    let warning: string | undefined;
    let contentLength: number | undefined;
    let wireBytes = 0;
    let lastProgress = 0;
    let settled = false;

    const cleanup = () => req.signal.removeEventListener('abort', onAbort);
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      cleanup();
      for (const stage of new Set([...decoders, ...stages])) stage.destroy();
      reject(err);
    };
    const succeed = (stored: StoredBody | null) => {
      if (settled) return;
      settled = true;
      cleanup();
      const endedAt = performance.now();
      resolve({
        head: head!,
        stored,
        wireBytes,
        warning,
        timings: {
          ...connection,
          firstByte: headersAt! - (sentAt ?? startedAt),
          download: endedAt - headersAt!,
        },
      });
    };
    function onAbort() {
      const reason: unknown = req.signal.reason;
      controller?.abort(reason instanceof Error ? reason : new Error(String(reason)));
      fail(reason);
    }
    if (req.signal.aborted) return onAbort();
    req.signal.addEventListener('abort', onAbort, { once: true });

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(c) {
        controller = c;
        if (settled) {
          // Cancelled or timed out while waiting for a connection: stop it now.
          c.abort(new SendFailure('CANCELLED', 'The request was cancelled'));
          return;
        }
        onHeadersSent((t) => {
          connection = t;
          sentAt = performance.now();
        });
        opts.onProgress?.({ phase: 'waiting', bytes: 0 });
      },
      onResponseStart(c, status, _headers, statusMessage) {
        if (status < 200) return; // 1xx informational answers precede the real one
        headersAt = performance.now();
        head = { status, statusText: statusMessage ?? '', headers: pairsOf(c.rawHeaders) };
        const lengthHeader = head.headers.find(([n]) => n.toLowerCase() === 'content-length')?.[1];
        if (lengthHeader && /^\d+$/.test(lengthHeader.trim())) contentLength = Number(lengthHeader);
        if (!opts.keepBody(head)) return;

        const contentType = head.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
        const encoding = head.headers
          .filter(([n]) => n.toLowerCase() === 'content-encoding')
          .map(([, v]) => v)
          .join(',');
        contentEncoding = encoding;
        const decoding = decodersFor(encoding);
        if (decoding.unsupported) {
          warning = `The body is encoded with "${decoding.unsupported}", which Courier cannot decode; it is shown as received`;
        }
        // Chunks go straight into the first stage (a decoder or the sink) with backpressure; no
        // Readable or pipeline() per response: a GET stays cheap when thousands run in a row.
        // Decoders are wired at the first chunk: an empty body has nothing to decode (brotli
        // would call it truncated).
        makeSink = () => {
          const s = new BodySink(opts.bodyLimitBytes, () => opts.fileFor(contentType));
          s.on('error', onStageError);
          s.on('finish', () => succeed(s.result()));
          sink = s;
          stages = [s];
          return s;
        };
        decoders = decoding.streams;
        if (decoders.length === 0) held = [];
        else makeSink();
      },
      onResponseData(c, chunk) {
        wireBytes += chunk.length;
        if (held) {
          if (heldBytes + chunk.length <= opts.bodyLimitBytes) {
            held.push(chunk);
            heldBytes += chunk.length;
            progress();
            return;
          }
          // Over the limit: from here on the sink takes it (to a file), what was held first.
          const s = makeSink!();
          for (const h of held) s.write(h);
          held = null;
        }
        if (sink && !entry) {
          stages = [...decoders, sink];
          for (let i = 0; i < decoders.length; i++) {
            decoders[i].pipe(stages[i + 1]);
            decoders[i].on('error', onStageError);
          }
          entry = stages[0];
        }
        progress();
        if (entry && !entry.write(chunk) && !waitingForDrain) {
          waitingForDrain = true;
          c.pause();
          entry.once('drain', () => {
            waitingForDrain = false;
            c.resume();
          });
        }
      },
      onResponseEnd() {
        if (held) succeed({ kind: 'memory', buffer: held.length === 1 ? held[0] : Buffer.concat(held, heldBytes) });
        else if (sink) (entry ?? sink).end();
        else succeed(null);
      },
      onResponseError(_c, err) {
        if (settled) return;
        fail(head ? cutOff(err) : err);
      },
    };

    function progress(): void {
      if (!opts.onProgress) return;
      const now = performance.now();
      if (now - lastProgress >= PROGRESS_EVERY_MS || lastProgress === 0) {
        lastProgress = now;
        opts.onProgress({ phase: 'downloading', bytes: wireBytes });
      }
    }

    const onStageError = (err: Error) => {
      if (settled) return;
      if (err instanceof SendFailure) return fail(err);
      const code = (err as { code?: string }).code ?? '';
      if (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code.startsWith('ERR__')) {
        return fail(new SendFailure('NETWORK', `The response body could not be decoded (Content-Encoding ${contentEncoding}): ${err.message}`));
      }
      fail(cutOff(err));
    };

    const cutOff = (err: unknown): unknown => {
      if (req.signal.aborted) return req.signal.reason;
      if (err instanceof SendFailure) return err;
      const of = contentLength !== undefined ? ` of ${contentLength}` : '';
      const hint = contentLength !== undefined ? '' : ', before the body was complete';
      return new SendFailure('RESPONSE_CUT_OFF', `The server closed the connection after ${wireBytes}${of} bytes${hint}`);
    };

    try {
      req.dispatcher.dispatch(
        {
          origin: req.url.origin,
          path: `${req.url.pathname}${req.url.search}`,
          method: req.method as Dispatcher.HttpMethod,
          headers: req.headers.flat(),
          body: req.body ? req.body.open() : null,
        },
        handler,
      );
    } catch (err) {
      fail(err);
    }
  });
}
