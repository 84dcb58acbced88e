/** invalid-filename: a file in the migrations folder that the Supabase CLI skips because of its name. */
import { defineRule, FILE_START } from './rule';
import type { Finding } from '../types';
import { renameSkippedFix } from './unknownReference';

export const invalidFilename = defineRule('invalid-filename', {
  run(ctx) {
    return ctx.discovery.skipped.map((s): Finding => ({
      code: 'invalid-filename',
      severity: 'warning',
      file: ctx.pathOf(s.name),
      range: FILE_START,
      message: `The Supabase CLI skips ${s.name}: ${s.reason}. Its SQL never runs. Name migrations <digits>_<name>.sql (e.g. from \`supabase migration new\`).`,
      related: [],
      fixes: s.isDirectory ? [] : [renameSkippedFix(ctx, s.name)].filter((f) => f !== undefined),
    }));
  },
});
