/**
 * Shapes of the generated catalog JSON in this folder (builtins.json,
 * platform.json, extensions.json), written by scripts/generate-catalog.ts
 * from a real PostgreSQL 15.
 *
 * Type strings (column types, function argument and return types) are
 * PostgreSQL's format_type() output read with search_path = pg_catalog, so
 * built-in types are unqualified SQL spellings ("integer", "character
 * varying(255)", "timestamp with time zone", "\"any\"", "text[]") and every
 * other type is schema-qualified ("auth.aal_level", "@extschema@.vector").
 * Type entries (CatalogType.name), by contrast, use pg_type.typname
 * ("int4", "timestamptz", "uuid").
 */

export interface CatalogColumn {
  name: string;
  /** format_type(atttypid, atttypmod) */
  type: string;
  notNull: boolean;
}

export type RelationKind = 'table' | 'partitioned table' | 'view' | 'materialized view' | 'foreign table' | 'sequence';

export interface CatalogRelation {
  schema: string;
  name: string;
  kind: RelationKind;
  /** In attnum order. Empty for pg_catalog / information_schema relations (kept small). */
  columns: CatalogColumn[];
  primaryKey?: string[];
}

export type FunctionKind = 'function' | 'procedure' | 'aggregate' | 'window';

export interface CatalogFunction {
  schema: string;
  name: string;
  kind: FunctionKind;
  /** Input argument types (IN, INOUT, VARIADIC), format_type(). A VARIADIC argument is its array type. */
  args: string[];
  /** Inputs without defaults. */
  minArgs: number;
  variadic: boolean;
  /** format_type(prorettype), prefixed with "SETOF " for set-returning functions (RETURNS TABLE -> "SETOF record"). */
  returns: string;
}

export type TypeKind = 'base' | 'enum' | 'domain' | 'composite' | 'range' | 'multirange' | 'pseudo';

export interface CatalogType {
  schema: string;
  /** pg_type.typname, e.g. "timestamptz". Array types and relation row types are not listed. */
  name: string;
  kind: TypeKind;
}

export interface CatalogOperatorClass {
  accessMethod: string;
  name: string;
}

export interface InstalledExtension {
  name: string;
  schema: string;
}

export interface CatalogData {
  schemas: string[];
  relations: CatalogRelation[];
  functions: CatalogFunction[];
  types: CatalogType[];
  roles: string[];
  /** Publication names (pg_publication), e.g. platform.json's supabase_realtime. */
  publications?: string[];
  /** Index access methods (btree, gin, ... / hnsw for vector). */
  accessMethods?: string[];
  /** Index operator classes, e.g. { accessMethod: 'gin', name: 'gin_trgm_ops' }. */
  operatorClasses?: CatalogOperatorClass[];
  /** platform.json only: extensions already installed in a fresh project (real or stand-in). */
  installedExtensions?: InstalledExtension[];
}

/** The schema placeholder used for objects that go to the extension's target schema. */
export const EXTSCHEMA = '@extschema@';

export interface ExtensionCatalog {
  name: string;
  /** From the control file (or the stand-in header). */
  relocatable: boolean;
  /**
   * The schema the extension always installs into, or null when it goes to
   * the WITH SCHEMA schema, else the first existing schema of the search path.
   */
  fixedSchema: string | null;
  /** Extensions it requires (CREATE EXTENSION ... CASCADE installs them). */
  requires: string[];
  /** True when this entry comes from standins/*.sql rather than a real extension of this PostgreSQL. */
  standin?: boolean;
  /**
   * True for an extension of Supabase's Postgres image that neither this PostgreSQL nor a stand-in has
   * (unmodelled-extensions.txt): `objects` lists only the schemas it creates, `opaque` where its members go.
   */
  unmodelled?: boolean;
  /**
   * Members the catalog does not list (created at run time, like pgmq's queue tables, or not modelled): a
   * name there that nothing else creates is unknown, not missing. Schema `@extschema@` is the target schema.
   */
  opaque?: OpaqueMembers[];
  /**
   * Objects whose schema is the extension's target schema use schema "@extschema@"
   * (also inside type strings: "@extschema@.hstore").
   */
  objects: Omit<CatalogData, 'schemas' | 'roles' | 'installedExtensions'> & { schemas: string[] };
}

/** A whole schema, the relations / functions / types of a schema, or one object. */
export interface OpaqueMembers {
  schema: string;
  ns?: 'relation' | 'function' | 'type';
  name?: string;
}

export type ExtensionsCatalog = Record<string, ExtensionCatalog>;
