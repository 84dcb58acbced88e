/**
 * SARIF output checked against the SARIF 2.1.0 JSON schema (test/fixtures/sarif-2.1.0.schema.json, draft-04,
 * see test/fixtures/NOTICE.md) with ajv, formats (`uri`, `uri-reference`) included.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const SCHEMA = path.resolve(__dirname, '../fixtures/sarif-2.1.0.schema.json');

let validate: ReturnType<Ajv['compile']> | undefined;

/** Fails with ajv's errors unless `sarif` (parsed) is valid SARIF 2.1.0; also checks the errata's rule that a region has a `startLine`. */
export function assertValidSarif(sarif: unknown, what = 'SARIF'): void {
  if (!validate) {
    // the schema's `language` pattern has a stray `]`, an error only in a Unicode regular expression
    const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  }
  const ok = validate(sarif);
  assert.ok(ok, `${what} is not valid SARIF 2.1.0: ${JSON.stringify(validate.errors?.slice(0, 10), null, 2)}`);
  const regions: unknown[] = [];
  const walk = (v: unknown, key?: string): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(x));
    else if (v && typeof v === 'object') {
      if (key === 'region' || key === 'deletedRegion') regions.push(v);
      for (const [k, x] of Object.entries(v)) walk(x, k);
    }
  };
  walk(sarif);
  for (const r of regions) assert.equal(typeof (r as { startLine?: unknown }).startLine, 'number', `${what}: a region without startLine: ${JSON.stringify(r)}`);
}
