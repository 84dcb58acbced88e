/**
 * Extraction of a file's facts: split and parse the text, read every statement through the statement
 * dispatch, and keep the facts, syntax errors and ignore directives (the AST is dropped).
 */
import { LineIndex } from '../positions';
import { splitAndParse } from '../split';
import { readDirectives } from './directives';
import { Extraction } from './extraction';
import type { ExtractOptions, FileFacts } from './model';
import { dispatchStatement } from './statements';

export function extractFacts(text: string, options: ExtractOptions = {}): FileFacts {
  const bytes = Buffer.from(text, 'utf8');
  const lineIndex = new LineIndex(bytes, text);
  const split = splitAndParse(text, bytes);
  const x = new Extraction(bytes, lineIndex, options, dispatchStatement);
  for (const s of split.statements) x.statement(s.stmt, s.start, s.end, s.base);
  for (const e of split.errors) x.syntaxError(e, false);
  return {
    statements: x.statements,
    syntaxErrors: x.syntaxErrors,
    directives: readDirectives(text),
    lineIndex,
  };
}
