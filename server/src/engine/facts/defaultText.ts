/**
 * The text of a column's DEFAULT expression as written (for hovers: `DEFAULT now()`), read from the bytes
 * after the DEFAULT keyword: the parser gives an expression's start at best, never its end. The expression
 * ends at a comma, semicolon or closing parenthesis outside parentheses, brackets, strings and quoted
 * names, or at the next column constraint's keyword. Byte scanning only.
 */

const decoder = new TextDecoder();
/** Words that start the next column constraint (or ALTER COLUMN's next clause) after a default's expression. */
const ENDS = new Set(['constraint', 'not', 'null', 'primary', 'unique', 'check', 'references', 'generated', 'collate', 'default', 'deferrable', 'initially', 'using']);
/** Longer expressions are cut (a hover line, not the source). */
const MAX_LENGTH = 80;

function isWordByte(c: number | undefined): boolean {
  return c !== undefined && ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x24 || c >= 0x80);
}

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** End of the quoted run starting at `i` (a `'…'` string with `''`, `E'…'` with backslashes too, or a `"…"` name). */
function skipQuoted(b: Uint8Array, i: number, end: number, backslash: boolean): number {
  const q = b[i++];
  while (i < end) {
    if (backslash && b[i] === 0x5c) i += 2;
    else if (b[i] === q) {
      if (b[i + 1] !== q) return i + 1;
      i += 2;
    } else i++;
  }
  return end;
}

/**
 * The expression after the first whole word `default` at or after byte `from` (before `end`), whitespace
 * collapsed and cut to 80 characters; undefined without one.
 */
export function defaultText(b: Uint8Array, from: number, end: number): string | undefined {
  let i = from;
  for (; i + 7 <= end; i++) {
    if ((b[i] | 0x20) !== 0x64 || isWordByte(b[i - 1]) || isWordByte(b[i + 7])) continue;
    if (decoder.decode(b.subarray(i, i + 7)).toLowerCase() === 'default') break;
  }
  if (i + 7 > end) return undefined;
  i += 7;
  while (i < end && isSpace(b[i])) i++;
  const start = i;
  let depth = 0;
  while (i < end) {
    const c = b[i];
    if (c === 0x27 || c === 0x22) i = skipQuoted(b, i, end, c === 0x27 && (b[i - 1] | 0x20) === 0x65);
    else if (c === 0x24 && !isWordByte(b[i - 1])) {
      // a dollar-quoted string ($$…$$, $tag$…$tag$), or a parameter ($1)
      let j = i + 1;
      while (j < end && isWordByte(b[j]) && b[j] !== 0x24) j++;
      if (b[j] !== 0x24) {
        i = j;
        continue;
      }
      const tag = b.subarray(i, j + 1);
      let k = j + 1;
      while (k < end && !(b[k] === 0x24 && tag.every((t, n) => b[k + n] === t))) k++;
      i = Math.min(end, k + tag.length);
    } else if (c === 0x28 || c === 0x5b) {
      depth++;
      i++;
    } else if (c === 0x29 || c === 0x5d) {
      if (depth === 0) break;
      depth--;
      i++;
    } else if ((c === 0x2c || c === 0x3b) && depth === 0) break;
    else if (c === 0x2d && b[i + 1] === 0x2d) {
      while (i < end && b[i] !== 0x0a) i++;
    } else if (c === 0x2f && b[i + 1] === 0x2a) {
      const close = b.subarray(i + 2, end).findIndex((x, n, a) => x === 0x2a && a[n + 1] === 0x2f);
      i = close < 0 ? end : i + 2 + close + 2;
    } else if (isWordByte(c)) {
      const s = i;
      while (i < end && isWordByte(b[i])) i++;
      // (the expression's first word is never the next constraint: `default null`)
      if (depth === 0 && s > start && ENDS.has(decoder.decode(b.subarray(s, i)).toLowerCase())) {
        i = s;
        break;
      }
    } else i++;
  }
  const text = decoder
    .decode(b.subarray(start, i))
    .replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return undefined;
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
