-- Setsunai database roles and schemas: one role per data service, owning its own schema
-- and nothing else. Run as a superuser; idempotent, so it is safe on every start.
--
-- The passwords come in as psql variables (psql -v catalog_password=... -v songs_password=...).
-- The same file is applied by:
--   * docker compose:  db/init/10-setsunai-roles.sh (PostgreSQL image init hook)
--   * ./run.sh and the tests: setsunai.testsupport.DatabaseRoles (replaces the variables)

SELECT set_config('setsunai.catalog_password', :'catalog_password', false),
       set_config('setsunai.songs_password', :'songs_password', false);

-- Shared, read-only extension functions (unaccent, trigram matching) used by both services' search.
CREATE SCHEMA IF NOT EXISTS extensions;
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions;

-- Nobody but the owner creates objects in public.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

DO $$
DECLARE
  service text;
BEGIN
  FOREACH service IN ARRAY ARRAY['catalog', 'songs'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = service) THEN
      EXECUTE format('CREATE ROLE %I', service);
    END IF;
    EXECUTE format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD %L',
                   service, current_setting('setsunai.' || service || '_password'));
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', service, service);
    EXECUTE format('ALTER SCHEMA %I OWNER TO %I', service, service);
    EXECUTE format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', service);
    EXECUTE format('GRANT USAGE ON SCHEMA extensions TO %I', service);
    EXECUTE format('ALTER ROLE %I SET search_path = %I, extensions', service, service);
  END LOOP;
END
$$;

SELECT set_config('setsunai.catalog_password', '', false),
       set_config('setsunai.songs_password', '', false);
