/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning. Columns are 1-based UTF-16 code units. File names
 * are URI references (each path segment percent-encoded), text is as found, with the characters JSON would
 * leave raw that a terminal acts on as `\u` escapes (../../printable `printableJson`).
 */
import { pathToFileURL } from 'node:url';
import type { Finding } from '../../engine/types';
import { printableJson } from '../../printable';
import { REPOSITORY_URL, ruleDocsUrl, rulesOfKind } from '../../ruleRegistry';
import type { ReportInput } from './report';

/** `check`'s rules: the static ones, in registry order (a result's `ruleIndex` points into them). */
const RULES = rulesOfKind('static');

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

const withProperties = (properties: Record<string, unknown> | undefined) => (properties ? { properties } : {});

function region(r: Finding['range']) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** A rule as SARIF describes it (`tool.driver.rules`). */
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  helpUri: string;
  defaultConfiguration: { level: string };
}

/** What a command adds to the SARIF of its findings (`verify`: its own rules, and a result's SQLSTATE). */
export interface SarifExtras {
  /** Rules after the engine's (a result's `ruleIndex` counts them too). */
  rules?: SarifRule[];
  /** A result's `properties`, if any. */
  properties?: (f: Finding) => Record<string, unknown> | undefined;
}

/** `forward-reference` → `ForwardReference` (a rule's SARIF name). */
export function sarifRuleName(code: string): string {
  return code.replace(/(^|-)([a-z])/g, (_, __, ch: string) => ch.toUpperCase());
}

/** A path (with `/` or `\\` separators) as a URI reference: each segment percent-encoded (`my file.sql` → `my%20file.sql`). */
function pathToUriReference(p: string): string {
  const wellFormed = p.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return wellFormed.split(/[\\/]/).map(encodeURIComponent).join('/');
}

export function formatSarif(input: ReportInput, extras: SarifExtras = {}): string {
  const uri = (p: string) => pathToUriReference(input.displayPath(p));
  const rules: SarifRule[] = [
    ...RULES.map((r) => ({
      id: r.code,
      name: sarifRuleName(r.code),
      shortDescription: { text: r.summary },
      helpUri: ruleDocsUrl(r.code),
      defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    })),
    ...(extras.rules ?? []),
  ];
  const results = input.analyses.flatMap((a) =>
    a.findings.map((f) => ({
      ruleId: f.code,
      ruleIndex: rules.findIndex((r) => r.id === f.code),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: uri(f.file), uriBaseId: '%SRCROOT%' }, region: region(f.range) } }],
      relatedLocations: f.related.map((r, i) => ({
        id: i + 1,
        message: { text: r.message },
        physicalLocation: { artifactLocation: { uri: uri(r.file), uriBaseId: '%SRCROOT%' }, region: region(r.range) },
      })),
      ...(f.fixes.some((x) => x.kind === 'edit')
        ? {
            fixes: f.fixes
              .filter((x) => x.kind === 'edit')
              .map((x) => ({
                description: { text: x.title },
                artifactChanges:
                  x.kind === 'edit'
                    ? [{ artifactLocation: { uri: uri(x.file), uriBaseId: '%SRCROOT%' }, replacements: x.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })) }]
                    : [],
              })),
          }
        : {}),
      partialFingerprints: { primaryLocationLineHash: `${f.code}:${f.object ?? ''}:${uri(f.file)}` },
      ...withProperties(extras.properties?.(f)),
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'supabase-migrations',
            version: input.toolVersion,
            informationUri: REPOSITORY_URL,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(process.cwd()).href.replace(/\/?$/, '/') } },
        results,
      },
    ],
  };
  return printableJson(JSON.stringify(sarif, null, 2)) + '\n';
}
