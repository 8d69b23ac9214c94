#!/bin/sh
# First start of the primary (docker-entrypoint-initdb.d): let the replica of
# docker-compose.cluster.yml stream WAL as the depeche user over the compose network.
set -e
echo "host replication depeche all scram-sha-256" >> "$PGDATA/pg_hba.conf"
