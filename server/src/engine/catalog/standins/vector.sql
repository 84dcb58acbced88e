-- Stand-in for the pgvector extension (`create extension vector`).
-- Plain SQL; creates the real extension's main objects with the real
-- signatures but no real behaviour: the types accept any literal (text I/O,
-- no dimension checks), functions and operators return NULL, and the index
-- access methods exist but raise as soon as they are used.
-- Requires superuser (LANGUAGE internal functions, base types).
-- @extension: vector
-- @relocatable: true
-- @requires:
-- @access-methods: ivfflat, hnsw
-- @operator-classes: ivfflat:vector_l2_ops, ivfflat:vector_ip_ops, ivfflat:vector_cosine_ops, ivfflat:halfvec_l2_ops, ivfflat:halfvec_ip_ops, ivfflat:halfvec_cosine_ops, ivfflat:bit_hamming_ops, hnsw:vector_l2_ops, hnsw:vector_ip_ops, hnsw:vector_cosine_ops, hnsw:vector_l1_ops, hnsw:halfvec_l2_ops, hnsw:halfvec_ip_ops, hnsw:halfvec_cosine_ops, hnsw:halfvec_l1_ops, hnsw:sparsevec_l2_ops, hnsw:sparsevec_ip_ops, hnsw:sparsevec_cosine_ops, hnsw:sparsevec_l1_ops, hnsw:bit_hamming_ops, hnsw:bit_jaccard_ops

-- types: vector(n), halfvec(n), sparsevec(n). Text I/O borrowed from `text`,
-- typmod I/O borrowed from varchar (so vector(1536) round-trips as such).
create type @extschema@.vector;
create function @extschema@.vector_in(cstring, oid, integer) returns @extschema@.vector immutable strict language internal as 'textin';
create function @extschema@.vector_out(@extschema@.vector) returns cstring immutable strict language internal as 'textout';
create function @extschema@.vector_typmod_in(cstring[]) returns integer immutable strict language internal as 'varchartypmodin';
create function @extschema@.vector_typmod_out(integer) returns cstring immutable strict language internal as 'varchartypmodout';
create type @extschema@.vector (
  input = @extschema@.vector_in, output = @extschema@.vector_out,
  typmod_in = @extschema@.vector_typmod_in, typmod_out = @extschema@.vector_typmod_out,
  internallength = variable, storage = extended
);

create type @extschema@.halfvec;
create function @extschema@.halfvec_in(cstring, oid, integer) returns @extschema@.halfvec immutable strict language internal as 'textin';
create function @extschema@.halfvec_out(@extschema@.halfvec) returns cstring immutable strict language internal as 'textout';
create function @extschema@.halfvec_typmod_in(cstring[]) returns integer immutable strict language internal as 'varchartypmodin';
create type @extschema@.halfvec (
  input = @extschema@.halfvec_in, output = @extschema@.halfvec_out,
  typmod_in = @extschema@.halfvec_typmod_in, typmod_out = @extschema@.vector_typmod_out,
  internallength = variable, storage = extended
);

create type @extschema@.sparsevec;
create function @extschema@.sparsevec_in(cstring, oid, integer) returns @extschema@.sparsevec immutable strict language internal as 'textin';
create function @extschema@.sparsevec_out(@extschema@.sparsevec) returns cstring immutable strict language internal as 'textout';
create function @extschema@.sparsevec_typmod_in(cstring[]) returns integer immutable strict language internal as 'varchartypmodin';
create type @extschema@.sparsevec (
  input = @extschema@.sparsevec_in, output = @extschema@.sparsevec_out,
  typmod_in = @extschema@.sparsevec_typmod_in, typmod_out = @extschema@.vector_typmod_out,
  internallength = variable, storage = extended
);

-- casts from arrays go through text
create cast (real[] as @extschema@.vector) with inout as assignment;
create cast (double precision[] as @extschema@.vector) with inout as assignment;
create cast (integer[] as @extschema@.vector) with inout as assignment;
create cast (numeric[] as @extschema@.vector) with inout as assignment;
create cast (@extschema@.vector as real[]) with inout as implicit;
create cast (@extschema@.vector as @extschema@.halfvec) with inout as implicit;
create cast (@extschema@.halfvec as @extschema@.vector) with inout as implicit;
create cast (@extschema@.vector as @extschema@.sparsevec) with inout as implicit;
create cast (@extschema@.sparsevec as @extschema@.vector) with inout as assignment;

-- functions
create function @extschema@.l2_distance(@extschema@.vector, @extschema@.vector) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.inner_product(@extschema@.vector, @extschema@.vector) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.cosine_distance(@extschema@.vector, @extschema@.vector) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.l1_distance(@extschema@.vector, @extschema@.vector) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.vector_negative_inner_product(@extschema@.vector, @extschema@.vector) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.vector_dims(@extschema@.vector) returns integer immutable strict parallel safe language sql as 'select null::integer';
create function @extschema@.vector_norm(@extschema@.vector) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.l2_normalize(@extschema@.vector) returns @extschema@.vector immutable strict parallel safe language sql as 'select null::@extschema@.vector';
create function @extschema@.binary_quantize(@extschema@.vector) returns bit immutable strict parallel safe language sql as 'select null::bit';
create function @extschema@.subvector(@extschema@.vector, integer, integer) returns @extschema@.vector immutable strict parallel safe language sql as 'select null::@extschema@.vector';
create function @extschema@.vector_add(@extschema@.vector, @extschema@.vector) returns @extschema@.vector immutable strict parallel safe language sql as 'select null::@extschema@.vector';
create function @extschema@.vector_sub(@extschema@.vector, @extschema@.vector) returns @extschema@.vector immutable strict parallel safe language sql as 'select null::@extschema@.vector';
create function @extschema@.vector_mul(@extschema@.vector, @extschema@.vector) returns @extschema@.vector immutable strict parallel safe language sql as 'select null::@extschema@.vector';

create function @extschema@.l2_distance(@extschema@.halfvec, @extschema@.halfvec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.inner_product(@extschema@.halfvec, @extschema@.halfvec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.cosine_distance(@extschema@.halfvec, @extschema@.halfvec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.l1_distance(@extschema@.halfvec, @extschema@.halfvec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.halfvec_negative_inner_product(@extschema@.halfvec, @extschema@.halfvec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.vector_dims(@extschema@.halfvec) returns integer immutable strict parallel safe language sql as 'select null::integer';
create function @extschema@.l2_norm(@extschema@.halfvec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';

create function @extschema@.l2_distance(@extschema@.sparsevec, @extschema@.sparsevec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.inner_product(@extschema@.sparsevec, @extschema@.sparsevec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.cosine_distance(@extschema@.sparsevec, @extschema@.sparsevec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.l1_distance(@extschema@.sparsevec, @extschema@.sparsevec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.sparsevec_negative_inner_product(@extschema@.sparsevec, @extschema@.sparsevec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.l2_norm(@extschema@.sparsevec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';

create function @extschema@.hamming_distance(bit, bit) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.jaccard_distance(bit, bit) returns double precision immutable strict parallel safe language sql as 'select null::double precision';

-- operators
create operator @extschema@.<-> (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.l2_distance, commutator = operator(@extschema@.<->));
create operator @extschema@.<#> (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.vector_negative_inner_product, commutator = operator(@extschema@.<#>));
create operator @extschema@.<=> (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.cosine_distance, commutator = operator(@extschema@.<=>));
create operator @extschema@.<+> (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.l1_distance, commutator = operator(@extschema@.<+>));
create operator @extschema@.+ (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.vector_add, commutator = operator(@extschema@.+));
create operator @extschema@.- (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.vector_sub);
create operator @extschema@.* (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.vector_mul, commutator = operator(@extschema@.*));
create operator @extschema@.<-> (leftarg = @extschema@.halfvec, rightarg = @extschema@.halfvec, function = @extschema@.l2_distance, commutator = operator(@extschema@.<->));
create operator @extschema@.<#> (leftarg = @extschema@.halfvec, rightarg = @extschema@.halfvec, function = @extschema@.halfvec_negative_inner_product, commutator = operator(@extschema@.<#>));
create operator @extschema@.<=> (leftarg = @extschema@.halfvec, rightarg = @extschema@.halfvec, function = @extschema@.cosine_distance, commutator = operator(@extschema@.<=>));
create operator @extschema@.<-> (leftarg = @extschema@.sparsevec, rightarg = @extschema@.sparsevec, function = @extschema@.l2_distance, commutator = operator(@extschema@.<->));
create operator @extschema@.<#> (leftarg = @extschema@.sparsevec, rightarg = @extschema@.sparsevec, function = @extschema@.sparsevec_negative_inner_product, commutator = operator(@extschema@.<#>));
create operator @extschema@.<=> (leftarg = @extschema@.sparsevec, rightarg = @extschema@.sparsevec, function = @extschema@.cosine_distance, commutator = operator(@extschema@.<=>));
create operator @extschema@.<~> (leftarg = bit, rightarg = bit, function = @extschema@.hamming_distance, commutator = operator(@extschema@.<~>));
create operator @extschema@.<%> (leftarg = bit, rightarg = bit, function = @extschema@.jaccard_distance, commutator = operator(@extschema@.<%>));

-- aggregates
create function @extschema@.vector_accum(double precision[], @extschema@.vector) returns double precision[] immutable strict parallel safe language sql as 'select $1';
create function @extschema@.vector_avg(double precision[]) returns @extschema@.vector immutable strict parallel safe language sql as 'select null::@extschema@.vector';
create aggregate @extschema@.avg(@extschema@.vector) (sfunc = @extschema@.vector_accum, stype = double precision[], finalfunc = @extschema@.vector_avg, initcond = '{0}');
create aggregate @extschema@.sum(@extschema@.vector) (sfunc = @extschema@.vector_add, stype = @extschema@.vector);

-- index access methods: the handlers are the pseudo-type input functions,
-- which raise "cannot accept a value of type index_am_handler" if invoked, so
-- CREATE INDEX ... USING hnsw fails on real PostgreSQL with this stand-in.
-- The operator classes are recorded in the header only.
create function @extschema@.ivfflathandler(internal) returns index_am_handler language internal as 'index_am_handler_in';
create function @extschema@.hnswhandler(internal) returns index_am_handler language internal as 'index_am_handler_in';
create access method ivfflat type index handler @extschema@.ivfflathandler;
create access method hnsw type index handler @extschema@.hnswhandler;
