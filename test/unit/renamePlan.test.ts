import assert from 'node:assert/strict';
import { planRename, planRenames } from '../../server/src/engine/fixes/renamePlan';
import { analyzeFiles, findingsOf } from '../support/analyze';

describe('rename plan: re-stamping a migration after what it needs', () => {
  it('the seed case: first free version after the dependency', () => {
    const names = [
      '20251201000000_initial.sql',
      '20251229000000_tenant_llm_policies.sql',
      '20260105000000_multi_tenant_user_model.sql',
      '20260105000001_a.sql',
      '20260105000002_b.sql',
    ];
    const plan = planRename({ names, index: 1, dependsOn: [0, 2], dependents: [] });
    assert.deepEqual(plan, { from: names[1], to: '20260105000003_tenant_llm_policies.sql', after: names[2] });
  });

  it('skips versions taken by skipped files too', () => {
    const names = ['20240101000000_a.sql', '20231231000000_m.sql'].sort();
    const plan = planRename({ names, index: 0, dependsOn: [1], dependents: [], otherNames: ['20240101000001_init.sql'] });
    assert.equal(plan.to, '20240101000002_m.sql');
  });

  it('carries seconds into minutes, hours, days, months, years and leap days', () => {
    const cases: [string, string][] = [
      ['20240101000059', '20240101000100'],
      ['20240101005959', '20240101010000'],
      ['20240101235959', '20240102000000'],
      ['20240131235959', '20240201000000'],
      ['20240228235959', '20240229000000'],
      ['20230228235959', '20230301000000'],
      ['20241231235959', '20250101000000'],
    ];
    for (const [dep, want] of cases) {
      const names = ['20200101000000_m.sql', `${dep}_dep.sql`];
      assert.equal(planRename({ names, index: 0, dependsOn: [1], dependents: [] }).to, `${want}_m.sql`, dep);
    }
  });

  it('goes after the latest dependency, before every dependent', () => {
    const names = ['20240101000000_m.sql', '20240102000000_d1.sql', '20240103000000_d2.sql', '20240104000000_user.sql'];
    const plan = planRename({ names, index: 0, dependsOn: [1, 2], dependents: [3] });
    assert.equal(plan.to, '20240103000001_m.sql');
  });

  it('explains a cycle instead of renaming (mutual dependency)', () => {
    const names = ['20240101000000_m.sql', '20240102000000_d.sql'];
    const plan = planRename({ names, index: 0, dependsOn: [1], dependents: [1] });
    assert.equal(plan.to, null);
    assert.match(plan.reason!, /cycle/);
    assert.match(plan.reason!, /20240102000000_d\.sql uses objects that 20240101000000_m\.sql creates/);
  });

  it('explains a cycle through a third migration', () => {
    const names = ['20240101000000_m.sql', '20240102000000_user.sql', '20240103000000_dep.sql'];
    const plan = planRename({ names, index: 0, dependsOn: [2], dependents: [1] });
    assert.equal(plan.to, null);
    assert.match(plan.reason!, /20240102000000_user\.sql uses objects that 20240101000000_m\.sql creates and runs before 20240103000000_dep\.sql/);
  });

  it('reports when no free version exists before the first dependent', () => {
    const names = ['20240101000000_m.sql', '20240102000000_dep.sql', '20240102000001_user.sql'];
    const plan = planRename({ names, index: 0, dependsOn: [1], dependents: [2] });
    assert.equal(plan.to, null);
    assert.match(plan.reason!, /no free version between 20240102000000_dep\.sql and 20240102000001_user\.sql/);
  });

  it('sorts after an 8-digit version both as text and as a number', () => {
    const names = ['20260101000000_m.sql', '20260420_dep.sql'];
    const plan = planRename({ names, index: 0, dependsOn: [1], dependents: [] });
    assert.equal(plan.to, '20260421000000_m.sql');
    assert.ok(plan.to! > '20260420_dep.sql');
  });

  it('counts up versions that are not date-times, keeping their width', () => {
    const names = ['00000000000001_schema.sql', '00000000000002_dep.sql', '00000000000003_m.sql'].sort();
    // m depends on nothing later here; make 01 depend on 02
    const plan = planRename({ names, index: 0, dependsOn: [1], dependents: [] });
    assert.equal(plan.to, '00000000000004_schema.sql');
  });

  it('returns no rename when nothing is depended on', () => {
    assert.equal(planRename({ names: ['1_a.sql'], index: 0, dependsOn: [], dependents: [] }).to, null);
  });

  it('plans from one state never choose one version twice, and keep the moved files in their order', () => {
    const names = ['20240101000000_a.sql', '20240102000000_b.sql', '20240103000000_c.sql', '20240104000000_target.sql', '20240104000002_x.sql'];
    const inputs = [
      { names, index: 1, dependsOn: [3, 0], dependents: [] },
      { names, index: 0, dependsOn: [3], dependents: [] },
      { names, index: 2, dependsOn: [3], dependents: [] },
    ];
    // each alone would take the first free second after the target
    assert.deepEqual(
      inputs.map((i) => planRename(i).to),
      ['20240104000001_b.sql', '20240104000001_a.sql', '20240104000001_c.sql'],
    );
    const plans = planRenames(inputs);
    assert.deepEqual(
      plans.map((p) => p.to),
      ['20240104000003_b.sql', '20240104000001_a.sql', '20240104000004_c.sql'],
    );
    const versions = plans.map((p) => p.to!.slice(0, 14));
    assert.equal(new Set(versions).size, versions.length);
  });
});

describe('rename plan: a plan the dependency graph blocks is proven by replaying the folder reordered', () => {
  // pairs (A_i, B_i): A_i uses B_i's table and creates or replaces f_i; B_i creates f_i again and grants on it
  // (the graph sees a cycle; B_i then A_i applies). With more pairs than the re-ordered replays one analysis
  // spends, each plan is either a rename that works or says it was not checked: never an unproven cycle.
  it('never claims a cycle it did not check', async () => {
    const files: Record<string, string> = {};
    const pairs = 10;
    const d = (i: number) => String(i + 1).padStart(2, '0');
    for (let i = 0; i < pairs; i++) {
      files[`202401${d(i)}000000_a${i}.sql`] = `create table public.x${i} (id int, t_id int references public.t${i} (id));\ncreate or replace function public.f${i}() returns int language sql as $$ select 1 $$;\n`;
      files[`202402${d(i)}000000_b${i}.sql`] = `create table public.t${i} (id int primary key);\ncreate or replace function public.f${i}() returns int language sql as $$ select 2 $$;\ngrant execute on function public.f${i}() to public;\n`;
    }
    const a = await analyzeFiles(files);
    const plans = findingsOf(a, 'forward-reference').map((f) => f.rename!);
    assert.equal(plans.length, pairs);
    const proven = plans.filter((p) => p.to !== null);
    assert.ok(proven.length >= 1 && proven.length < pairs, `the first plans are proven renames, the last ones not checked: ${proven.length}`);
    for (const p of plans) assert.ok(p.to !== null || /not checked/.test(p.reason ?? ''), `${p.from}: ${p.reason}`);
    // every proven rename keeps its file's name and lands after its B
    for (const p of proven) assert.match(p.to!, /^202402\d{8}_a\d\.sql$/);
  });
});
