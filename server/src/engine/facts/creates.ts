/**
 * Recording what a statement creates: one `create` for every CREATE (and SELECT INTO, CREATE TABLE AS,
 * …), given the object's namespace and kind, where its name is (`CreateTarget`) and the statement's flags.
 * Handles what every CREATE shares: nothing is created inside a function body, a DO block's guards make
 * it conditional, body-local tables are remembered, a written schema qualifier is a schema reference.
 */
import type { SourceRange } from '../positions';
import type { Node } from '../parser';
import type { Namespace, ObjectKind } from '../types';
import { qualifierOf } from './astNodes';
import type { Extraction, Scope } from './extraction';
import type { CreateEffect } from './model';
import { findName, nameRange, writtenQualifier } from './nameRanges';
import { schemaRef } from './refs';

/** The created object's schema, name and the range of its name. */
export interface CreateTarget {
  schema: string;
  name: string;
  range: SourceRange;
}

/** Everything else a CREATE says; flags left out are false. */
export type CreateOptions = Partial<Omit<CreateEffect, 'type' | 'ns' | 'kind' | 'schema' | 'name' | 'range' | 'conditional'>> & { conditional: boolean };

/** An object named by a RangeVar (tables, views, sequences, composite types): unqualified ones land in the creation schema. */
export function rangeVarTarget(x: Extraction, scope: Scope, rv: Node): CreateTarget {
  return { schema: rv.schemaname ?? x.createSchema, name: rv.relname, range: nameRange(x, scope, rv.location) };
}

/** An object named by a dotted name list (types, domains, functions, aggregates). */
export function namesTarget(x: Extraction, names: string[]): CreateTarget {
  const name = names[names.length - 1];
  return { schema: qualifierOf(names) ?? x.createSchema, name, range: findName(x, name) };
}

/** An object without a schema of its own (schemas, roles, publications; triggers, policies and indexes take their table's). */
export function unqualifiedTarget(x: Extraction, name: string): CreateTarget {
  return { schema: '', name, range: findName(x, name) };
}

/** Record what a statement creates; returns the effect, or undefined where nothing is created (a function body). */
export function create(x: Extraction, scope: Scope, ns: Namespace, kind: ObjectKind, target: CreateTarget, o: CreateOptions): CreateEffect | undefined {
  const { schema, name, range } = target;
  if (scope.deferred && ns === 'relation') scope.locals.add(name);
  // A function body creates nothing until it is called.
  if (scope.body === 'function') return undefined;
  // In a DO block, a CREATE is guarded when an exception handler catches it or an IF checks for it.
  const conditional = scope.guard ? scope.guard.handled || scope.guard.text.toLowerCase().includes(name.toLowerCase()) : o.conditional;
  const effect: CreateEffect = {
    type: 'create',
    ns,
    kind,
    schema,
    name,
    parentRef: o.parentRef,
    range,
    ifNotExists: !!o.ifNotExists,
    orReplace: !!o.orReplace,
    conditional,
    columns: o.columns,
    primaryKey: o.primaryKey,
    foreignKeys: o.foreignKeys,
    signature: o.signature,
    returns: o.returns,
    routine: o.routine,
    viewColumns: o.viewColumns,
    columnsComplete: o.columnsComplete,
    enumLabels: o.enumLabels,
    language: o.language,
    securityDefiner: o.securityDefiner,
    hasSearchPath: o.hasSearchPath,
    indexes: o.indexes,
    sequences: o.sequences,
    constraints: o.constraints,
    partitionOf: o.partitionOf,
    index: o.index,
    owner: o.owner,
  };
  x.current.effects.push(effect);
  if ((ns === 'relation' || ns === 'type' || ns === 'function') && schema && schema !== 'pg_temp') schemaOfName(x, schema, range, scope);
  return effect;
}

/** A schema written as the qualifier of a created object's name is a reference to that schema. */
function schemaOfName(x: Extraction, schema: string, range: SourceRange, scope: Scope): void {
  const q = writtenQualifier(x, range);
  if (q.written.toLowerCase() !== schema.toLowerCase() || !q.qualified) return; // unqualified as written
  schemaRef(x, schema, x.range(range.startByte, q.end), scope, 'CREATE');
}
