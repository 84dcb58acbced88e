/**
 * Built-in functions that are not IMMUTABLE in any of their forms, with their volatility, as PostgreSQL 15's
 * pg_proc has them (every pg_catalog function of the name, whatever its arguments): a call to one can never
 * be part of an index expression or predicate, a generated column or a partition key (42P17). Only names
 * people write in migrations; test/unit/volatility.test.ts checks the list against a real PostgreSQL.
 * (Names with IMMUTABLE and STABLE forms, such as `date_trunc` or `age`, depend on argument types: not listed.)
 */
export type Volatility = 'stable' | 'volatile';

export const NOT_IMMUTABLE_BUILTINS: ReadonlyMap<string, Volatility> = new Map<string, Volatility>([
  ['now', 'stable'],
  ['statement_timestamp', 'stable'],
  ['transaction_timestamp', 'stable'],
  ['clock_timestamp', 'volatile'],
  ['timeofday', 'volatile'],
  ['random', 'volatile'],
  ['setseed', 'volatile'],
  ['gen_random_uuid', 'volatile'],
  ['nextval', 'volatile'],
  ['currval', 'volatile'],
  ['lastval', 'volatile'],
  ['txid_current', 'stable'],
  ['pg_current_xact_id', 'stable'],
  ['pg_backend_pid', 'stable'],
  ['current_setting', 'stable'],
  ['current_database', 'stable'],
  ['current_schema', 'stable'],
  ['current_schemas', 'stable'],
  ['current_user', 'stable'],
  ['session_user', 'stable'],
  ['inet_client_addr', 'stable'],
  ['version', 'stable'],
  ['to_char', 'stable'],
]);
