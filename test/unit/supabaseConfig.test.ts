/** host/supabaseConfig.ts: `[db] major_version` of supabase/config.toml, and which version an analysis assumes. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { choosePostgresVersion, majorVersionFromToml, readSupabaseMajorVersion } from '../../server/src/host/supabaseConfig';

describe('supabase/config.toml: [db] major_version', () => {
  it('reads it under [db], with comments, spacing and other tables around', () => {
    const toml = [
      '# A string with a # is not a comment, nor is a [db] inside one',
      'project_id = "a#b [db]"',
      '[api]',
      'major_version = 99 # not the db table',
      '',
      '  [ db ]   # the table',
      'port = 54322',
      '# major_version = 13',
      '"major_version" =  +1_5   # quoted key, sign and underscore',
      '[db.pooler]',
      'major_version = 16',
    ].join('\r\n');
    assert.deepEqual(majorVersionFromToml(toml), { version: 15 });
  });

  it('reads a dotted key and an inline table', () => {
    assert.deepEqual(majorVersionFromToml('db.major_version = 17\n'), { version: 17 });
    assert.deepEqual(majorVersionFromToml('db = { port = 1, major_version = 14 }\n'), { version: 14 });
  });

  it('no [db] table, or no major_version in it: nothing', () => {
    assert.deepEqual(majorVersionFromToml(''), {});
    assert.deepEqual(majorVersionFromToml('[api]\nport = 1\n'), {});
    assert.deepEqual(majorVersionFromToml('[db]\nport = 54322\n[db.pooler]\nmajor_version = 15\n'), {});
  });

  it('a value that is not a major version: not used, and why', () => {
    assert.deepEqual(majorVersionFromToml('[db]\nmajor_version = "15"\n'), { invalid: 'major_version = "15" is not a whole number' });
    assert.deepEqual(majorVersionFromToml('[db]\nmajor_version = 15.4\n'), { invalid: 'major_version = 15.4 is not a whole number' });
    assert.match(majorVersionFromToml('[db]\nmajor_version = 9\n').invalid ?? '', /not a PostgreSQL major version/);
    assert.deepEqual(majorVersionFromToml('[db]\nmajor_version =\n'), { invalid: 'major_version =  is not a whole number' });
  });

  it('skips multi-line strings', () => {
    assert.deepEqual(majorVersionFromToml('[auth]\ntemplate = """\n[db]\nmajor_version = 13\n"""\n[db]\nmajor_version = 17\n'), { version: 17 });
  });

  it('the file beside a migrations folder: missing, unreadable (a directory) or there', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sbm-toml-'));
    const mig = path.join(root, 'supabase', 'migrations');
    mkdirSync(mig, { recursive: true });
    const file = path.join(root, 'supabase', 'config.toml');
    try {
      assert.deepEqual(await readSupabaseMajorVersion(mig), { file });
      assert.deepEqual(await choosePostgresVersion(mig, undefined, 17), { version: 17, source: 'default' });
      mkdirSync(file);
      assert.deepEqual(await readSupabaseMajorVersion(mig), { file });
      rmSync(file, { recursive: true });
      writeFileSync(file, '[db]\nmajor_version = 15\n');
      assert.deepEqual(await choosePostgresVersion(mig, undefined, 17), { version: 15, source: file });
      assert.deepEqual(await choosePostgresVersion(mig, { version: 17, source: '--pg-version' }, 17), { version: 17, source: '--pg-version' });
      writeFileSync(file, '[db]\nmajor_version = "x"\n');
      assert.deepEqual(await choosePostgresVersion(mig, undefined, 17), { version: 17, source: 'default', ignored: { file, reason: 'major_version = "x" is not a whole number' } });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
