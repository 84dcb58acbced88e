/**
 * unreadable-file: a migration file that was not read, so nothing in it was checked. Not a regular file,
 * unreadable (a link loop, no permission): the Supabase CLI cannot apply it either, an error. Over the size
 * limit for analysis: Postgres may well apply it, so a warning that says it was not checked.
 */
import type { Finding } from '../types';
import { defineRule, FILE_START, inScope } from './rule';

export const unreadableFile = defineRule('unreadable-file', {
  run(ctx) {
    const out: Finding[] = [];
    ctx.inputs.forEach((input, fi) => {
      if (!input.unread || !inScope(ctx, fi)) return;
      const { reason, tooLarge } = input.unread;
      out.push({
        code: 'unreadable-file',
        severity: tooLarge ? 'warning' : 'error',
        file: input.path,
        range: FILE_START,
        message: tooLarge
          ? `Not analysed: ${reason}. Nothing in this migration is checked, and names it may create are not reported as unknown in later migrations.`
          : `This migration cannot be read: ${reason}. The Supabase CLI fails on it too (supabase db reset / migration up); replace it with a regular SQL file.`,
        related: [],
        fixes: [],
      });
    });
    return out;
  },
});
