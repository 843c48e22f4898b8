#!/usr/bin/env bash
# Checks deploy/ without a Docker engine or a cluster: the compose file (docker-compose config) and every kustomize
# tree (kubectl kustomize), then a schema check of what they render (tools/k8s-schema-check). Installs what it needs
# when missing (Debian: apt-get; npm). Exits non-zero on the first failure.
#   deploy/validate.sh [--crds DIR] [--require-crds]
# --crds DIR: CustomResourceDefinitions (YAML) to check the operators' resources against, e.g. written where the
# operators are installed: kubectl get crd kafkas.kafka.strimzi.io kafkanodepools.kafka.strimzi.io \
#   clusters.postgresql.cnpg.io mongodbcommunity.mongodbcommunity.mongodb.com -o yaml > DIR/operators.yaml
# Without them those resources are rendered but not schema-checked (listed as NOT CHECKED); --require-crds fails then.
set -euo pipefail
deploy=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$deploy")
check_args=()
while (( $# )); do
  case "$1" in
    --crds) check_args+=(--crds "$(cd "$2" && pwd)"); shift 2 ;;
    --require-crds) check_args+=(--require-crds); shift ;;
    *) echo "usage: deploy/validate.sh [--crds DIR] [--require-crds]" >&2; exit 2 ;;
  esac
done

install() { # install <command> <debian package...>
  command -v "$1" >/dev/null && return
  echo "== installing $1 (apt-get install ${*:2})"
  local sudo=(); (( EUID == 0 )) || sudo=(sudo)
  "${sudo[@]}" apt-get install -y -q "${@:2}" >/dev/null || { "${sudo[@]}" apt-get update -q >/dev/null && "${sudo[@]}" apt-get install -y -q "${@:2}" >/dev/null; }
}
install docker-compose docker-compose   # Debian's 1.29: validates without an engine
install openssl openssl                 # make-secrets.sh
install jq jq
install htpasswd apache2-utils
install node nodejs
install npm npm
# kustomize v5 (kubectl 1.27 or later): Debian's own kubernetes-client (1.20) is too old for these trees
install kubectl kubectl

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== compose: docker-compose $(docker-compose version --short) config"
# A copy with throwaway secrets (make-secrets.sh, one client), so that the real secrets/ is never read or written.
mkdir -p "$work/repo/authorization-server/src/main/resources/identity"
cp "$repo/authorization-server/src/main/resources/identity/clients.v1.json" "$work/repo/authorization-server/src/main/resources/identity/"
tar -C "$repo" --exclude=deploy/compose/secrets --exclude=deploy/compose/.env --exclude=deploy/tools -cf - deploy | tar -C "$work/repo" -xf -
mkdir -p "$work/repo/deploy/compose/secrets"
"$work/repo/deploy/compose/make-secrets.sh" district-centre >/dev/null
(cd "$work/repo/deploy/compose" && docker-compose -f docker-compose.yml config -q)
services=$(cd "$work/repo/deploy/compose" && docker-compose -f docker-compose.yml config --services | xargs)
echo "compose: ok ($(wc -w <<<"$services") services: $services)"

echo "== kubernetes: kubectl kustomize ($(kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: //p'))"
rendered=()
for tree in "$deploy"/k8s/base "$deploy"/k8s/overlays/*/; do
  tree=${tree%/}
  name=$(basename "$tree")
  kubectl kustomize "$tree" > "$work/$name.yaml"
  echo "kustomize $name: ok ($(grep -c '^kind:' "$work/$name.yaml") resources)"
  rendered+=("$work/$name.yaml")
done

echo "== kubernetes: schema check (kubernetes-models; CRDs: ${check_args[*]:-none given})"
tools="$deploy/tools/k8s-schema-check"
if [[ ! -d "$tools/node_modules" ]]; then
  (cd "$tools" && npm ci --no-fund --no-audit --loglevel=error >/dev/null)
fi
node "$tools/check.mjs" "${check_args[@]}" "${rendered[@]}"
echo "== deploy/validate.sh: ok"
