/** Where the replay records columns (timeline/columnSites.ts) and the DEFAULT text hovers show (facts/defaultText.ts). */
import assert from 'node:assert/strict';
import { defaultText } from '../../server/src/engine/facts/defaultText';
import { columnOrigin, columnSiteAt, sitesOfColumn, type ColumnSite } from '../../server/src/engine/timeline';
import { analyzeFiles } from '../support/analyze';

const bytes = (s: string) => new TextEncoder().encode(s);
const dflt = (s: string) => defaultText(bytes(s), 0, bytes(s).length);

describe('column DEFAULT text', () => {
  it('ends where the expression ends: a constraint, a comma or parenthesis outside it, the statement', () => {
    assert.equal(dflt('default now() not null'), 'now()');
    assert.equal(dflt(`DEFAULT 'a, (b' , next int`), `'a, (b'`);
    assert.equal(dflt('default null'), 'null');
    assert.equal(dflt('default (1 + 2) not null'), '(1 + 2)');
    assert.equal(dflt(`default '{}'::jsonb)`), `'{}'::jsonb`);
    assert.equal(dflt('default coalesce(a, b) references t(id)'), 'coalesce(a, b)');
    assert.equal(dflt(`default $$x, y$$;`), '$$x, y$$');
    assert.equal(dflt(`default E'it\\'s' check (true)`), `E'it\\'s'`);
    assert.equal(dflt('default\n  array[]::text[] -- empty\n,'), 'array[]::text[]');
    assert.equal(dflt('defaults 1'), undefined);
    assert.equal(dflt(`default '${'x'.repeat(100)}'`)?.length, 80);
  });
});

describe('column sites', () => {
  const files = {
    '20240101000000_a.sql': `-- ü\ncreate table public.t (id int primary key, "näme" text default 'x', n int);\ncreate table public.u (id int);\n`,
    '20240102000000_b.sql': [
      'alter table public.t rename column n to m;',
      'alter table public.t alter column m type bigint, alter column m set not null;',
      'alter table public.t alter column "näme" drop default;',
      'alter table public.t rename to t2;',
      'create index on public.t2 (m, "näme");',
      'alter table public.t2 drop column m;',
      'alter table public.u add column m int;',
      'create index on public.u (m);',
      '',
    ].join('\n'),
  };
  const show = (s: ColumnSite) => `${s.point.file}.${s.point.stmt} ${s.kind} ${s.tableName}.${s.name}${s.from ? `<${s.from}` : ''} ${s.state.display}${s.state.notNull ? ' not null' : ''}${s.state.default ? ` default ${s.state.default}` : ''}`;

  it('follow a column through renames of it and of its table, with its state at each point', async () => {
    const a = await analyzeFiles(files);
    const first = a.timeline.columnSites[0].find((s) => s.name === 'n')!;
    assert.deepEqual(sitesOfColumn(a.timeline, first.column).map(show), [
      '0.0 create public.t.n integer',
      '1.0 use public.t.n integer',
      '1.0 rename public.t.m<n integer',
      '1.1 alter public.t.m bigint not null',
      '1.1 alter public.t.m bigint not null',
      '1.4 use public.t2.m bigint not null',
      '1.5 drop public.t2.m bigint not null',
    ]);
    // the other table's m is another column
    const um = a.timeline.columnSites[1].filter((s) => s.tableName === 'public.u');
    assert.deepEqual(um.map(show), ['1.6 add public.u.m integer', '1.7 use public.u.m integer']);
    assert.equal(sitesOfColumn(a.timeline, um[0].column).length, 2);
    const name = sitesOfColumn(a.timeline, a.timeline.columnSites[0].find((s) => s.name === 'näme')!.column).map(show);
    assert.deepEqual(name, ['0.0 create public.t.näme text default \'x\'', '1.2 alter public.t.näme text', '1.4 use public.t2.näme text']);
  });

  it('answer where a column was added and last changed before a point, by byte offset', async () => {
    const a = await analyzeFiles(files);
    const text = files['20240102000000_b.sql'];
    const offset = new TextEncoder().encode(text.slice(0, text.indexOf('m, "näme"'))).length;
    const use = columnSiteAt(a.timeline, 1, offset)!;
    assert.equal(show(use), '1.4 use public.t2.m bigint not null');
    const { added, lastChange } = columnOrigin(a.timeline, use);
    assert.equal(show(added!), '0.0 create public.t.n integer');
    assert.equal(show(lastChange!), '1.1 alter public.t.m bigint not null');
    // the quoted name after non-ASCII text: its range is in bytes
    const q = a.timeline.columnSites[0].find((s) => s.name === 'näme')!;
    const init = new TextEncoder().encode(files['20240101000000_a.sql']);
    assert.equal(new TextDecoder().decode(init.subarray(q.at.range.startByte, q.at.range.endByte)), '"näme"');
  });
});
