// Content-Encoding decoders (gzip, deflate, br; stacked encodings undone in reverse order).
import { Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';

export interface Decoding {
  /** Transforms to pipe the body through, in order. */
  streams: Transform[];
  /** An encoding that cannot be decoded; the body is then passed on as received. */
  unsupported?: string;
}

// Lenient like browsers: a body whose compressed stream ends early still yields what it has.
const LENIENT = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };

export function decodersFor(contentEncoding: string | undefined): Decoding {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  const streams: Transform[] = [];
  for (const coding of codings.reverse()) {
    if (coding === 'gzip' || coding === 'x-gzip') streams.push(zlib.createGunzip(LENIENT));
    else if (coding === 'deflate' || coding === 'x-deflate') streams.push(new AutoInflate());
    else if (coding === 'br') streams.push(zlib.createBrotliDecompress());
    else return { streams: [], unsupported: coding };
  }
  return { streams };
}

/**
 * "deflate" should be zlib-wrapped (RFC 9110) but some servers send raw deflate: look at the first
 * byte (a zlib header has compression method 8 in its low nibble) and inflate accordingly.
 */
class AutoInflate extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | null = null;

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    if (!this.inner) {
      const inner = (chunk[0] & 0x0f) === 0x08 ? zlib.createInflate(LENIENT) : zlib.createInflateRaw(LENIENT);
      inner.on('data', (d: Buffer) => this.push(d));
      inner.on('error', (err) => this.destroy(err));
      this.inner = inner;
    }
    this.inner.write(chunk, () => cb());
  }

  override _flush(cb: TransformCallback): void {
    if (!this.inner) return cb();
    this.inner.once('end', () => cb());
    this.inner.end();
  }
}
