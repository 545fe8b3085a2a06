#!/usr/bin/env bash
# Side by side: the same load harness drives agentbus, nats-server (over WebSocket) and the bare
# Netty broadcast server (the transport's ceiling), one after the other in one run, on this
# machine, and prints a comparison table with ratios. Every server listens on 127.0.0.1 only and
# is stopped at the end. See PERFORMANCE.md for how the figures are read.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: bench/compare.sh [OPTIONS]

Runs `agentbus loadtest fanout` at each rate against each target (one server at a time, started
fresh for its runs), then `agentbus loadtest ramp` against each to find its knee, and prints
tables of medians over the repetitions with ratios against agentbus.

Options:
  --targets "T…"      targets to run, of agentbus nats netty   (default: "agentbus nats netty")
  --connections N     connections per run                      (default: 500)
  --publishers N      publishing connections                   (default: 10)
  --rates "R…"        published msg/s for the fanout runs, "" for none (default: "400")
  --duration D        measured time per run, e.g. 30s          (default: 60s)
  --warmup D          warm-up per run, not measured            (default: 5s)
  --runs N            repetitions of each run (medians shown)  (default: 3)
  --ramp | --no-ramp  also find each target's knee             (default: --ramp)
  --ramp-runs N       repetitions of each ramp                 (default: 3)
  --ramp-start R      the ramp's first rate                    (default: 100)
  --step-duration D   each ramp step's measured time           (default: 5s)
  --p99-bound D       the ramp's p99 bound                     (default: 10ms)
  --out DIR           where results go    (default: bench-results/compare-YYYYmmdd-HHMMSS)
  -h, --help          this text

Needs: JDK 17, Maven, jq and Debian's nats-server (apt-get install jq nats-server).
USAGE
}

die() { echo "compare.sh: $*" >&2; exit 2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGETS="agentbus nats netty"
CONNECTIONS=500
PUBLISHERS=10
RATES="400"
DURATION=60s
WARMUP=5s
RUNS=3
RAMP=1
RAMP_START=100
RAMP_RUNS=3
STEP_DURATION=5s
P99_BOUND=10ms
OUT="bench-results/compare-$(date +%Y%m%d-%H%M%S)"

while [[ $# -gt 0 ]]; do
    case "$1" in
        --targets) TARGETS="${2:?--targets needs a value}"; shift 2 ;;
        --connections) CONNECTIONS="${2:?--connections needs a value}"; shift 2 ;;
        --publishers) PUBLISHERS="${2:?--publishers needs a value}"; shift 2 ;;
        --rates) RATES="${2?--rates needs a value}"; shift 2 ;;
        --duration) DURATION="${2:?--duration needs a value}"; shift 2 ;;
        --warmup) WARMUP="${2:?--warmup needs a value}"; shift 2 ;;
        --runs) RUNS="${2:?--runs needs a value}"; shift 2 ;;
        --ramp) RAMP=1; shift ;;
        --no-ramp) RAMP=0; shift ;;
        --ramp-start) RAMP_START="${2:?--ramp-start needs a value}"; shift 2 ;;
        --ramp-runs) RAMP_RUNS="${2:?--ramp-runs needs a value}"; shift 2 ;;
        --step-duration) STEP_DURATION="${2:?--step-duration needs a value}"; shift 2 ;;
        --p99-bound) P99_BOUND="${2:?--p99-bound needs a value}"; shift 2 ;;
        --out) OUT="${2:?--out needs a value}"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
done
for t in $TARGETS; do
    [[ "$t" =~ ^(agentbus|nats|netty)$ ]] || die "unknown target '$t': use agentbus, nats or netty"
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer, not '$RUNS'"
[[ "$RAMP_RUNS" =~ ^[1-9][0-9]*$ ]] || die "--ramp-runs must be a positive integer, not '$RAMP_RUNS'"
[[ "$CONNECTIONS" =~ ^[1-9][0-9]*$ ]] || die "--connections must be a positive integer, not '$CONNECTIONS'"
command -v jq >/dev/null || die "jq is needed for the tables: apt-get install jq"
NATS_SERVER="$(command -v nats-server || echo /usr/sbin/nats-server)"
[[ " $TARGETS " != *" nats "* || -x "$NATS_SERVER" ]] || die "nats-server is not installed: apt-get install nats-server"

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
SERVER_PID=""
stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
trap stop_server EXIT INT TERM

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# wait_for_port PORT: until something accepts on 127.0.0.1:PORT, or 60 s, or the server died.
wait_for_port() {
    local port="$1" deadline=$((SECONDS + 60))
    while ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
        kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited before listening (see $OUT/*.log)"
        ((SECONDS < deadline)) || die "nothing listens on port $port after 60 s"
        sleep 0.2
    done
}

build() {
    if [[ ! -f "$ROOT/benchmarks/target/benchmarks.jar" || ! -f "$ROOT/loadtest/target/loadtest-0.1.0-SNAPSHOT.jar" ]]; then
        echo "compare.sh: building the project (mvn package)..." >&2
        (cd "$ROOT" && mvn -B -q -DskipTests package) >&2
    fi
}

# start_target TARGET: starts that server on a free port, sets URL and SERVER_PID.
start_target() {
    local target="$1" port
    port="$(free_port)"
    case "$target" in
        agentbus)
            local data="$OUT/agentbus-data-$port"
            AGENTBUS_PORT="$port" AGENTBUS_HOST=127.0.0.1 AGENTBUS_DATA_DIR="$data" \
                "$ROOT/bin/agentbus" start >"$OUT/agentbus-$port.log" 2>&1 &
            SERVER_PID=$!
            URL="ws://127.0.0.1:$port/ws" ;;
        nats)
            local client_port
            client_port="$(free_port)"
            printf 'listen: "127.0.0.1:%s"\nwebsocket {\n  listen: "127.0.0.1:%s"\n  no_tls: true\n  compression: false\n}\n' \
                "$client_port" "$port" >"$OUT/nats-$port.conf"
            "$NATS_SERVER" -c "$OUT/nats-$port.conf" >"$OUT/nats-$port.log" 2>&1 &
            SERVER_PID=$!
            URL="ws://127.0.0.1:$port" ;;
        netty)
            java -cp "$ROOT/benchmarks/target/benchmarks.jar" io.agentbus.benchmarks.bare.BareBroadcastServer \
                --port "$port" >"$OUT/netty-$port.log" 2>&1 &
            SERVER_PID=$!
            URL="ws://127.0.0.1:$port/ws" ;;
    esac
    wait_for_port "$port"
}

loadtest() {
    "$ROOT/bin/agentbus" loadtest "$@" --no-png
}

build
echo "compare.sh: results in $OUT" >&2
for target in $TARGETS; do
    start_target "$target"
    for rate in $RATES; do
        for run in $(seq 1 "$RUNS"); do
            echo "compare.sh: $target fanout rate $rate run $run/$RUNS" >&2
            loadtest fanout --target "$target" --url "$URL" --connections "$CONNECTIONS" \
                --publishers "$PUBLISHERS" --rate "$rate" --duration "$DURATION" --warmup "$WARMUP" \
                --out "$OUT/$target/fanout-$rate/run-$run" >"$OUT/$target-fanout-$rate-$run.txt" 2>&1 || true
        done
    done
    if ((RAMP)); then
        for run in $(seq 1 "$RAMP_RUNS"); do
            echo "compare.sh: $target ramp run $run/$RAMP_RUNS" >&2
            loadtest ramp --target "$target" --url "$URL" --connections "$CONNECTIONS" \
                --publishers "$PUBLISHERS" --start-rate "$RAMP_START" --p99-bound "$P99_BOUND" \
                --step-duration "$STEP_DURATION" --warmup "$WARMUP" \
                --out "$OUT/$target/ramp/run-$run" >"$OUT/$target-ramp-$run.txt" 2>&1 || true
        done
    fi
    stop_server
done
"$ROOT/bench/compare-table.sh" "$OUT"
