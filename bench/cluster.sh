#!/usr/bin/env bash
# One node against two nodes linked through Redis: the same fan-out load, runs alternated
# (single, cluster, single, …) so that both set-ups see the same machine, then a table of the
# medians. Everything listens on 127.0.0.1 only and is stopped at the end. See PERFORMANCE.md,
# "Cluster", for how the figures are read.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"

RUNS=3
CONNECTIONS=100
PUBLISHERS=10
RATE=500
DURATION=10s
WARMUP=2s
OUT="$ROOT/bench-results/cluster-$(date +%Y%m%d-%H%M%S)"

usage() {
    cat <<'EOF'
usage: bench/cluster.sh [options]

Fan-out through one agentbus node and through two nodes linked by one redis-server (connections
alternate between the two nodes), runs alternated, and a table of medians.

  --runs N            runs of each set-up                 (default: 3)
  --connections N     connections per run                 (default: 100)
  --publishers N      publishing connections              (default: 10)
  --rate R            published msg/s                     (default: 500)
  --duration D        measured time per run, e.g. 10s     (default: 10s)
  --warmup D          warm-up per run, not measured       (default: 2s)
  --out DIR           where results go (default: bench-results/cluster-YYYYmmdd-HHMMSS)
  -h, --help          this text

Needs redis-server (apt-get install redis-server) and jq.
EOF
}

die() { echo "cluster.sh: $*" >&2; exit 2; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) RUNS="${2:?--runs needs a value}"; shift 2 ;;
        --connections) CONNECTIONS="${2:?--connections needs a value}"; shift 2 ;;
        --publishers) PUBLISHERS="${2:?--publishers needs a value}"; shift 2 ;;
        --rate) RATE="${2:?--rate needs a value}"; shift 2 ;;
        --duration) DURATION="${2:?--duration needs a value}"; shift 2 ;;
        --warmup) WARMUP="${2:?--warmup needs a value}"; shift 2 ;;
        --out) OUT="${2:?--out needs a value}"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer, not '$RUNS'"
[[ "$CONNECTIONS" =~ ^[1-9][0-9]*$ ]] || die "--connections must be a positive integer, not '$CONNECTIONS'"
[[ "$PUBLISHERS" =~ ^[1-9][0-9]*$ ]] || die "--publishers must be a positive integer, not '$PUBLISHERS'"
[[ "$RATE" =~ ^[1-9][0-9]*$ ]] || die "--rate must be a positive integer, not '$RATE'"
command -v jq >/dev/null || die "jq is needed for the table: apt-get install jq"
REDIS_SERVER="$(command -v redis-server || echo /usr/bin/redis-server)"
[[ -x "$REDIS_SERVER" ]] || die "redis-server is not installed: apt-get install redis-server"

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
PIDS=()
stop_all() {
    for pid in "${PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    PIDS=()
}
trap stop_all EXIT INT TERM

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# wait_for_port PORT PID: until something accepts on 127.0.0.1:PORT, or 60 s, or PID died.
wait_for_port() {
    local port="$1" pid="$2" deadline=$((SECONDS + 60))
    while ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || die "a server exited before listening on $port (see $OUT/*.log)"
        ((SECONDS < deadline)) || die "nothing listens on port $port after 60 s"
        sleep 0.2
    done
}

# start_node PORT [REDIS_URI]: an agentbus daemon with its own data directory.
start_node() {
    local port="$1" redis="${2:-}"
    AGENTBUS_PORT="$port" AGENTBUS_HOST=127.0.0.1 AGENTBUS_DATA_DIR="$OUT/data-$port" \
        AGENTBUS_CLUSTER_REDIS="${redis:-none}" "$ROOT/bin/agentbus" start >"$OUT/agentbus-$port.log" 2>&1 &
    PIDS+=($!)
    wait_for_port "$port" "$!"
}

if [[ ! -f "$ROOT/loadtest/target/loadtest-0.1.0-SNAPSHOT.jar" ]]; then
    echo "cluster.sh: building the project (mvn package)..." >&2
    (cd "$ROOT" && mvn -B -q -DskipTests package) >&2
fi

redis_port="$(free_port)"
"$REDIS_SERVER" --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >"$OUT/redis.log" 2>&1 &
PIDS+=($!)
wait_for_port "$redis_port" "$!"
single="$(free_port)"; start_node "$single"
a="$(free_port)"; start_node "$a" "redis://127.0.0.1:$redis_port"
b="$(free_port)"; start_node "$b" "redis://127.0.0.1:$redis_port"

echo "cluster.sh: results in $OUT" >&2
for run in $(seq 1 "$RUNS"); do
    for setup in single cluster; do
        if [[ "$setup" == single ]]; then url="ws://127.0.0.1:$single/ws"; else
            url="ws://127.0.0.1:$a/ws,ws://127.0.0.1:$b/ws"; fi
        echo "cluster.sh: $setup run $run/$RUNS" >&2
        "$ROOT/bin/agentbus" loadtest fanout --url "$url" --connections "$CONNECTIONS" --publishers "$PUBLISHERS" \
            --rate "$RATE" --duration "$DURATION" --warmup "$WARMUP" --no-png \
            --out "$OUT/$setup/run-$run" >"$OUT/$setup-$run.txt" 2>&1 || true
    done
done
stop_all

median() { sort -g | awk '{v[NR]=$1} END {if (NR==0) print "-"; else if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
field() { cat "$OUT/$1"/run-*/results.json 2>/dev/null | jq -r "$2 // empty"; }
printf '\nMedians over the runs; latency in ms, delivered in msg/s\n'
printf '%-8s %5s %12s %12s %10s %10s %11s %6s %6s %12s\n' setup runs "deliv p50" "deliv p99" "ack p50" "ack p99" \
    delivered lost dup "send lag p99"
for setup in single cluster; do
    runs=$(ls "$OUT/$setup"/run-*/results.json 2>/dev/null | wc -l)
    printf '%-8s %5s %12s %12s %10s %10s %11s %6s %6s %12s\n' "$setup" "$runs" \
        "$(field "$setup" '.result.latency_ms.p50' | median)" "$(field "$setup" '.result.latency_ms.p99' | median)" \
        "$(field "$setup" '.result.ack_latency_ms.p50' | median)" "$(field "$setup" '.result.ack_latency_ms.p99' | median)" \
        "$(field "$setup" '.result.delivered_per_second | floor' | median)" \
        "$(field "$setup" '.result.lost' | awk '{s+=$1} END {print s+0}')" \
        "$(field "$setup" '.result.duplicated' | awk '{s+=$1} END {print s+0}')" \
        "$(field "$setup" '.result.send_lag_ms.p99' | median)"
done
