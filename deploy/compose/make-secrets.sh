#!/usr/bin/env bash
# Writes the compose stack's secrets into secrets/ (git ignores them) and .env from .env.example, each only when it
# is missing: a key that sealed personal data, or a password a database was made with, must never change under it.
# Needs openssl, jq and htpasswd (Debian: apt-get install openssl jq apache2-utils).
# Usage: ./make-secrets.sh [client-id ...]   (the callers to give a secret; default: every client of the clients file)
set -euo pipefail
cd "$(dirname "$0")"
for tool in openssl jq htpasswd; do
  command -v "$tool" >/dev/null || { echo "make-secrets.sh needs $tool (Debian: apt-get install openssl jq apache2-utils)" >&2; exit 1; }
done
clients_file=../../authorization-server/src/main/resources/identity/clients.v1.json

# The directory is the owner's only; the files in it are readable so that the containers' own (non-root) users
# can read the read-only bind mounts compose makes of them.
mkdir -p secrets && chmod 700 secrets
umask 022
written=()
new() { # new <file> <command...>: writes the command's output to secrets/<file> unless it exists
  local file="secrets/$1"; shift
  if [[ -e "$file" ]]; then return; fi
  "$@" > "$file"
  written+=("$file")
}
random() { openssl rand -hex 24 | tr -d '\n'; }
key32() { openssl rand -base64 32 | tr -d '\n'; }

new postgres_password random
new mongo_root_password random
new mongo_governance_password random
new mongo_keyfile openssl rand -base64 756
new grafana_admin_password random

mongo_uri="mongodb://governance:$(cat secrets/mongo_governance_password)@mongo-1:27017,mongo-2:27017,mongo-3:27017/?replicaSet=rs0&authSource=admin"
service_env() { # the variables of deploy/README.md that are secrets; personal-data keys only where the service seals
  echo "GOVERNANCE_POSTGRES_PASSWORD=$(cat secrets/postgres_password)"
  echo "GOVERNANCE_MONGO_URI=$mongo_uri"
  if [[ "$1" == personal-data ]]; then
    echo "GOVERNANCE_PERSONAL_DATA_MASTER_KEY=$(key32)"
    echo "GOVERNANCE_PERSONAL_DATA_PSEUDONYM_KEY=$(key32)"
  fi
}
new case-service.env service_env personal-data
new party-registry-service.env service_env personal-data
new dispatch-service.env service_env none
new assessment-service.env service_env none

# Callers' secrets: the server gets bcrypt hashes only; the clear ones go to issued-client-secrets (owner-only), to
# hand to each caller over a safe channel and then delete.
if [[ ! -e secrets/identity_client_secrets ]]; then
  if (( $# > 0 )); then clients=("$@"); else mapfile -t clients < <(jq -r '.clients[].clientId' "$clients_file"); fi
  ( umask 077; : > secrets/issued-client-secrets )
  {
    echo "# <clientId>: {bcrypt}<hash>   (authorization-server/README.md, \"Secrets\")"
    for client in "${clients[@]}"; do
      secret=$(openssl rand -base64 24 | tr -d '\n')
      echo "$client: $secret" >> secrets/issued-client-secrets
      echo "$client: {bcrypt}$(htpasswd -nbBC 10 '' "$secret" | tr -d ':\n')"
    done
  } > secrets/identity_client_secrets
  written+=(secrets/identity_client_secrets secrets/issued-client-secrets)
fi

if [[ ! -e .env ]]; then
  cluster_id=$(openssl rand 16 | base64 | tr '+/' '-_' | tr -d '=\n')
  sed "s/^KAFKA_CLUSTER_ID=.*/KAFKA_CLUSTER_ID=$cluster_id/" .env.example > .env
  written+=(.env)
fi

if (( ${#written[@]} )); then printf 'written: %s\n' "${written[@]}"; else echo "nothing to write: every secret exists"; fi
