import assert from 'node:assert/strict';
import { discoverMigrations, newMigrationName, parseTimestamp } from '../../server/src/engine/discover';

const files = (...names: string[]) => names.map((name) => ({ name, isDirectory: false }));

describe('discover: the Supabase CLI file rules', () => {
  it('accepts <digits>_<name>.sql with any number of digits, in lexical order', () => {
    const r = discoverMigrations(files('20240102000000_b.sql', '1_first.sql', '20240101000000_a.sql', '20240101000000_.sql'));
    assert.deepEqual(r.migrations.map((m) => m.name), ['1_first.sql', '20240101000000_.sql', '20240101000000_a.sql', '20240102000000_b.sql']);
    assert.equal(r.migrations[0].version, '1');
    assert.equal(r.migrations[3].label, 'b');
  });

  it('reports files the CLI skips, with the reason', () => {
    const r = discoverMigrations([
      ...files('20240101000000_a.SQL', '20240101000001.sql', '20240101000002-x.sql', 'local_20240101_x.sql', 'seed.sql', 'README.md', '.gitkeep', '20240101000003_a.sql.bak'),
      { name: '20240101000004_dir.sql', isDirectory: true },
      { name: 'archive', isDirectory: true },
    ]);
    const skipped = Object.fromEntries(r.skipped.map((s) => [s.name, s.reason]));
    assert.match(skipped['20240101000000_a.SQL'], /lower-case/);
    assert.match(skipped['20240101000001.sql'], /no "_name"/);
    assert.match(skipped['20240101000002-x.sql'], /underscore/);
    assert.match(skipped['local_20240101_x.sql'], /start with digits/);
    assert.match(skipped['seed.sql'], /start with digits/);
    assert.match(skipped['20240101000003_a.sql.bak'], /end in ".sql"/);
    assert.match(skipped['20240101000004_dir.sql'], /directory/);
    assert.equal(skipped['README.md'], undefined);
    assert.equal(skipped['.gitkeep'], undefined);
    assert.equal(skipped['archive'], undefined);
    assert.equal(r.migrations.length, 0);
  });

  it('skips an old first <version>_init.sql like the CLI', () => {
    const r = discoverMigrations(files('20200101000000_init.sql', '20240101000000_a.sql'));
    assert.deepEqual(r.migrations.map((m) => m.name), ['20240101000000_a.sql']);
    assert.match(r.skipped[0].reason, /init/);
    const r2 = discoverMigrations(files('20220101000000_init.sql'));
    assert.equal(r2.migrations.length, 1);
  });

  it('finds versions used twice', () => {
    const r = discoverMigrations(files('20240101000000_a.sql', '20240101000000_b.sql', '20240101000001_c.sql'));
    assert.deepEqual(r.duplicateVersions, [{ version: '20240101000000', names: ['20240101000000_a.sql', '20240101000000_b.sql'] }]);
  });

  it('flags folders whose lexical and numeric orders differ (8- and 14-digit versions)', () => {
    const r = discoverMigrations(files('20260420_x.sql', '20260420010000_y.sql', '20260421000000_z.sql'));
    assert.deepEqual(r.migrations.map((m) => m.name), ['20260420010000_y.sql', '20260420_x.sql', '20260421000000_z.sql']);
    assert.deepEqual(r.orderMismatches.map((m) => m.name).sort(), ['20260420010000_y.sql', '20260420_x.sql']);
    assert.deepEqual(discoverMigrations(files('20240101000000_a.sql', '20240102000000_b.sql')).orderMismatches, []);
  });

  it('names new migrations like `supabase migration new`, never colliding', () => {
    const now = new Date(Date.UTC(2026, 0, 5, 23, 59, 59, 500));
    assert.equal(newMigrationName('add tenants', now, []), '20260105235959_add_tenants.sql');
    assert.equal(newMigrationName('x', now, ['20260105235959_other.sql']), '20260106000000_x.sql');
    assert.equal(newMigrationName('  ', now, []), '20260105235959_migration.sql');
  });

  it('parses only real date-times as timestamps', () => {
    assert.ok(parseTimestamp('20240229120000'));
    assert.equal(parseTimestamp('20230229120000'), undefined);
    assert.equal(parseTimestamp('00000000000001'), undefined);
    assert.equal(parseTimestamp('2024010112000'), undefined);
  });
});
