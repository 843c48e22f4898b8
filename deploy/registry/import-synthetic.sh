#!/usr/bin/env bash
# Generates a synthetic party-building registry (plausible names, valid identity numbers and credit codes, the
# district's streets and 185 residential areas) and imports it into a running local stack through the gateway's
# import API, file by file in the order the files depend on each other, printing each job's counts and times.
#
#   deploy/registry/import-synthetic.sh [small|full] [seed]     (default: small, seed 2016)
#
# Needs the local stack up (./run-local, which also installs the modules this uses) and curl. Environment:
# GATEWAY (http://127.0.0.1:8080), ISSUER (http://127.0.0.1:9000), OUT (data/synthetic-registry/<scale>).
# The data is synthetic: no real person's number; still, the identity numbers are valid ones in form, so the files
# are written only under data/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/../.."
SCALE=${1:-small}
SEED=${2:-2016}
GATEWAY=${GATEWAY:-http://127.0.0.1:8080}
ISSUER=${ISSUER:-http://127.0.0.1:9000}
OUT=${OUT:-data/synthetic-registry/$SCALE}

./mvnw -q -B -pl registry-synthetic-data exec:java \
  -Dexec.mainClass=cn.changning.governance.syntheticdata.SyntheticRegistryData \
  -Dexec.args="--scale $SCALE --seed $SEED --out $OUT"

TOKEN=$(curl -sf -u registry-staff:dev-registry-staff -d grant_type=client_credentials "$ISSUER/oauth2/token" \
  | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^,\"}]*\).*/\1/p"; }

start=$(date +%s.%N)
for kind in organizations buildings resident-units youth-league-organizations trade-unions members \
            police-officers area-secretaries party-workers; do
  t0=$(date +%s.%N)
  # --data-binary @file streams the file; the gateway and the service store it as it comes
  answer=$(curl -sf -X POST "$GATEWAY/api/v1/party/imports?kind=$kind" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: text/csv' --data-binary "@$OUT/$kind.csv")
  job=$(echo "$answer" | field jobId)
  while :; do
    state=$(curl -sf "$GATEWAY/api/v1/party/imports/$job" -H "Authorization: Bearer $TOKEN")
    status=$(echo "$state" | field status)
    [[ $status == SUCCEEDED || $status == FAILED ]] && break
    sleep 0.5
  done
  t1=$(date +%s.%N)
  printf '%-28s %-9s read %7s  accepted %7s  unchanged %7s  rejected %5s  %6.1f s\n' "$kind" "$status" \
    "$(echo "$state" | field rowsRead)" "$(echo "$state" | field accepted)" "$(echo "$state" | field unchanged)" \
    "$(echo "$state" | field rejected)" "$(awk "BEGIN{print $t1 - $t0}")"
  if [[ $status == FAILED ]]; then echo "$state"; exit 1; fi
  if [[ $(echo "$state" | field rejected) != 0 ]]; then
    echo "  rejections: curl -s '$GATEWAY/api/v1/party/imports/$job/rejections' -H \"Authorization: Bearer \$TOKEN\""
  fi
done
printf 'all files imported in %.1f s\n' "$(awk "BEGIN{print $(date +%s.%N) - $start}")"
