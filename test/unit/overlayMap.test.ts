import assert from 'node:assert/strict';
import { OverlayMap } from '../../server/src/engine/incremental/overlayMap';

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sorted = (m: Iterable<[string, number]>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

describe('OverlayMap (a resumed replay over a snapshot)', () => {
  it('behaves like a copy of its base under random sets and deletes, and never changes the base', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = rng(seed);
      const base = new Map<string, number>();
      for (let i = 0; i < 30; i++) base.set(`k${Math.floor(r() * 40)}`, i);
      const before = sorted(base);
      const copy = new Map(base);
      const over = new OverlayMap(base);
      for (let step = 0; step < 200; step++) {
        const k = `k${Math.floor(r() * 50)}`;
        const op = r();
        if (op < 0.45) {
          copy.set(k, step);
          over.set(k, step);
        } else if (op < 0.8) {
          assert.equal(over.delete(k), copy.delete(k), `seed ${seed} step ${step}: delete ${k}`);
        } else {
          assert.equal(over.get(k), copy.get(k), `seed ${seed} step ${step}: get ${k}`);
          assert.equal(over.has(k), copy.has(k), `seed ${seed} step ${step}: has ${k}`);
        }
        assert.equal(over.size, copy.size, `seed ${seed} step ${step}: size`);
      }
      assert.deepEqual(sorted(over), sorted(copy));
      assert.deepEqual(sorted([...over.keys()].map((k) => [k, 0])), sorted([...copy.keys()].map((k) => [k, 0])));
      assert.deepEqual([...over.values()].sort(), [...copy.values()].sort());
      const seen: [string, number][] = [];
      over.forEach((v, k) => seen.push([k, v]));
      assert.deepEqual(sorted(seen), sorted(copy));
      assert.deepEqual(sorted(base), before, `seed ${seed}: the base changed`);
    }
  });

  it('refuses undefined values and clear (both would break reads through to the base)', () => {
    const over = new OverlayMap(new Map([['a', 1]]));
    assert.throws(() => over.set('b', undefined as unknown as number), /undefined/);
    assert.throws(() => over.clear(), /clear/);
    assert.equal(over.get('a'), 1);
  });
});
