/**
 * Base-protocol framing guard for stdio. The JSON-RPC reader gives up for good on a frame whose header it
 * cannot read (a wrong or missing `Content-Length`): every later message is lost and the server goes
 * silent. This stream sits between stdin and that reader and passes on only whole frames with a well-formed
 * header; after a broken one it skips to the next `Content-Length:` header. A body cut short by a too-small
 * length reaches the reader as a message that fails to decode (an error it reports and survives), and the
 * rest of it is skipped as a broken header. A too-large length is noticed as soon as the next frame's header
 * arrives, since `Content-Length: <n>` followed by a line break can never occur inside JSON text (a string
 * may not hold a raw line break, and the words cannot stand outside one): that frame is dropped. So a bad
 * frame costs itself and at most the messages it swallowed, never the connection.
 */
import { Transform, TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
const LENGTH_NAME = Buffer.from('Content-Length:');
/** A header line: `Name: value` (RFC 7230 token for the name). */
const HEADER_LINE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+:[ \t]*[^\r\n]*$/;
/** Headers longer than this without their blank line are junk: skip to the next frame. */
const MAX_HEADER_BYTES = 8 * 1024;

export class FrameGuard extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  /** The frame being received: where its body starts and how long it says it is (nothing passed on yet). */
  private frame: { bodyStart: number; length: number } | undefined;
  /** How far the pending body was searched for the next frame's header. */
  private searched = 0;
  /** Frames dropped for a broken header or a length that ran into the next frame (for tests and the log). */
  dropped = 0;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    this.drain();
    done();
  }

  private drain(): void {
    for (;;) {
      if (this.frame) {
        const { bodyStart, length } = this.frame;
        if (this.buffer.length - bodyStart >= length) {
          // whole frames only: a frame is passed on when all of it is here
          this.push(this.buffer.subarray(0, bodyStart + length));
          this.buffer = this.buffer.subarray(bodyStart + length);
          this.frame = undefined;
          continue;
        }
        // The length said more than has come: if the next frame's header is already here, the length was wrong.
        const next = this.nextHeader(Math.max(bodyStart, this.searched));
        if (next < 0) return;
        this.dropped++;
        this.buffer = this.buffer.subarray(next);
        this.frame = undefined;
        continue;
      }
      const end = this.buffer.indexOf(HEADER_END);
      if (end < 0) {
        if (this.buffer.length <= MAX_HEADER_BYTES || !this.skipToNextHeader()) return;
        continue;
      }
      const length = headerLength(this.buffer.subarray(0, end).toString('latin1'));
      if (length === undefined) {
        this.dropped++;
        if (!this.skipToNextHeader()) return;
        continue;
      }
      this.frame = { bodyStart: end + HEADER_END.length, length };
      this.searched = 0;
    }
  }

  /** Offset of the next `Content-Length: <digits>\r\n` at or after `from`, or -1 (remembering how far it looked). */
  private nextHeader(from: number): number {
    for (let at = this.buffer.indexOf(LENGTH_NAME, from); at >= 0; at = this.buffer.indexOf(LENGTH_NAME, at + 1)) {
      let i = at + LENGTH_NAME.length;
      while (this.buffer[i] === 0x20 || this.buffer[i] === 0x09) i++;
      const digits = i;
      while (this.buffer[i] >= 0x30 && this.buffer[i] <= 0x39) i++;
      if (i >= this.buffer.length) {
        this.searched = at; // not all here yet: look again from this header next time
        return -1;
      }
      if (i > digits && this.buffer[i] === 0x0d) return at;
    }
    this.searched = Math.max(from, this.buffer.length - LENGTH_NAME.length);
    return -1;
  }

  /** Drop everything before the next header after the buffer's start; false when there is none yet. */
  private skipToNextHeader(): boolean {
    const next = this.buffer.indexOf(LENGTH_NAME, 1);
    if (next < 0) {
      // keep a tail that may be the start of a header still arriving
      this.buffer = this.buffer.subarray(Math.max(0, this.buffer.length - LENGTH_NAME.length));
      return false;
    }
    this.buffer = this.buffer.subarray(next);
    return true;
  }
}

/** The body length a header block announces, or undefined when the block is not a well-formed header. */
function headerLength(block: string): number | undefined {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    if (!HEADER_LINE.test(line)) return undefined;
    const colon = line.indexOf(':');
    if (line.slice(0, colon).toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,10}$/.test(value)) return undefined;
    length = Number(value);
  }
  return length;
}
