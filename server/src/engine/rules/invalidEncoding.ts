/** invalid-encoding: not UTF-8, or NUL bytes; Postgres rejects the file. */
import type { Finding } from '../types';
import { defineRule, inScope } from './rule';

export const invalidEncoding = defineRule('invalid-encoding', {
  run(ctx) {
    const out: Finding[] = [];
    ctx.inputs.forEach((input, fi) => {
      if (!inScope(ctx, fi)) return;
      const nul = input.text.indexOf('\u0000');
      if (input.invalidUtf8At === undefined && nul < 0) return;
      const li = ctx.facts[fi].lineIndex;
      const at = input.invalidUtf8At ?? Buffer.byteLength(input.text.slice(0, nul), 'utf8');
      out.push({
        code: 'invalid-encoding',
        severity: 'error',
        file: input.path,
        range: li.range(at, Math.min(at + 1, li.byteLength)),
        message:
          input.invalidUtf8At !== undefined
            ? 'Invalid UTF-8 byte sequence: Postgres rejects the file (invalid byte sequence for encoding "UTF8"). Re-save it as UTF-8.'
            : 'NUL byte in the file: Postgres rejects it (invalid byte sequence for encoding "UTF8": 0x00). Is this a binary file?',
        related: [],
        fixes: [],
      });
    });
    return out;
  },
});
