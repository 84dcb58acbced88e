/** The project's config file (`.supabase-migrations.json` or `supabase-migrations.json` in the project root), checked. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { EngineConfig } from '../engine/analyze';
import { UsageError } from './workspace';

const CONFIG_NAMES = ['.supabase-migrations.json', 'supabase-migrations.json'];

/**
 * The config file's "verify" section: verify's limits (server/src/verify/guards.ts), in seconds and MB,
 * 0 for none. Not part of the engine's config (the analysis does not depend on it).
 */
export interface VerifyConfig {
  statementTimeout?: number;
  memoryLimit?: number;
}

export async function loadConfig(root: string, explicit?: string): Promise<{ config: EngineConfig; path?: string; verify?: VerifyConfig }> {
  const candidates = explicit ? [path.resolve(explicit)] : CONFIG_NAMES.map((n) => path.join(root, n));
  for (const p of candidates) {
    let text: string;
    try {
      text = await fs.readFile(p, 'utf8');
    } catch {
      if (explicit) throw new UsageError(`${explicit}: cannot read config file`);
      continue;
    }
    return { ...parseConfigFile(text, p), path: p };
  }
  return { config: {} };
}

export function parseConfig(text: string, source: string): EngineConfig {
  return parseConfigFile(text, source).config;
}

/** The engine's config and verify's section of a config file. */
export function parseConfigFile(text: string, source: string): { config: EngineConfig; verify?: VerifyConfig } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${source}: invalid JSON (${(e as Error).message})`);
  }
  if (!raw || typeof raw !== 'object') throw new UsageError(`${source}: expected a JSON object`);
  const r = raw as Record<string, unknown>;
  const config: EngineConfig = {};
  if (r.rules !== undefined) {
    if (typeof r.rules !== 'object' || r.rules === null) throw new UsageError(`${source}: "rules" must be an object`);
    config.rules = {};
    for (const [k, v] of Object.entries(r.rules)) {
      if (!['off', 'error', 'warning', 'info', 'hint'].includes(String(v))) throw new UsageError(`${source}: rule ${k}: expected off|error|warning|info|hint`);
      (config.rules as Record<string, string>)[k] = String(v);
    }
  }
  if (r.foreignKeyPatterns !== undefined) {
    if (!Array.isArray(r.foreignKeyPatterns)) throw new UsageError(`${source}: "foreignKeyPatterns" must be an array of regexes`);
    for (const p of r.foreignKeyPatterns) {
      try {
        new RegExp(String(p));
      } catch {
        throw new UsageError(`${source}: invalid regex in foreignKeyPatterns: ${p}`);
      }
    }
    config.foreignKeyPatterns = r.foreignKeyPatterns.map(String);
  }
  if (r.searchPath !== undefined) {
    if (!Array.isArray(r.searchPath)) throw new UsageError(`${source}: "searchPath" must be an array of schema names`);
    config.searchPath = r.searchPath.map(String);
  }
  if (r.maxFileBytes !== undefined) {
    if (typeof r.maxFileBytes !== 'number' || !(r.maxFileBytes > 0)) throw new UsageError(`${source}: "maxFileBytes" must be a number of bytes above 0`);
    config.maxFileBytes = r.maxFileBytes;
  }
  if (r.postgresVersion !== undefined) {
    // overrides supabase/config.toml's [db] major_version (host/supabaseConfig.ts)
    if (typeof r.postgresVersion !== 'number' || !Number.isInteger(r.postgresVersion) || r.postgresVersion < 13 || r.postgresVersion > 99) {
      throw new UsageError(`${source}: "postgresVersion" must be a PostgreSQL major version (13, 14, 15, 17, ...)`);
    }
    config.postgresVersion = r.postgresVersion;
  }
  if (r.verify === undefined) return { config };
  if (typeof r.verify !== 'object' || r.verify === null || Array.isArray(r.verify)) throw new UsageError(`${source}: "verify" must be an object`);
  const verify: VerifyConfig = {};
  for (const [k, v] of Object.entries(r.verify)) {
    if (k !== 'statementTimeout' && k !== 'memoryLimit') throw new UsageError(`${source}: unknown key verify.${k} (statementTimeout, memoryLimit)`);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new UsageError(`${source}: verify.${k} must be a number >= 0 (${k === 'statementTimeout' ? 'seconds' : 'MB'}; 0: no limit)`);
    verify[k] = v;
  }
  return { config, verify };
}
