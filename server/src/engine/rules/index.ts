/**
 * Every rule module, in the order of the static codes in the rule registry (server/src/ruleRegistry), which
 * describes them (a test keeps the two lists equal).
 */
import { droppedReference } from './droppedReference';
import { duplicateObject } from './duplicateObject';
import { duplicateVersion } from './duplicateVersion';
import { invalidEncoding } from './invalidEncoding';
import { invalidFilename } from './invalidFilename';
import { unreadableFile } from './unreadableFile';
import { syntaxError } from './syntaxError';
import { versionOrder } from './versionOrder';
import { forwardReference } from './forwardReference';
import { missingForeignKey } from './missingForeignKey';
import type { Rule } from './rule';
import { unknownReference } from './unknownReference';
import { transactionBlock } from './transactionBlock';
import { unsafeEnumValue } from './unsafeEnumValue';
import { incompatibleReplace } from './incompatibleReplace';
import { missingFromEntry } from './missingFromEntry';
import { mutableExpression } from './mutableExpression';
import { unknownColumn } from './unknownColumn';
import { unknownEnumLabel } from './unknownEnumLabel';
import { outOfOrder } from './outOfOrder';
import { editedApplied } from './editedApplied';
import { removedApplied } from './removedApplied';
import { renamedApplied } from './renamedApplied';

export const RULES: Rule[] = [
  syntaxError,
  invalidEncoding,
  unreadableFile,
  invalidFilename,
  duplicateVersion,
  versionOrder,
  forwardReference,
  unknownReference,
  droppedReference,
  duplicateObject,
  transactionBlock,
  unsafeEnumValue,
  incompatibleReplace,
  missingFromEntry,
  mutableExpression,
  unknownColumn,
  unknownEnumLabel,
  missingForeignKey,
  outOfOrder,
  editedApplied,
  removedApplied,
  renamedApplied,
];
