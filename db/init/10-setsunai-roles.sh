#!/usr/bin/env bash
# PostgreSQL image init hook (runs once, on an empty data volume): creates the service roles
# and schemas from db/roles.sql with the passwords given to the postgres container.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v catalog_password="${CATALOG_DB_PASSWORD:?CATALOG_DB_PASSWORD is required}" \
  -v songs_password="${SONGS_DB_PASSWORD:?SONGS_DB_PASSWORD is required}" \
  -f /setsunai/roles.sql
