/**
 * Extraction of a file's facts: split and parse the text, read every statement through the statement
 * dispatch, and keep the facts, syntax errors and ignore directives (the AST is dropped). Parsed with the
 * grammar of `options.postgresVersion`.
 */
import { DEFAULT_POSTGRES_VERSION, withPostgresVersion } from '../parser';
import { LineIndex } from '../positions';
import { forEachStatement } from '../split';
import { readDirectives } from './directives';
import { Extraction } from './extraction';
import type { ExtractOptions, FileFacts } from './model';
import { dispatchStatement } from './statements';

export function extractFacts(text: string, options: ExtractOptions = {}): FileFacts {
  return withPostgresVersion(options.postgresVersion ?? DEFAULT_POSTGRES_VERSION, () => extractWithGrammar(text, options));
}

function extractWithGrammar(text: string, options: ExtractOptions): FileFacts {
  const bytes = Buffer.from(text, 'utf8');
  const lineIndex = new LineIndex(bytes, text);
  const x = new Extraction(bytes, lineIndex, options, dispatchStatement);
  // statement by statement: a large file's syntax trees are dropped group by group as they are read
  const errors = forEachStatement(text, bytes, (s) => x.statement(s.stmt, s.start, s.end, s.base));
  for (const e of errors) x.syntaxError(e, false);
  return {
    statements: x.statements,
    syntaxErrors: x.syntaxErrors,
    directives: readDirectives(text),
    lineIndex,
  };
}
