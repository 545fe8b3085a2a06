#!/usr/bin/env bash
# Prints the side-by-side tables of a bench/compare.sh results directory: per target and rate the
# median (and range) over the repeated fanout runs, the knee of each ramp, and ratios against
# agentbus. Usage: bench/compare-table.sh RESULTS_DIR
set -euo pipefail
[[ $# -eq 1 && -d "$1" ]] || { echo "usage: bench/compare-table.sh RESULTS_DIR (written by bench/compare.sh)" >&2; exit 2; }
DIR="$1"
command -v jq >/dev/null || { echo "compare-table.sh: jq is needed: apt-get install jq" >&2; exit 2; }

# median of the numbers on stdin, one a line ("-" when none)
median() { sort -g | awk '{v[NR]=$1} END {if (NR==0) print "-"; else if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
range() { sort -g | awk 'NR==1{lo=$1} {hi=$1} END {if (NR==0) print "-"; else printf "%s–%s", lo, hi}'; }

# field TARGET RATE JQ_PATH: the values of that field over the runs
field() { cat "$DIR/$1/fanout-$2"/run-*/results.json 2>/dev/null | jq -r "$3 // empty"; }

declare -A P99 THRU
targets=(); for t in agentbus nats netty; do [[ -d "$DIR/$t" ]] && targets+=("$t"); done
rates=$(find "$DIR" -mindepth 2 -maxdepth 2 -type d -name 'fanout-*' | sed 's/.*fanout-//' | sort -gu)

printf '\nFan-out: medians over the runs (range in brackets); latency in ms, delivered in msg/s\n'
printf '%-9s %7s %5s %9s %22s %11s %11s %10s %8s %6s\n' target rate runs p50 "p99 [range]" p99.9 max delivered MB/s lost
for rate in $rates; do
    for t in "${targets[@]}"; do
        runs=$(ls -d "$DIR/$t/fanout-$rate"/run-*/results.json 2>/dev/null | wc -l)
        [[ "$runs" -gt 0 ]] || continue
        p50=$(field "$t" "$rate" '.result.latency_ms.p50' | median)
        p99=$(field "$t" "$rate" '.result.latency_ms.p99' | median)
        p99r=$(field "$t" "$rate" '.result.latency_ms.p99' | range)
        p999=$(field "$t" "$rate" '.result.latency_ms.p99_9' | median)
        max=$(field "$t" "$rate" '.result.latency_ms.max' | median)
        thru=$(field "$t" "$rate" '.result.delivered_per_second' | median)
        mbps=$(field "$t" "$rate" '(.result.delivered_bytes_per_second // 0) / 1e6' | median)
        lost=$(field "$t" "$rate" '.result.lost' | awk '{s+=$1} END {print s+0}')
        P99[$t,$rate]=$p99; THRU[$t,$rate]=$thru
        printf '%-9s %7s %5s %9.3f %9.3f [%s] %11.3f %11.3f %10.0f %8.1f %6s\n' "$t" "$rate" "$runs" "$p50" "$p99" \
            "$p99r" "$p999" "$max" "$thru" "$mbps" "$lost"
    done
done

printf '\nRatios at equal offered load (p99: lower is better, so other/agentbus > 1 means agentbus is faster)\n'
printf '%7s %-9s %16s %18s\n' rate other "p99 other/agentbus" "delivered ag/other"
for rate in $rates; do
    for t in "${targets[@]}"; do
        [[ "$t" != agentbus && -n "${P99[$t,$rate]:-}" && -n "${P99[agentbus,$rate]:-}" ]] || continue
        awk -v r="$rate" -v t="$t" -v a="${P99[agentbus,$rate]}" -v o="${P99[$t,$rate]}" \
            -v ta="${THRU[agentbus,$rate]}" -v to="${THRU[$t,$rate]}" \
            'BEGIN {printf "%7s %-9s %16.2f %18.3f\n", r, t, o/a, ta/to}'
    done
done

knees() { cat "$DIR/$1"/ramp/run-*/results.json 2>/dev/null | jq -r '.ramp.knee_rate_per_second // empty'; }
if ls "$DIR"/*/ramp/run-*/results.json >/dev/null 2>&1; then
    declare -A KNEE
    printf '\nKnee: the highest published rate whose step kept p99 under the bound with nothing lost (median over runs)\n'
    printf '%-9s %5s %14s %18s %20s\n' target runs "knee msg/s" "knee deliveries/s" "agentbus knee ÷ this"
    for t in "${targets[@]}"; do
        runs=$(knees "$t" | wc -l)
        [[ "$runs" -gt 0 ]] || continue
        KNEE[$t]=$(knees "$t" | median)
    done
    for t in "${targets[@]}"; do
        [[ -n "${KNEE[$t]:-}" ]] || continue
        conns=$(cat "$DIR/$t"/ramp/run-*/results.json | jq -r '.config.connections' | head -1)
        awk -v t="$t" -v n="$(knees "$t" | wc -l)" -v k="${KNEE[$t]}" -v c="$conns" -v a="${KNEE[agentbus]:-0}" \
            'BEGIN {printf "%-9s %5s %14.0f %18.0f %20s\n", t, n, k, k*c, (k>0 && a>0) ? sprintf("%.2f", a/k) : "-"}'
    done
fi
