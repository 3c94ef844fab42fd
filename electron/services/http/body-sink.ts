// Where a response body goes while it downloads: into memory up to the limit, then — the moment it
// passes the limit — into a file under dataDir/responses/, with what was buffered written first and
// the rest streamed, so a body over the limit is never held whole in memory.
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { SendFailure } from './errors.js';

export type StoredBody = { kind: 'memory'; buffer: Buffer } | { kind: 'file'; path: string; size: number };

export class BodySink extends Writable {
  private chunks: Buffer[] = [];
  private file: fs.WriteStream | null = null;
  private filePath: string | null = null;
  private finished = false;
  /** Bytes written so far (after content decoding). */
  size = 0;

  constructor(
    private readonly limit: number,
    /** Creates the folder if needed and returns the path to write to. */
    private readonly pathForFile: () => string,
  ) {
    super({ highWaterMark: 256 * 1024 });
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.size += chunk.length;
    if (!this.file && this.size > this.limit) this.spill();
    if (!this.file) {
      this.chunks.push(chunk);
      return cb();
    }
    if (this.file.write(chunk)) cb();
    else this.file.once('drain', () => cb());
  }

  private spill(): void {
    this.filePath = this.pathForFile();
    const file = fs.createWriteStream(this.filePath);
    file.on('error', (err) =>
      this.destroy(new SendFailure('FILE', `Could not save the response body to ${this.filePath}: ${err.message}`)),
    );
    for (const c of this.chunks) file.write(c);
    this.chunks = [];
    this.file = file;
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.finished = true;
    if (!this.file) return cb();
    this.file.once('close', () => cb());
    this.file.end();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    // Destroyed before the body was complete (cancel, timeout, cut off): drop the partial file.
    if (this.file && !this.finished) {
      const file = this.file;
      const remove = () => fs.rm(this.filePath!, { force: true }, () => undefined);
      if (file.closed) remove();
      else {
        file.once('close', remove);
        file.destroy();
      }
    }
    if (err) this.chunks = [];
    cb(err);
  }

  result(): StoredBody {
    if (this.filePath) return { kind: 'file', path: this.filePath, size: this.size };
    return { kind: 'memory', buffer: this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks) };
  }
}
