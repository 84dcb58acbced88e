/**
 * The names Postgres gives what a statement creates without naming it (makeObjectName in indexcmds.c):
 * a table's name, a part made of column names, and a label (`pkey`, `key`, `excl`, `idx`, `seq`), joined
 * with underscores and cut to fit in 63 bytes: the longer of the two names loses a byte at a time, and is
 * then cut back to a character boundary. The label is never cut: when the name is taken, the replay adds
 * 1, 2, … to it (timeline/implicitObjects.ts `chooseRelationName`).
 */
import { utf8Length } from './positions';

/** NAMEDATALEN - 1: the longest name Postgres keeps, in bytes. */
export const MAX_NAME_BYTES = 63;

/** Postgres' makeObjectName(name1, name2, label); `name2` undefined: `<name1>_<label>`. */
export function makeObjectName(name1: string, name2: string | undefined, label: string): string {
  // the label is ASCII: a word and digits
  const overhead = (name2 === undefined ? 0 : 1) + label.length + 1;
  const avail = MAX_NAME_BYTES - overhead;
  let n1 = utf8Length(name1);
  let n2 = name2 === undefined ? 0 : utf8Length(name2);
  if (n1 + n2 > avail) {
    // the longer part loses a byte at a time (the second one on a tie)
    while (n1 + n2 > avail) {
      if (n1 > n2) n1--;
      else n2--;
    }
    name1 = clipToBytes(name1, n1);
    if (name2 !== undefined) name2 = clipToBytes(name2, n2);
  }
  return name2 === undefined ? `${name1}_${label}` : `${name1}_${name2}_${label}`;
}

/** The longest prefix of whole characters of `s` that fits in `bytes` UTF-8 bytes (pg_mbcliplen). */
export function clipToBytes(s: string, bytes: number): string {
  let used = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.codePointAt(i)!;
    const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (used + n > bytes) break;
    used += n;
    i += c > 0xffff ? 2 : 1;
  }
  return i === s.length ? s : s.slice(0, i);
}

/**
 * Names for an index's columns (ChooseIndexColumnNames): each as given, a repeat numbered (`id`, `id1`, …,
 * the name cut so that the number fits in 63 bytes).
 */
export function uniqueColumnNames(names: string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    let cur = name;
    for (let i = 1; out.includes(cur); i++) {
      const digits = String(i);
      cur = clipToBytes(name, MAX_NAME_BYTES - digits.length) + digits;
    }
    out.push(cur);
  }
  return out;
}
