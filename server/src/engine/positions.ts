/**
 * Byte offsets (what the Postgres parser reports: UTF-8) ↔ line / UTF-16 character (what LSP, VS Code and
 * our reports use). Built once per file; every range the engine reports goes through here.
 */

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit offset within the line. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A range in both coordinate systems: UTF-8 byte offsets into the file and line/UTF-16 positions. */
export interface SourceRange extends Range {
  startByte: number;
  endByte: number;
}

export class LineIndex {
  /** Byte offset at which each line starts. */
  private readonly lineStarts: number[];
  private readonly ascii: boolean;
  private readonly length: number;
  /** The bytes, kept only when some are not ASCII (UTF-16 columns need them); else the text itself. */
  private readonly bytes?: Uint8Array;
  private text?: string;

  /** `text`, when given, is what `bytes` decode to: an ASCII file then keeps the string, not a second copy. */
  constructor(bytes: Uint8Array, text?: string) {
    const starts = [0];
    let ascii = true;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === 0x0a) starts.push(i + 1);
      else if (b === 0x0d && bytes[i + 1] !== 0x0a) starts.push(i + 1);
      else if (b >= 0x80) ascii = false;
    }
    this.lineStarts = starts;
    this.ascii = ascii;
    this.length = bytes.length;
    if (ascii && text !== undefined && text.length === bytes.length) this.text = text;
    else this.bytes = bytes;
  }

  /** Forget an ASCII file's text, keeping every position (a streamed check keeps no files): `lineText` then answers ''. */
  releaseText(): void {
    this.text = undefined;
  }

  get byteLength(): number {
    return this.length;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Line and UTF-16 character of a byte offset (clamped to the file). */
  position(byteOffset: number): Position {
    const offset = Math.max(0, Math.min(byteOffset, this.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = this.lineStarts[lo];
    if (this.ascii) return { line: lo, character: offset - lineStart };
    let units = 0;
    for (let i = lineStart; i < offset; i++) {
      const b = this.bytes![i];
      if ((b & 0xc0) === 0x80) continue; // continuation byte
      units += b >= 0xf0 ? 2 : 1; // 4-byte sequences are surrogate pairs in UTF-16
    }
    return { line: lo, character: units };
  }

  /** Byte offset of a line / UTF-16 character position (clamped to the line). */
  offset(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.length;
    const lineStart = this.lineStarts[position.line];
    const lineEnd = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.length;
    if (this.ascii) return Math.min(lineStart + Math.max(0, position.character), lineEnd);
    let units = 0;
    let i = lineStart;
    while (i < lineEnd && units < position.character) {
      const b = this.bytes![i];
      if (b === 0x0a || b === 0x0d) break;
      const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      units += len === 4 ? 2 : 1;
      i += len;
    }
    return Math.min(i, lineEnd);
  }

  /** A range whose line/character positions are computed when read (facts keep thousands of ranges). */
  range(startByte: number, endByte: number): SourceRange {
    return new LazyRange(this, startByte, endByte);
  }

  /** The text of one line, without its line break. */
  lineText(line: number): string {
    if (line < 0 || line >= this.lineStarts.length) return '';
    const start = this.lineStarts[line];
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.length;
    if (this.text !== undefined) return this.text.slice(start, end).replace(/[\r\n]+$/, '');
    const bytes = this.bytes;
    if (!bytes) return '';
    while (end > start && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end--;
    return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8');
  }
}

/** UTF-8 byte length of a JS string without allocating. */
export function utf8Length(text: string): number {
  return codePointToByte(text, Infinity);
}

/**
 * Byte offset of the n-th code point of a string (Postgres reports error cursors in characters,
 * i.e. code points for UTF-8 databases).
 */
export function codePointToByte(text: string, codePoints: number): number {
  let bytes = 0;
  let cp = 0;
  for (let i = 0; i < text.length && cp < codePoints; i++, cp++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * A SourceRange that stores byte offsets only and converts on access: facts hold a range per reference,
 * and most are never shown, so they should cost two numbers, not two position objects.
 */
class LazyRange implements SourceRange {
  constructor(
    /** Mutable only through `moveRange`, for facts rebased onto an edited text. */
    index: LineIndex,
    readonly startByte: number,
    readonly endByte: number,
  ) {
    this.index = index;
  }

  private index: LineIndex;

  get start(): Position {
    return this.index.position(this.startByte);
  }

  get end(): Position {
    return this.index.position(this.endByte);
  }

  toJSON(): Range & { startByte: number; endByte: number } {
    return { start: this.start, end: this.end, startByte: this.startByte, endByte: this.endByte };
  }
}

/**
 * Make `target` denote what `source` denotes (same offsets, same text version). Used when an edit keeps a
 * file's effects: every holder of the old range object (definitions, conflicts, drops) then points into
 * the new text without being found and updated one by one. Returns false for ranges it cannot move.
 */
export function moveRange(target: SourceRange, source: SourceRange): boolean {
  if (!(target instanceof LazyRange) || !(source instanceof LazyRange)) return false;
  const t = target as unknown as { index: LineIndex; startByte: number; endByte: number };
  const s = source as unknown as { index: LineIndex; startByte: number; endByte: number };
  t.index = s.index;
  t.startByte = s.startByte;
  t.endByte = s.endByte;
  return true;
}
