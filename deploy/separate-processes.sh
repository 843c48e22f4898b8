#!/usr/bin/env bash
# The platform as separate processes on this machine, as deploy/ runs it, and the closed loop driven through them:
#   1. the embedded engines alone (PostgreSQL, Kafka, the Mongo wire server: local-stack's jar, --engines-only),
#   2. the authorisation server, the four services and the gateway, each from its own jar as its own process,
#      TWO instances each of the case and dispatch services, configured only by deploy/README.md's variables,
#   3. the check (benchmarks' SeparateProcessesCheck): loops through the gateway, then what each instance did (from
#      its own /actuator/prometheus), whether the work was split, and that nothing was done twice (every event on
#      Kafka once, as many as the event stores hold, one dispatch order per case, every case closed).
# Everything is stopped at the end (KEEP_RUNNING=true leaves it up, PIDs in $DATA/pids).
#
#   deploy/separate-processes.sh            builds the jars when missing; LOOPS (40), ACTORS (4), JAVA_OPTS
#   deploy/separate-processes.sh --build    rebuilds them first
#
# Ports (none of the local stack's, so both can run): engines 25432/29092/27217, authorisation server 19000,
# case 18081+18091, dispatch 18082+18092, assessment 18083, party registry 18084, gateway 18080 (management 18090).
# Logs: $DATA/logs/<process>.log (DATA: GOVERNANCE_DATA_DIR, default a new folder under /tmp).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VERSION=0.1.0-SNAPSHOT
LOOPS=${LOOPS:-40}
ACTORS=${ACTORS:-4}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k}
DATA=${GOVERNANCE_DATA_DIR:-$(mktemp -d /tmp/governance-separate-XXXXXX)}
mkdir -p "$DATA/logs"
: > "$DATA/pids"

jar() { echo "$ROOT/$1/target/$1-$VERSION-exec.jar"; }
JARS=(local-stack authorization-server case-service dispatch-service assessment-service party-registry-service gateway)
missing=false
for m in "${JARS[@]}"; do [[ -f "$(jar "$m")" ]] || missing=true; done
[[ -f "$ROOT/benchmarks/target/benchmarks.jar" ]] || missing=true
if [[ "${1:-}" == "--build" || "$missing" == true ]]; then
    echo "building the jars (./mvnw package -DskipTests) ..."
    ./mvnw -B -q package -DskipTests
fi
command -v openssl >/dev/null || { echo "needs openssl (apt-get install openssl)" >&2; exit 2; }

PIDS=()
stop_all() {
    [[ "${KEEP_RUNNING:-false}" == true ]] && { echo "left running; stop with: kill \$(cat $DATA/pids)"; return; }
    # the applications first, gracefully; the engines (the first process) once they have stopped, so none
    # loses its database in the middle of its shutdown
    ((${#PIDS[@]} > 1)) && stop "${PIDS[@]:1}"
    ((${#PIDS[@]} > 0)) && stop "${PIDS[0]}"
}
# stop PID ...: TERM, up to 60 s for them to end, then KILL
stop() {
    kill "$@" 2>/dev/null || true
    for _ in $(seq 60); do
        alive=false
        for p in "$@"; do kill -0 "$p" 2>/dev/null && alive=true; done
        [[ $alive == false ]] && return
        sleep 1
    done
    kill -9 "$@" 2>/dev/null || true
}
trap stop_all EXIT

# start NAME JAR [VAR=value ...] [-- ARG ...]: one process, its output in $DATA/logs/NAME.log
start() {
    local name=$1 jarfile=$2 vars=() args=()
    shift 2
    while (($#)); do
        if [[ $1 == -- ]]; then shift; args=("$@"); break; fi
        vars+=("$1"); shift
    done
    env "${vars[@]}" java $JAVA_OPTS -jar "$jarfile" "${args[@]}" >"$DATA/logs/$name.log" 2>&1 &
    PIDS+=($!)
    echo "$!" >>"$DATA/pids"
    printf '  %-26s pid %-7s log %s\n' "$name" "$!" "$DATA/logs/$name.log"
}

# await NAME URL SECONDS: until URL answers 200 (a readiness probe), or fail with the log's tail
await() {
    local name=$1 url=$2 limit=$3
    for _ in $(seq "$limit"); do
        curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
        sleep 1
    done
    echo "$name did not become ready at $url within $limit s; its log ends:" >&2
    tail -30 "$DATA/logs/$name.log" >&2
    exit 1
}

echo "data and logs: $DATA"
echo "1. the engines"
start engines "$(jar local-stack)" GOVERNANCE_DATA_DIR="$DATA/engines" POSTGRES_PORT=25432 KAFKA_PORT=29092 \
    MONGO_PORT=27217 GOVERNANCE_TOPIC_PARTITIONS=3 GOVERNANCE_DURABLE=true -- --engines-only
for _ in $(seq 180); do grep -q "Embedded engines are up" "$DATA/logs/engines.log" && break; sleep 1; done
grep -q "Embedded engines are up" "$DATA/logs/engines.log" || { tail -30 "$DATA/logs/engines.log" >&2; exit 1; }

echo "2. the authorisation server, the services (two case, two dispatch) and the gateway"
ISSUER=http://127.0.0.1:19000
start authorization-server "$(jar authorization-server)" IDENTITY_PORT=19000 IDENTITY_ISSUER=$ISSUER \
    IDENTITY_KEY_DIRECTORY="$DATA/identity" IDENTITY_DEVELOPMENT_SECRETS=true
await authorization-server $ISSUER/actuator/health/readiness 180

# What deploy/README.md's table names, nothing else. Personal-data keys: fresh per run, per service, the same on each
# of a service's instances.
COMMON=(GOVERNANCE_POSTGRES_URL=jdbc:postgresql://127.0.0.1:25432 GOVERNANCE_POSTGRES_USER=postgres
        GOVERNANCE_POSTGRES_PASSWORD=postgres GOVERNANCE_KAFKA_BOOTSTRAP=127.0.0.1:29092
        GOVERNANCE_MONGO_URI=mongodb://127.0.0.1:27217 GOVERNANCE_ISSUER_URI=$ISSUER GOVERNANCE_TOPICS_PARTITIONS=3)
keys() { echo "GOVERNANCE_PERSONAL_DATA_MASTER_KEY=$(openssl rand -base64 32)" "GOVERNANCE_PERSONAL_DATA_PSEUDONYM_KEY=$(openssl rand -base64 32)"; }
read -r -a CASE_KEYS <<<"$(keys)"
read -r -a REGISTRY_KEYS <<<"$(keys)"
start case-service-1 "$(jar case-service)" "${COMMON[@]}" "${CASE_KEYS[@]}" CASE_SERVICE_PORT=18081 GOVERNANCE_INSTANCE_ID=case-1
start case-service-2 "$(jar case-service)" "${COMMON[@]}" "${CASE_KEYS[@]}" CASE_SERVICE_PORT=18091 GOVERNANCE_INSTANCE_ID=case-2
start dispatch-service-1 "$(jar dispatch-service)" "${COMMON[@]}" DISPATCH_SERVICE_PORT=18082 GOVERNANCE_INSTANCE_ID=dispatch-1
start dispatch-service-2 "$(jar dispatch-service)" "${COMMON[@]}" DISPATCH_SERVICE_PORT=18092 GOVERNANCE_INSTANCE_ID=dispatch-2
start assessment-service "$(jar assessment-service)" "${COMMON[@]}" ASSESSMENT_SERVICE_PORT=18083 GOVERNANCE_INSTANCE_ID=assessment-1
start party-registry-service "$(jar party-registry-service)" "${COMMON[@]}" "${REGISTRY_KEYS[@]}" \
    PARTY_REGISTRY_SERVICE_PORT=18084 GOVERNANCE_INSTANCE_ID=registry-1
for s in case-service-1:18081 case-service-2:18091 dispatch-service-1:18082 dispatch-service-2:18092 \
         assessment-service:18083 party-registry-service:18084; do
    await "${s%%:*}" "http://127.0.0.1:${s##*:}/actuator/health/readiness" 300
done
# The loops make far more calls per client than a partner's per-minute limit allows (the limits have their own tests).
start gateway "$(jar gateway)" GATEWAY_PORT=18080 GATEWAY_MANAGEMENT_PORT=18090 GOVERNANCE_ISSUER_URI=$ISSUER \
    GOVERNANCE_GATEWAY_RATELIMIT_ENABLED=false \
    CASE_SERVICE_URL=http://127.0.0.1:18081,http://127.0.0.1:18091 \
    DISPATCH_SERVICE_URL=http://127.0.0.1:18082,http://127.0.0.1:18092 \
    ASSESSMENT_SERVICE_URL=http://127.0.0.1:18083 PARTY_REGISTRY_SERVICE_URL=http://127.0.0.1:18084
await gateway http://127.0.0.1:18090/actuator/health/readiness 180
echo "   all up"

echo "3. the closed loop through the gateway, $LOOPS loops by $ACTORS actors"
java -Xmx512m -cp "$ROOT/benchmarks/target/benchmarks.jar" \
    -Dloader.main=cn.changning.governance.benchmarks.instances.SeparateProcessesCheck \
    org.springframework.boot.loader.launch.PropertiesLauncher \
    --gateway http://127.0.0.1:18080 --issuer $ISSUER --loops "$LOOPS" --actors "$ACTORS" \
    --kafka 127.0.0.1:29092 --postgres jdbc:postgresql://127.0.0.1:25432 \
    --instance case-service=case-1=http://127.0.0.1:18081 --instance case-service=case-2=http://127.0.0.1:18091 \
    --instance dispatch-service=dispatch-1=http://127.0.0.1:18082 --instance dispatch-service=dispatch-2=http://127.0.0.1:18092 \
    --instance assessment-service=assessment-1=http://127.0.0.1:18083 \
    --instance party-registry-service=registry-1=http://127.0.0.1:18084 \
    --instance gateway=gateway=http://127.0.0.1:18090
