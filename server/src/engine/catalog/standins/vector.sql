-- Stand-in for the pgvector extension (`create extension vector`), 0.8.x.
-- Plain SQL; creates every function, aggregate, type, operator and operator
-- class of the real extension with the real names and signatures, but no real
-- behaviour: the types store their text literal unchanged (text I/O, no
-- dimension checks), btree comparisons compare those bytes, distance and
-- conversion functions return NULL, the typmod coercions vector(vector, integer,
-- boolean) etc. are the identity, and the index access methods exist but raise
-- as soon as they are used.
-- Requires superuser (LANGUAGE internal functions, base types).
-- @extension: vector
-- @relocatable: true
-- @requires:
-- @access-methods: ivfflat, hnsw
-- @operator-classes: ivfflat:vector_l2_ops, ivfflat:vector_ip_ops, ivfflat:vector_cosine_ops, ivfflat:halfvec_l2_ops, ivfflat:halfvec_ip_ops, ivfflat:halfvec_cosine_ops, ivfflat:bit_hamming_ops, hnsw:vector_l2_ops, hnsw:vector_ip_ops, hnsw:vector_cosine_ops, hnsw:vector_l1_ops, hnsw:halfvec_l2_ops, hnsw:halfvec_ip_ops, hnsw:halfvec_cosine_ops, hnsw:halfvec_l1_ops, hnsw:sparsevec_l2_ops, hnsw:sparsevec_ip_ops, hnsw:sparsevec_cosine_ops, hnsw:sparsevec_l1_ops, hnsw:bit_hamming_ops, hnsw:bit_jaccard_ops

-- types: vector(n), halfvec(n), sparsevec(n). Text and binary I/O borrowed from
-- `text`; typmod input from `bit` (stores n itself, so with no typmod_out
-- function format_type() prints vector(1536) like the real extension).

create type @extschema@.vector;
create function @extschema@.vector_in(cstring, oid, integer) returns @extschema@.vector immutable strict parallel safe language internal as 'textin';
create function @extschema@.vector_out(@extschema@.vector) returns cstring immutable strict parallel safe language internal as 'textout';
create function @extschema@.vector_typmod_in(cstring[]) returns integer immutable strict parallel safe language internal as 'bittypmodin';
create function @extschema@.vector_recv(internal, oid, integer) returns @extschema@.vector immutable strict parallel safe language internal as 'textrecv';
create function @extschema@.vector_send(@extschema@.vector) returns bytea immutable strict parallel safe language internal as 'textsend';
create type @extschema@.vector (
  input = @extschema@.vector_in, output = @extschema@.vector_out, typmod_in = @extschema@.vector_typmod_in,
  receive = @extschema@.vector_recv, send = @extschema@.vector_send,
  internallength = variable, storage = external
);

create type @extschema@.halfvec;
create function @extschema@.halfvec_in(cstring, oid, integer) returns @extschema@.halfvec immutable strict parallel safe language internal as 'textin';
create function @extschema@.halfvec_out(@extschema@.halfvec) returns cstring immutable strict parallel safe language internal as 'textout';
create function @extschema@.halfvec_typmod_in(cstring[]) returns integer immutable strict parallel safe language internal as 'bittypmodin';
create function @extschema@.halfvec_recv(internal, oid, integer) returns @extschema@.halfvec immutable strict parallel safe language internal as 'textrecv';
create function @extschema@.halfvec_send(@extschema@.halfvec) returns bytea immutable strict parallel safe language internal as 'textsend';
create type @extschema@.halfvec (
  input = @extschema@.halfvec_in, output = @extschema@.halfvec_out, typmod_in = @extschema@.halfvec_typmod_in,
  receive = @extschema@.halfvec_recv, send = @extschema@.halfvec_send,
  internallength = variable, storage = external
);

create type @extschema@.sparsevec;
create function @extschema@.sparsevec_in(cstring, oid, integer) returns @extschema@.sparsevec immutable strict parallel safe language internal as 'textin';
create function @extschema@.sparsevec_out(@extschema@.sparsevec) returns cstring immutable strict parallel safe language internal as 'textout';
create function @extschema@.sparsevec_typmod_in(cstring[]) returns integer immutable strict parallel safe language internal as 'bittypmodin';
create function @extschema@.sparsevec_recv(internal, oid, integer) returns @extschema@.sparsevec immutable strict parallel safe language internal as 'textrecv';
create function @extschema@.sparsevec_send(@extschema@.sparsevec) returns bytea immutable strict parallel safe language internal as 'textsend';
create type @extschema@.sparsevec (
  input = @extschema@.sparsevec_in, output = @extschema@.sparsevec_out, typmod_in = @extschema@.sparsevec_typmod_in,
  receive = @extschema@.sparsevec_recv, send = @extschema@.sparsevec_send,
  internallength = variable, storage = external
);

-- typmod coercions (identity) and conversions (NULL)
create function @extschema@.vector(@extschema@.vector, integer, boolean) returns @extschema@.vector immutable strict parallel safe language sql as 'select $1';
create function @extschema@.halfvec(@extschema@.halfvec, integer, boolean) returns @extschema@.halfvec immutable strict parallel safe language sql as 'select $1';
create function @extschema@.sparsevec(@extschema@.sparsevec, integer, boolean) returns @extschema@.sparsevec immutable strict parallel safe language sql as 'select $1';
create function @extschema@.array_to_vector(integer[], integer, boolean) returns @extschema@.vector immutable strict parallel safe language sql as 'select null::@extschema@.vector';
create function @extschema@.array_to_vector(real[], integer, boolean) returns @extschema@.vector immutable strict parallel safe language sql as 'select null::@extschema@.vector';
create function @extschema@.array_to_vector(double precision[], integer, boolean) returns @extschema@.vector immutable strict parallel safe language sql as 'select null::@extschema@.vector';
create function @extschema@.array_to_vector(numeric[], integer, boolean) returns @extschema@.vector immutable strict parallel safe language sql as 'select null::@extschema@.vector';
create function @extschema@.array_to_halfvec(integer[], integer, boolean) returns @extschema@.halfvec immutable strict parallel safe language sql as 'select null::@extschema@.halfvec';
create function @extschema@.array_to_halfvec(real[], integer, boolean) returns @extschema@.halfvec immutable strict parallel safe language sql as 'select null::@extschema@.halfvec';
create function @extschema@.array_to_halfvec(double precision[], integer, boolean) returns @extschema@.halfvec immutable strict parallel safe language sql as 'select null::@extschema@.halfvec';
create function @extschema@.array_to_halfvec(numeric[], integer, boolean) returns @extschema@.halfvec immutable strict parallel safe language sql as 'select null::@extschema@.halfvec';
create function @extschema@.array_to_sparsevec(integer[], integer, boolean) returns @extschema@.sparsevec immutable strict parallel safe language sql as 'select null::@extschema@.sparsevec';
create function @extschema@.array_to_sparsevec(real[], integer, boolean) returns @extschema@.sparsevec immutable strict parallel safe language sql as 'select null::@extschema@.sparsevec';
create function @extschema@.array_to_sparsevec(double precision[], integer, boolean) returns @extschema@.sparsevec immutable strict parallel safe language sql as 'select null::@extschema@.sparsevec';
create function @extschema@.array_to_sparsevec(numeric[], integer, boolean) returns @extschema@.sparsevec immutable strict parallel safe language sql as 'select null::@extschema@.sparsevec';
create function @extschema@.vector_to_float4(@extschema@.vector, integer, boolean) returns real[] immutable strict parallel safe language sql as 'select null::real[]';
create function @extschema@.halfvec_to_float4(@extschema@.halfvec, integer, boolean) returns real[] immutable strict parallel safe language sql as 'select null::real[]';
create function @extschema@.vector_to_halfvec(@extschema@.vector, integer, boolean) returns @extschema@.halfvec immutable strict parallel safe language sql as 'select null::@extschema@.halfvec';
create function @extschema@.vector_to_sparsevec(@extschema@.vector, integer, boolean) returns @extschema@.sparsevec immutable strict parallel safe language sql as 'select null::@extschema@.sparsevec';
create function @extschema@.halfvec_to_vector(@extschema@.halfvec, integer, boolean) returns @extschema@.vector immutable strict parallel safe language sql as 'select null::@extschema@.vector';
create function @extschema@.halfvec_to_sparsevec(@extschema@.halfvec, integer, boolean) returns @extschema@.sparsevec immutable strict parallel safe language sql as 'select null::@extschema@.sparsevec';
create function @extschema@.sparsevec_to_vector(@extschema@.sparsevec, integer, boolean) returns @extschema@.vector immutable strict parallel safe language sql as 'select null::@extschema@.vector';
create function @extschema@.sparsevec_to_halfvec(@extschema@.sparsevec, integer, boolean) returns @extschema@.halfvec immutable strict parallel safe language sql as 'select null::@extschema@.halfvec';

-- distances, norms, arithmetic
create function @extschema@.l2_distance(@extschema@.vector, @extschema@.vector) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.inner_product(@extschema@.vector, @extschema@.vector) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.cosine_distance(@extschema@.vector, @extschema@.vector) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.l1_distance(@extschema@.vector, @extschema@.vector) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.vector_l2_squared_distance(@extschema@.vector, @extschema@.vector) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.vector_negative_inner_product(@extschema@.vector, @extschema@.vector) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.vector_spherical_distance(@extschema@.vector, @extschema@.vector) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.l2_distance(@extschema@.halfvec, @extschema@.halfvec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.inner_product(@extschema@.halfvec, @extschema@.halfvec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.cosine_distance(@extschema@.halfvec, @extschema@.halfvec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.l1_distance(@extschema@.halfvec, @extschema@.halfvec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.halfvec_l2_squared_distance(@extschema@.halfvec, @extschema@.halfvec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.halfvec_negative_inner_product(@extschema@.halfvec, @extschema@.halfvec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.halfvec_spherical_distance(@extschema@.halfvec, @extschema@.halfvec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.l2_distance(@extschema@.sparsevec, @extschema@.sparsevec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.inner_product(@extschema@.sparsevec, @extschema@.sparsevec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.cosine_distance(@extschema@.sparsevec, @extschema@.sparsevec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.l1_distance(@extschema@.sparsevec, @extschema@.sparsevec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.sparsevec_l2_squared_distance(@extschema@.sparsevec, @extschema@.sparsevec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.sparsevec_negative_inner_product(@extschema@.sparsevec, @extschema@.sparsevec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.vector_dims(@extschema@.vector) returns integer immutable strict parallel safe language sql as 'select null::integer';
create function @extschema@.vector_dims(@extschema@.halfvec) returns integer immutable strict parallel safe language sql as 'select null::integer';
create function @extschema@.vector_norm(@extschema@.vector) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.l2_norm(@extschema@.halfvec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.l2_norm(@extschema@.sparsevec) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.l2_normalize(@extschema@.vector) returns @extschema@.vector immutable strict parallel safe language sql as 'select null::@extschema@.vector';
create function @extschema@.l2_normalize(@extschema@.halfvec) returns @extschema@.halfvec immutable strict parallel safe language sql as 'select null::@extschema@.halfvec';
create function @extschema@.l2_normalize(@extschema@.sparsevec) returns @extschema@.sparsevec immutable strict parallel safe language sql as 'select null::@extschema@.sparsevec';
create function @extschema@.binary_quantize(@extschema@.vector) returns bit immutable strict parallel safe language sql as 'select null::bit';
create function @extschema@.subvector(@extschema@.vector, integer, integer) returns @extschema@.vector immutable strict parallel safe language sql as 'select null::@extschema@.vector';
create function @extschema@.vector_add(@extschema@.vector, @extschema@.vector) returns @extschema@.vector immutable strict parallel safe language sql as 'select null::@extschema@.vector';
create function @extschema@.vector_sub(@extschema@.vector, @extschema@.vector) returns @extschema@.vector immutable strict parallel safe language sql as 'select null::@extschema@.vector';
create function @extschema@.vector_mul(@extschema@.vector, @extschema@.vector) returns @extschema@.vector immutable strict parallel safe language sql as 'select null::@extschema@.vector';
create function @extschema@.vector_concat(@extschema@.vector, @extschema@.vector) returns @extschema@.vector immutable strict parallel safe language sql as 'select null::@extschema@.vector';
create function @extschema@.binary_quantize(@extschema@.halfvec) returns bit immutable strict parallel safe language sql as 'select null::bit';
create function @extschema@.subvector(@extschema@.halfvec, integer, integer) returns @extschema@.halfvec immutable strict parallel safe language sql as 'select null::@extschema@.halfvec';
create function @extschema@.halfvec_add(@extschema@.halfvec, @extschema@.halfvec) returns @extschema@.halfvec immutable strict parallel safe language sql as 'select null::@extschema@.halfvec';
create function @extschema@.halfvec_sub(@extschema@.halfvec, @extschema@.halfvec) returns @extschema@.halfvec immutable strict parallel safe language sql as 'select null::@extschema@.halfvec';
create function @extschema@.halfvec_mul(@extschema@.halfvec, @extschema@.halfvec) returns @extschema@.halfvec immutable strict parallel safe language sql as 'select null::@extschema@.halfvec';
create function @extschema@.halfvec_concat(@extschema@.halfvec, @extschema@.halfvec) returns @extschema@.halfvec immutable strict parallel safe language sql as 'select null::@extschema@.halfvec';
create function @extschema@.hamming_distance(bit, bit) returns double precision immutable strict parallel safe language sql as 'select null::double precision';
create function @extschema@.jaccard_distance(bit, bit) returns double precision immutable strict parallel safe language sql as 'select null::double precision';

-- btree support: byte-wise comparison of the stored literal (bytea's internal
-- functions work on any varlena and need no collation)
create function @extschema@.vector_lt(@extschema@.vector, @extschema@.vector) returns boolean immutable strict parallel safe language internal as 'bytealt';
create function @extschema@.vector_le(@extschema@.vector, @extschema@.vector) returns boolean immutable strict parallel safe language internal as 'byteale';
create function @extschema@.vector_eq(@extschema@.vector, @extschema@.vector) returns boolean immutable strict parallel safe language internal as 'byteaeq';
create function @extschema@.vector_ne(@extschema@.vector, @extschema@.vector) returns boolean immutable strict parallel safe language internal as 'byteane';
create function @extschema@.vector_ge(@extschema@.vector, @extschema@.vector) returns boolean immutable strict parallel safe language internal as 'byteage';
create function @extschema@.vector_gt(@extschema@.vector, @extschema@.vector) returns boolean immutable strict parallel safe language internal as 'byteagt';
create function @extschema@.vector_cmp(@extschema@.vector, @extschema@.vector) returns integer immutable strict parallel safe language internal as 'byteacmp';
create function @extschema@.halfvec_lt(@extschema@.halfvec, @extschema@.halfvec) returns boolean immutable strict parallel safe language internal as 'bytealt';
create function @extschema@.halfvec_le(@extschema@.halfvec, @extschema@.halfvec) returns boolean immutable strict parallel safe language internal as 'byteale';
create function @extschema@.halfvec_eq(@extschema@.halfvec, @extschema@.halfvec) returns boolean immutable strict parallel safe language internal as 'byteaeq';
create function @extschema@.halfvec_ne(@extschema@.halfvec, @extschema@.halfvec) returns boolean immutable strict parallel safe language internal as 'byteane';
create function @extschema@.halfvec_ge(@extschema@.halfvec, @extschema@.halfvec) returns boolean immutable strict parallel safe language internal as 'byteage';
create function @extschema@.halfvec_gt(@extschema@.halfvec, @extschema@.halfvec) returns boolean immutable strict parallel safe language internal as 'byteagt';
create function @extschema@.halfvec_cmp(@extschema@.halfvec, @extschema@.halfvec) returns integer immutable strict parallel safe language internal as 'byteacmp';
create function @extschema@.sparsevec_lt(@extschema@.sparsevec, @extschema@.sparsevec) returns boolean immutable strict parallel safe language internal as 'bytealt';
create function @extschema@.sparsevec_le(@extschema@.sparsevec, @extschema@.sparsevec) returns boolean immutable strict parallel safe language internal as 'byteale';
create function @extschema@.sparsevec_eq(@extschema@.sparsevec, @extschema@.sparsevec) returns boolean immutable strict parallel safe language internal as 'byteaeq';
create function @extschema@.sparsevec_ne(@extschema@.sparsevec, @extschema@.sparsevec) returns boolean immutable strict parallel safe language internal as 'byteane';
create function @extschema@.sparsevec_ge(@extschema@.sparsevec, @extschema@.sparsevec) returns boolean immutable strict parallel safe language internal as 'byteage';
create function @extschema@.sparsevec_gt(@extschema@.sparsevec, @extschema@.sparsevec) returns boolean immutable strict parallel safe language internal as 'byteagt';
create function @extschema@.sparsevec_cmp(@extschema@.sparsevec, @extschema@.sparsevec) returns integer immutable strict parallel safe language internal as 'byteacmp';

-- aggregate support
create function @extschema@.vector_accum(double precision[], @extschema@.vector) returns double precision[] immutable strict parallel safe language sql as 'select $1';
create function @extschema@.vector_avg(double precision[]) returns @extschema@.vector immutable strict parallel safe language sql as 'select null::@extschema@.vector';
create function @extschema@.vector_combine(double precision[], double precision[]) returns double precision[] immutable strict parallel safe language sql as 'select $1';
create function @extschema@.halfvec_accum(double precision[], @extschema@.halfvec) returns double precision[] immutable strict parallel safe language sql as 'select $1';
create function @extschema@.halfvec_avg(double precision[]) returns @extschema@.halfvec immutable strict parallel safe language sql as 'select null::@extschema@.halfvec';
create function @extschema@.halfvec_combine(double precision[], double precision[]) returns double precision[] immutable strict parallel safe language sql as 'select $1';

-- index access method handlers and support functions: bound to pseudo-type
-- input functions, which raise ("cannot accept a value of type ...") if ever
-- invoked, so CREATE INDEX ... USING hnsw / ivfflat fails with this stand-in.
-- The hnsw / ivfflat operator classes are recorded in the header only.
create function @extschema@.ivfflathandler(internal) returns index_am_handler language internal as 'index_am_handler_in';
create function @extschema@.hnswhandler(internal) returns index_am_handler language internal as 'index_am_handler_in';
create function @extschema@.ivfflat_halfvec_support(internal) returns internal language internal as 'internal_in';
create function @extschema@.ivfflat_bit_support(internal) returns internal language internal as 'internal_in';
create function @extschema@.hnsw_halfvec_support(internal) returns internal language internal as 'internal_in';
create function @extschema@.hnsw_sparsevec_support(internal) returns internal language internal as 'internal_in';
create function @extschema@.hnsw_bit_support(internal) returns internal language internal as 'internal_in';
create access method ivfflat type index handler @extschema@.ivfflathandler;
create access method hnsw type index handler @extschema@.hnswhandler;

-- operators
create operator @extschema@.<-> (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.l2_distance, commutator = operator(@extschema@.<->));
create operator @extschema@.<#> (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.vector_negative_inner_product, commutator = operator(@extschema@.<#>));
create operator @extschema@.<=> (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.cosine_distance, commutator = operator(@extschema@.<=>));
create operator @extschema@.<+> (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.l1_distance, commutator = operator(@extschema@.<+>));
create operator @extschema@.+ (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.vector_add, commutator = operator(@extschema@.+));
create operator @extschema@.- (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.vector_sub);
create operator @extschema@.* (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.vector_mul, commutator = operator(@extschema@.*));
create operator @extschema@.|| (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.vector_concat);
create operator @extschema@.< (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.vector_lt, commutator = operator(@extschema@.>), negator = operator(@extschema@.>=), restrict = scalarltsel, join = scalarltjoinsel);
create operator @extschema@.<= (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.vector_le, commutator = operator(@extschema@.>=), negator = operator(@extschema@.>), restrict = scalarlesel, join = scalarlejoinsel);
create operator @extschema@.= (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.vector_eq, commutator = operator(@extschema@.=), negator = operator(@extschema@.<>), restrict = eqsel, join = eqjoinsel);
create operator @extschema@.<> (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.vector_ne, commutator = operator(@extschema@.<>), negator = operator(@extschema@.=), restrict = neqsel, join = neqjoinsel);
create operator @extschema@.>= (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.vector_ge, commutator = operator(@extschema@.<=), negator = operator(@extschema@.<), restrict = scalargesel, join = scalargejoinsel);
create operator @extschema@.> (leftarg = @extschema@.vector, rightarg = @extschema@.vector, function = @extschema@.vector_gt, commutator = operator(@extschema@.<), negator = operator(@extschema@.<=), restrict = scalargtsel, join = scalargtjoinsel);
create operator @extschema@.<-> (leftarg = @extschema@.halfvec, rightarg = @extschema@.halfvec, function = @extschema@.l2_distance, commutator = operator(@extschema@.<->));
create operator @extschema@.<#> (leftarg = @extschema@.halfvec, rightarg = @extschema@.halfvec, function = @extschema@.halfvec_negative_inner_product, commutator = operator(@extschema@.<#>));
create operator @extschema@.<=> (leftarg = @extschema@.halfvec, rightarg = @extschema@.halfvec, function = @extschema@.cosine_distance, commutator = operator(@extschema@.<=>));
create operator @extschema@.<+> (leftarg = @extschema@.halfvec, rightarg = @extschema@.halfvec, function = @extschema@.l1_distance, commutator = operator(@extschema@.<+>));
create operator @extschema@.+ (leftarg = @extschema@.halfvec, rightarg = @extschema@.halfvec, function = @extschema@.halfvec_add, commutator = operator(@extschema@.+));
create operator @extschema@.- (leftarg = @extschema@.halfvec, rightarg = @extschema@.halfvec, function = @extschema@.halfvec_sub);
create operator @extschema@.* (leftarg = @extschema@.halfvec, rightarg = @extschema@.halfvec, function = @extschema@.halfvec_mul, commutator = operator(@extschema@.*));
create operator @extschema@.|| (leftarg = @extschema@.halfvec, rightarg = @extschema@.halfvec, function = @extschema@.halfvec_concat);
create operator @extschema@.< (leftarg = @extschema@.halfvec, rightarg = @extschema@.halfvec, function = @extschema@.halfvec_lt, commutator = operator(@extschema@.>), negator = operator(@extschema@.>=), restrict = scalarltsel, join = scalarltjoinsel);
create operator @extschema@.<= (leftarg = @extschema@.halfvec, rightarg = @extschema@.halfvec, function = @extschema@.halfvec_le, commutator = operator(@extschema@.>=), negator = operator(@extschema@.>), restrict = scalarlesel, join = scalarlejoinsel);
create operator @extschema@.= (leftarg = @extschema@.halfvec, rightarg = @extschema@.halfvec, function = @extschema@.halfvec_eq, commutator = operator(@extschema@.=), negator = operator(@extschema@.<>), restrict = eqsel, join = eqjoinsel);
create operator @extschema@.<> (leftarg = @extschema@.halfvec, rightarg = @extschema@.halfvec, function = @extschema@.halfvec_ne, commutator = operator(@extschema@.<>), negator = operator(@extschema@.=), restrict = neqsel, join = neqjoinsel);
create operator @extschema@.>= (leftarg = @extschema@.halfvec, rightarg = @extschema@.halfvec, function = @extschema@.halfvec_ge, commutator = operator(@extschema@.<=), negator = operator(@extschema@.<), restrict = scalargesel, join = scalargejoinsel);
create operator @extschema@.> (leftarg = @extschema@.halfvec, rightarg = @extschema@.halfvec, function = @extschema@.halfvec_gt, commutator = operator(@extschema@.<), negator = operator(@extschema@.<=), restrict = scalargtsel, join = scalargtjoinsel);
create operator @extschema@.<-> (leftarg = @extschema@.sparsevec, rightarg = @extschema@.sparsevec, function = @extschema@.l2_distance, commutator = operator(@extschema@.<->));
create operator @extschema@.<#> (leftarg = @extschema@.sparsevec, rightarg = @extschema@.sparsevec, function = @extschema@.sparsevec_negative_inner_product, commutator = operator(@extschema@.<#>));
create operator @extschema@.<=> (leftarg = @extschema@.sparsevec, rightarg = @extschema@.sparsevec, function = @extschema@.cosine_distance, commutator = operator(@extschema@.<=>));
create operator @extschema@.<+> (leftarg = @extschema@.sparsevec, rightarg = @extschema@.sparsevec, function = @extschema@.l1_distance, commutator = operator(@extschema@.<+>));
create operator @extschema@.< (leftarg = @extschema@.sparsevec, rightarg = @extschema@.sparsevec, function = @extschema@.sparsevec_lt, commutator = operator(@extschema@.>), negator = operator(@extschema@.>=), restrict = scalarltsel, join = scalarltjoinsel);
create operator @extschema@.<= (leftarg = @extschema@.sparsevec, rightarg = @extschema@.sparsevec, function = @extschema@.sparsevec_le, commutator = operator(@extschema@.>=), negator = operator(@extschema@.>), restrict = scalarlesel, join = scalarlejoinsel);
create operator @extschema@.= (leftarg = @extschema@.sparsevec, rightarg = @extschema@.sparsevec, function = @extschema@.sparsevec_eq, commutator = operator(@extschema@.=), negator = operator(@extschema@.<>), restrict = eqsel, join = eqjoinsel);
create operator @extschema@.<> (leftarg = @extschema@.sparsevec, rightarg = @extschema@.sparsevec, function = @extschema@.sparsevec_ne, commutator = operator(@extschema@.<>), negator = operator(@extschema@.=), restrict = neqsel, join = neqjoinsel);
create operator @extschema@.>= (leftarg = @extschema@.sparsevec, rightarg = @extschema@.sparsevec, function = @extschema@.sparsevec_ge, commutator = operator(@extschema@.<=), negator = operator(@extschema@.<), restrict = scalargesel, join = scalargejoinsel);
create operator @extschema@.> (leftarg = @extschema@.sparsevec, rightarg = @extschema@.sparsevec, function = @extschema@.sparsevec_gt, commutator = operator(@extschema@.<), negator = operator(@extschema@.<=), restrict = scalargtsel, join = scalargtjoinsel);
create operator @extschema@.<~> (leftarg = bit, rightarg = bit, function = @extschema@.hamming_distance, commutator = operator(@extschema@.<~>));
create operator @extschema@.<%> (leftarg = bit, rightarg = bit, function = @extschema@.jaccard_distance, commutator = operator(@extschema@.<%>));

-- aggregates
create aggregate @extschema@.avg(@extschema@.vector) (sfunc = @extschema@.vector_accum, stype = double precision[], finalfunc = @extschema@.vector_avg, combinefunc = @extschema@.vector_combine, initcond = '{0}', parallel = safe);
create aggregate @extschema@.sum(@extschema@.vector) (sfunc = @extschema@.vector_add, stype = @extschema@.vector, combinefunc = @extschema@.vector_add, parallel = safe);
create aggregate @extschema@.avg(@extschema@.halfvec) (sfunc = @extschema@.halfvec_accum, stype = double precision[], finalfunc = @extschema@.halfvec_avg, combinefunc = @extschema@.halfvec_combine, initcond = '{0}', parallel = safe);
create aggregate @extschema@.sum(@extschema@.halfvec) (sfunc = @extschema@.halfvec_add, stype = @extschema@.halfvec, combinefunc = @extschema@.halfvec_add, parallel = safe);

-- casts (array and cross-type casts keep the literal: WITH INOUT)
create cast (@extschema@.vector as @extschema@.vector) with function @extschema@.vector(@extschema@.vector, integer, boolean) as implicit;
create cast (@extschema@.halfvec as @extschema@.halfvec) with function @extschema@.halfvec(@extschema@.halfvec, integer, boolean) as implicit;
create cast (@extschema@.sparsevec as @extschema@.sparsevec) with function @extschema@.sparsevec(@extschema@.sparsevec, integer, boolean) as implicit;
create cast (integer[] as @extschema@.vector) with inout as assignment;
create cast (real[] as @extschema@.vector) with inout as assignment;
create cast (double precision[] as @extschema@.vector) with inout as assignment;
create cast (numeric[] as @extschema@.vector) with inout as assignment;
create cast (integer[] as @extschema@.halfvec) with inout as assignment;
create cast (real[] as @extschema@.halfvec) with inout as assignment;
create cast (double precision[] as @extschema@.halfvec) with inout as assignment;
create cast (numeric[] as @extschema@.halfvec) with inout as assignment;
create cast (integer[] as @extschema@.sparsevec) with inout as assignment;
create cast (real[] as @extschema@.sparsevec) with inout as assignment;
create cast (double precision[] as @extschema@.sparsevec) with inout as assignment;
create cast (numeric[] as @extschema@.sparsevec) with inout as assignment;
create cast (@extschema@.vector as real[]) with inout as implicit;
create cast (@extschema@.halfvec as real[]) with inout as implicit;
create cast (@extschema@.vector as @extschema@.halfvec) with inout as implicit;
create cast (@extschema@.halfvec as @extschema@.vector) with inout as implicit;
create cast (@extschema@.vector as @extschema@.sparsevec) with inout as assignment;
create cast (@extschema@.sparsevec as @extschema@.vector) with inout as assignment;
create cast (@extschema@.halfvec as @extschema@.sparsevec) with inout as assignment;
create cast (@extschema@.sparsevec as @extschema@.halfvec) with inout as assignment;

-- btree operator classes (the real extension's vector_ops, halfvec_ops, sparsevec_ops)
create operator class @extschema@.vector_ops default for type @extschema@.vector using btree as
  operator 1 @extschema@.< , operator 2 @extschema@.<= , operator 3 @extschema@.= , operator 4 @extschema@.>= , operator 5 @extschema@.> ,
  function 1 @extschema@.vector_cmp(@extschema@.vector, @extschema@.vector);
create operator class @extschema@.halfvec_ops default for type @extschema@.halfvec using btree as
  operator 1 @extschema@.< , operator 2 @extschema@.<= , operator 3 @extschema@.= , operator 4 @extschema@.>= , operator 5 @extschema@.> ,
  function 1 @extschema@.halfvec_cmp(@extschema@.halfvec, @extschema@.halfvec);
create operator class @extschema@.sparsevec_ops default for type @extschema@.sparsevec using btree as
  operator 1 @extschema@.< , operator 2 @extschema@.<= , operator 3 @extschema@.= , operator 4 @extschema@.>= , operator 5 @extschema@.> ,
  function 1 @extschema@.sparsevec_cmp(@extschema@.sparsevec, @extschema@.sparsevec);
