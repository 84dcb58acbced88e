-- =====================================================================
-- iNaturalist ORCID capture (forward path)
--
-- Goal: populate public.contributors.orcid for iNat contributors from the
-- ORCID linked on their iNaturalist profile. The iNat v2 API exposes orcid on
-- the embedded observation user object, pre-formatted as a full
-- https://orcid.org/XXXX-XXXX-XXXX-XXXX URI (null when the user has not linked
-- one) — i.e. exactly the form DwC recordedByID will eventually want. We store
-- it as-is. ORCID is sparse on iNat; most contributors stay NULL.
--
-- This is capture-only. iNat occurrences remain excluded from the DwC export
-- (SRC-01), so this does NOT change dwc.occurrences. It enriches the
-- contributors table and seeds future cross-provider identity resolution.
--
-- Three live functions change (each rebased on its CURRENT live definition,
-- confirmed via pg_get_functiondef):
--   1. inaturalist.fetch_observation_page  (live: 20250914232212_cron.sql)
--        + request user.orcid in the v2 RISON `fields` selection. Without this
--          the v2 API omits orcid entirely (v2 is opt-in per field).
--   2. inaturalist.mint_contributor        (live: 20260620000000_resolution_schema.sql)
--        + new orcid arg; ON CONFLICT now DO UPDATE the orcid (COALESCE-guarded
--          so a known orcid is never clobbered by a later NULL).
--   3. inaturalist.upsert_observation_page (live: 20260620000200_resolution_ingest.sql)
--        + extract o.user->>'orcid' and pass it to mint_contributor.
--
-- Existing rows (3072 iNat contributors, 0 with orcid) are NOT backfilled here:
-- inaturalist.observations does not retain the raw user JSON and the upsert's
-- WHEN MATCHED branch does not re-mint (D-16), so re-ingest will not cover them.
-- Backfill is a separate one-time pass over the iNat users API.
-- =====================================================================

-- ---------------------------------------------------------------------
-- 1. fetch_observation_page — add user.orcid to the v2 field selection.
--    Rebased verbatim on the live 20250914232212 version (NOT the superseded
--    20250904165159 one), changing only the user:(...) group.
-- ---------------------------------------------------------------------
CREATE OR REPLACE FUNCTION inaturalist.fetch_observation_page (
  earliest date,
  latest date,
  extent gis.box2d,
  taxon_ids integer[],
  page_no integer,
  per_page integer = 200,
  out total_results integer,
  out results jsonb
) AS $$
  SELECT total_results, results
  FROM
    http.http_get('https://api.inaturalist.org/v2/observations', jsonb_build_object(
      'd1', earliest,
      'd2', latest,
      'licensed', true,
      'nelat', gis.ST_YMax(extent),
      'nelng', gis.ST_XMax(extent),
      'swlat', gis.ST_YMin(extent),
      'swlng', gis.ST_XMin(extent),
      'taxon_id', array_to_string(taxon_ids, ','),
      'geoprivacy', 'open',
      'taxon_geoprivacy', 'open',
      'per_page', per_page,
      'page', page_no,
      'fields', '(id:!t,description:!t,geojson:!t,license_code:!t,time_observed_at:!t,uri:!t,public_positional_accuracy:!t,updated_at:!t,' ||
        'observation_photos:(position:!t,photo:(id:!t,attribution:!t,hidden:!t,license_code:!t,original_dimensions:(height:!t,width:!t),url:!t)),' ||
        'taxon:(id:!t,ancestor_ids:!t),' ||
        'user:(id:!t,login:!t,name:!t,orcid:!t))'
    )),
    jsonb_to_record(content::jsonb) AS page (total_results integer, results jsonb)
$$ LANGUAGE SQL STABLE STRICT;

-- ---------------------------------------------------------------------
-- 2. mint_contributor — accept orcid (default NULL so any 1-arg caller still
--    works during the swap), persist it, and refresh on conflict.
--    SECURITY DEFINER + SET search_path = '' retained (RLS on public.contributors;
--    pg_cron role has no INSERT policy). Every object schema-qualified.
--    COALESCE(EXCLUDED.orcid, public.contributors.orcid): fill or refresh orcid,
--    but never overwrite a known value with NULL (e.g. user posts a new
--    observation after unlinking ORCID). Still idempotent.
-- ---------------------------------------------------------------------
CREATE OR REPLACE FUNCTION inaturalist.mint_contributor(
  inat_login text,
  orcid text DEFAULT NULL
) RETURNS integer LANGUAGE SQL VOLATILE SECURITY DEFINER
SET search_path = '' AS $$
  INSERT INTO public.contributors (name, inat_login, orcid)
  VALUES (inat_login, inat_login, orcid)
  ON CONFLICT (inat_login) DO UPDATE
    SET orcid = COALESCE(EXCLUDED.orcid, public.contributors.orcid);
  SELECT id FROM public.contributors WHERE contributors.inat_login = $1;
$$;

-- ---------------------------------------------------------------------
-- 3. upsert_observation_page — extract orcid and pass to mint_contributor.
--    Rebased verbatim on the live 20260620000200 version; only the USING SELECT
--    gains `o.user->>'orcid' AS orcid` and the WHEN NOT MATCHED VALUES passes
--    v.orcid. WHEN MATCHED still does not touch contributor_id (D-16).
-- ---------------------------------------------------------------------
CREATE OR REPLACE FUNCTION inaturalist.upsert_observation_page (
  page jsonb
) RETURNS void LANGUAGE SQL VOLATILE STRICT
BEGIN ATOMIC
  SELECT inaturalist.ensure_taxa(array_agg(taxon_id::integer))
  FROM
    jsonb_to_recordset(page) AS obs (taxon jsonb),
    jsonb_array_elements(taxon->'ancestor_ids') AS taxon_id;

  MERGE INTO inaturalist.observations AS o USING (
    SELECT
      o.id AS id,
      NULLIF(trim(description), '') AS description,
      gis.ST_Point(geojson.coordinates[1], geojson.coordinates[2]) AS location,
      time_observed_at AS observed_at,
      NULLIF(license_code, '')::public.license AS license_code,
      uri,
      o.user->>'login' AS username,
      o.user->>'orcid' AS orcid,
      taxon.id AS taxon_id,
      current_timestamp AS fetched_at,
      public_positional_accuracy,
      updated_at
    FROM
      jsonb_to_recordset(page) AS o (
        id bigint,
        taxon jsonb,
        description text,
        geojson jsonb,
        time_observed_at timestamptz,
        license_code varchar,
        uri varchar,
        "user" jsonb,
        observation_photos jsonb,
        public_positional_accuracy integer,
        updated_at timestamp
      ), jsonb_to_record(o.geojson) as geojson (coordinates double precision[2]),
      jsonb_to_record(taxon) AS taxon (id integer)
    WHERE time_observed_at IS NOT NULL
  ) AS v ON v.id = o.id
  WHEN MATCHED AND v.updated_at > o.updated_at THEN UPDATE SET
      description = v.description,
      location = v.location,
      observed_at = v.observed_at,
      license_code = v.license_code,
      username = v.username,
      taxon_id = v.taxon_id,
      fetched_at = v.fetched_at,
      public_positional_accuracy = v.public_positional_accuracy,
      updated_at = v.updated_at
  WHEN NOT MATCHED BY TARGET THEN INSERT (id, description, location, observed_at, license_code, uri, username, taxon_id, fetched_at, public_positional_accuracy, updated_at, contributor_id)
    VALUES (v.id, v.description, v.location, v.observed_at, v.license_code, v.uri, v.username, v.taxon_id, v.fetched_at, v.public_positional_accuracy, v.updated_at, inaturalist.mint_contributor(v.username, v.orcid));

  MERGE INTO inaturalist.observation_photos AS p USING (
    SELECT
      observation_photo.id AS id,
      o.id AS observation_id,
      observation_photo.position AS seq,
      photo.attribution,
      photo.hidden,
      NULLIF(photo.license_code, '')::public.license AS license,
      dims::public.dimensions original_dimensions,
      photo.url
    FROM jsonb_to_recordset(page) AS o (id bigint, observation_photos jsonb) JOIN inaturalist.observations AS existing ON existing.id = o.id,
      jsonb_to_recordset(observation_photos) AS observation_photo (id bigint, position smallint, photo jsonb),
      jsonb_to_record(observation_photo.photo) AS photo (id bigint, attribution varchar, hidden boolean, license_code varchar, original_dimensions jsonb, url varchar),
      jsonb_to_record(photo.original_dimensions) AS dims (height int, width int)
  ) AS v ON v.id = p.id
  WHEN NOT MATCHED BY SOURCE
    AND observation_id IN (SELECT DISTINCT id FROM jsonb_to_recordset(page) AS o (id bigint))
    THEN DELETE
  WHEN NOT MATCHED BY TARGET THEN INSERT (
    id, observation_id, seq, attribution, hidden, license, original_dimensions, url
  ) VALUES (v.id, v.observation_id, v.seq, v.attribution, v.hidden, v.license, v.original_dimensions, v.url)
  WHEN MATCHED THEN UPDATE SET
    attribution = v.attribution,
    hidden = v.hidden,
    license = v.license,
    original_dimensions = v.original_dimensions,
    url = v.url,
    seq = v.seq;
END;

-- ---------------------------------------------------------------------
-- 4. Drop the now-orphaned 1-arg mint_contributor. Safe: step 3 rebound the
--    only persistent dependant (upsert_observation_page, BEGIN ATOMIC) to the
--    2-arg version, so nothing references the 1-arg signature anymore.
-- ---------------------------------------------------------------------
DROP FUNCTION IF EXISTS inaturalist.mint_contributor(text);
