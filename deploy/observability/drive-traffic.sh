#!/usr/bin/env bash
# Drives traffic through the whole closed loop of a running local stack, through the gateway, as the callers who
# would make each call (README "Callers and tokens"; the secrets are the local stack's dev-<clientId>):
#   report (partner) -> file (street centre) -> dispatch (the dispatch service, from the case topic) -> return by the
#   police and reassignment to the market office (street centre) -> accept, report, confirm (agencies) -> verify,
#   close (street centre) -> feedback; a case rejected; a survey import and the year's scoring (assessment); a small
#   registry import; and a few refused calls (401, 404) so the error series exist.
# So every business series the dashboards chart has at least one sample. Usage:
#   deploy/observability/drive-traffic.sh [cases per street, default 2]
# Environment: GATEWAY (http://127.0.0.1:8080), ISSUER (http://127.0.0.1:9000). Needs curl and jq.
set -euo pipefail
GATEWAY=${GATEWAY:-http://127.0.0.1:8080}
ISSUER=${ISSUER:-http://127.0.0.1:9000}
PER_STREET=${1:-2}
ITEM=1501   # unlicensed stalls: a joint task of the street's squad (lead) and police station (assisting)
# the first grid of three streets: Huayang Road (the return and reassignment), Jiangsu Road, Xianxia Road
GRIDS=(310105001000001 310105002000001 310105008000001)
YEAR=$(TZ=Asia/Shanghai date +%Y)

declare -A TOKENS
token() {
  local client=$1
  if [[ -z ${TOKENS[$client]:-} ]]; then
    TOKENS[$client]=$(curl -sf -u "$client:dev-$client" -d grant_type=client_credentials "$ISSUER/oauth2/token" | jq -r .access_token || true)
  fi
  echo "${TOKENS[$client]}"
}
get() { curl -sf "$GATEWAY$2" -H "Authorization: Bearer $(token "$1")"; }
# post CLIENT PATH BODY: an action with If-Match * (any current version); fails on anything but 2xx
post() {
  local out status
  out=$(curl -s -w '\n%{http_code}' -X POST "$GATEWAY$2" -H "Authorization: Bearer $(token "$1")" \
    -H 'Content-Type: application/json' -H 'If-Match: *' -d "$3")
  status=${out##*$'\n'}
  if [[ $status != 2* ]]; then echo "POST $2 as $1: $status ${out%$'\n'*}" >&2; return 1; fi
  echo "${out%$'\n'*}"
}
# wait_for CLIENT PATH JQ-CONDITION: polls a read until the condition holds (the read models follow the events)
wait_for() {
  for _ in $(seq 1 100); do
    if body=$(get "$1" "$2" 2>/dev/null) && [[ $(jq -r "$3" <<<"$body") == true ]]; then echo "$body"; return 0; fi
    sleep 0.2
  done
  echo "timed out waiting for $2 to satisfy $3" >&2; return 1
}
# who acts for an agency on an order: a stationed agency itself (it has a client), a street team its street centre,
# a district unit the district centre (LocalCallers.actingClient)
acting() {
  if [[ -n $(token "agency-$1" 2>/dev/null) && $(token "agency-$1") != null ]]; then echo "agency-$1"
  elif [[ $1 =~ ^[0-9]{9}- ]]; then echo "street-${1%%-*}"
  else echo district-centre; fi
}

one_case() {
  local grid=$1 street=${1:0:9} reassign=$2 n=$3
  local centre lat lng case_id order parts lead
  centre=$(get district-centre "/api/v1/geography/grids/$grid" | jq -c .centre)
  lat=$(jq .lat <<<"$centre"); lng=$(jq .lng <<<"$centre")
  case_id=$(curl -sf -X POST "$GATEWAY/api/v1/cases" -H "Authorization: Bearer $(token partner-hotline-12345)" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: verify-$grid-$n-$RANDOM$RANDOM" \
    -d "{\"itemCode\":\"$ITEM\",\"location\":{\"latitude\":$lat,\"longitude\":$lng,\"address\":\"verify $n\"},
         \"description\":\"Unlicensed stalls (verification traffic)\",\"source\":\"HOTLINE_12345\",\"reporter\":{\"name\":\"Li\"}}" \
    | jq -r .caseId)
  wait_for "street-$street" "/api/v1/cases/$case_id" '.step == "REPORTED"' >/dev/null
  post "street-$street" "/api/v1/cases/$case_id/file" '{}' >/dev/null
  order="$case_id-r0"
  order_json=$(wait_for district-centre "/api/v1/dispatch-orders/$order" '.order.version >= 2 and .order.state == "AWAITING_ACCEPTANCE"')
  lead=$(jq -r .order.leadAgencyId <<<"$order_json")
  parts=$(jq -r '.order.parts[].agencyId' <<<"$order_json")
  if [[ $reassign == yes ]]; then
    local police market="$street-market"
    police=$(grep -- '-police$' <<<"$parts" | head -1)
    post "agency-$police" "/api/v1/dispatch-orders/$order/return" "{\"agencyId\":\"$police\",\"reason\":\"WRONG_AGENCY\",\"note\":\"licensing\"}" >/dev/null
    post "street-$street" "/api/v1/dispatch-orders/$order/reassign" "{\"returnedAgencyId\":\"$police\",\"toAgencyId\":\"$market\",\"note\":\"market office licenses stalls\"}" >/dev/null
    parts=$(sed "s/^$police\$/$market/" <<<"$parts")
  fi
  post "$(acting "$lead")" "/api/v1/dispatch-orders/$order/accept" "{\"agencyId\":\"$lead\"}" >/dev/null
  post "$(acting "$lead")" "/api/v1/dispatch-orders/$order/report" "{\"agencyId\":\"$lead\",\"result\":\"RESOLVED\",\"note\":\"cleared\"}" >/dev/null
  for part in $parts; do
    [[ $part == "$lead" ]] && continue
    post "$(acting "$part")" "/api/v1/dispatch-orders/$order/accept" "{\"agencyId\":\"$part\"}" >/dev/null
    post "$(acting "$part")" "/api/v1/dispatch-orders/$order/confirm" "{\"agencyId\":\"$part\"}" >/dev/null
  done
  wait_for "street-$street" "/api/v1/cases/$case_id" '.step == "HANDLED"' >/dev/null
  post "street-$street" "/api/v1/cases/$case_id/verify" '{"fixed":true}' >/dev/null
  post "street-$street" "/api/v1/cases/$case_id/close" '{"resolution":"FIXED"}' >/dev/null
  wait_for "street-$street" "/api/v1/cases/$case_id" '.step == "CLOSED"' >/dev/null
  post "street-$street" "/api/v1/cases/$case_id/feedback" '{"satisfaction":"SATISFIED","comment":"clear"}' >/dev/null
  echo "  case $case_id in $street: reported, filed, dispatched ($lead leads$([[ $reassign == yes ]] && echo '; returned, reassigned')), handled, closed, assessed"
}

echo "closed loop, $PER_STREET case(s) in each of ${#GRIDS[@]} streets:"
for grid in "${GRIDS[@]}"; do
  for n in $(seq 1 "$PER_STREET"); do
    one_case "$grid" "$([[ $grid == "${GRIDS[0]}" && $n == 1 ]] && echo yes || echo no)" "$n"
  done
done

# a case left open (filed, its order awaiting acceptance) so the open-case and open-order gauges show one, and one rejected
open_case=$(curl -sf -X POST "$GATEWAY/api/v1/cases" -H "Authorization: Bearer $(token partner-city-platform)" \
  -H 'Content-Type: application/json' -d '{"itemCode":"1501","location":{"latitude":31.2155,"longitude":121.4231,"address":"verify open"},
  "description":"Stalls again (verification traffic)","source":"PARTNER_SYSTEM","reporter":{"name":"Wang"}}' | jq -r .caseId)
street=$(wait_for district-centre "/api/v1/cases/$open_case" '.streetCode != null' | jq -r .streetCode)
post "street-$street" "/api/v1/cases/$open_case/file" '{}' >/dev/null
echo "  case $open_case in $street: filed and left open"
rejected=$(curl -sf -X POST "$GATEWAY/api/v1/cases" -H "Authorization: Bearer $(token partner-hotline-12345)" \
  -H 'Content-Type: application/json' -d '{"itemCode":"1501","location":{"latitude":31.2155,"longitude":121.4231,"address":"verify rejected"},
  "description":"Not a problem (verification traffic)","source":"HOTLINE_12345","reporter":{"name":"Zhao"}}' | jq -r .caseId)
street=$(wait_for district-centre "/api/v1/cases/$rejected" '.streetCode != null' | jq -r .streetCode)
post "street-$street" "/api/v1/cases/$rejected/reject" '{"reason":"INVALID","note":"nothing found on site"}' >/dev/null \
  && echo "  case $rejected in $street: rejected" || echo "  (the rejection was refused; see above)"

echo "assessment: a survey import, the year $YEAR opened and scored"
csv=$'responseId,respondentCategory,answeredOn,Q01,Q02\r\n'
for i in 1 2 3 4 5; do csv+="verify-$RANDOM$i,RESIDENT,$YEAR-$(TZ=Asia/Shanghai date +%m-%d),5,4"$'\r\n'; done
curl -sf -X POST "$GATEWAY/api/v1/assessments/surveys/310105001/$YEAR/responses" -H "Authorization: Bearer $(token street-310105001)" \
  -H 'Content-Type: text/csv' --data-binary "$csv" | head -c 300 || echo "  (survey import refused)"; echo
curl -s -o /dev/null -w '  open period %{http_code}\n' -X POST "$GATEWAY/api/v1/assessments/periods" -H "Authorization: Bearer $(token district-centre)" \
  -H 'Content-Type: application/json' -d "{\"period\":\"$YEAR\"}"
curl -s -o /dev/null -w '  scoring %{http_code}\n' -X POST "$GATEWAY/api/v1/assessments/periods/$YEAR/scoring" -H "Authorization: Bearer $(token district-centre)"

echo "registry: a two-row organisations import"
job=$(curl -sf -X POST "$GATEWAY/api/v1/party/imports?kind=organizations" -H "Authorization: Bearer $(token registry-staff)" \
  -H 'Content-Type: text/csv' --data-binary $'code,name,kind,level,parentCode,streetCode,residentialAreaCode,foundedOn\n310105001-7901,中共验证委员会,GOVERNMENT_BODY,COMMITTEE,,310105001,,1990-05-01\n310105001-7902,中共验证第一支部委员会,RESIDENT_UNIT,BRANCH,310105001-7901,310105001,,2001-01-01\n' \
  | jq -r .jobId)
wait_for registry-staff "/api/v1/party/imports/$job" '.status == "SUCCEEDED" or .status == "FAILED"' | jq -c '{status, rowsRead, accepted, unchanged, rejected}'

echo "refused calls: no token (401), an unknown case (404)"
curl -s -o /dev/null -w '  %{http_code}\n' "$GATEWAY/api/v1/cases"
curl -s -o /dev/null -w '  %{http_code}\n' "$GATEWAY/api/v1/cases/no-such-case" -H "Authorization: Bearer $(token district-centre)"
