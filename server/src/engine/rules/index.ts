/** Every rule, in report order. Codes are stable and user-facing (config, ignore comments, SARIF, README). */
import { droppedReference } from './droppedReference';
import { duplicateObject } from './duplicateObject';
import { duplicateVersion, invalidEncoding, invalidFilename, syntaxError, versionOrder } from './fileRules';
import { forwardReference } from './forwardReference';
import { missingForeignKey } from './missingForeignKey';
import type { Rule } from './rule';
import { unknownReference } from './unknownReference';

export const RULES: Rule[] = [
  syntaxError,
  invalidEncoding,
  invalidFilename,
  duplicateVersion,
  versionOrder,
  forwardReference,
  unknownReference,
  droppedReference,
  duplicateObject,
  missingForeignKey,
];
