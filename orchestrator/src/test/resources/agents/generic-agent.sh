#!/usr/bin/env bash
# An agent speaking agentbus's generic JSON lines. Mode (first argument):
#   events  prints every generic event (and some lines it cannot read), writes out.txt, exits 0
#   fail    prints a progress line and three stderr lines, exits 3
#   flaky   fails (exit 4) the first time it runs in a workspace, succeeds the second time
#   sleep   prints a progress line, then sleeps (for timeouts, pause/resume and stop)
#   stubborn  ignores SIGTERM and sleeps (SIGKILL after the grace period)
#   cost    reports 0.6 USD twice (over a 1 USD cap), then sleeps
#   commit  commits a file in its (git) workspace, then sleeps
#   tick    prints a numbered progress line every 0.1 s, forever
here="$(cd "$(dirname "$0")" && pwd)"
mode="${1:-events}"
prompt="$(cat)"
case "$mode" in
    events)
        echo "prompt: $prompt" > out.txt
        cat "$here/recorded/generic.jsonl"
        ;;
    fail)
        echo '{"event":"progress","message":"trying"}'
        echo "error: first" >&2
        echo "error: second" >&2
        echo "error: the last one" >&2
        exit 3
        ;;
    flaky)
        if [[ ! -f .tried ]]; then
            touch .tried
            echo "transient failure" >&2
            exit 4
        fi
        echo '{"event":"completed","message":"worked the second time"}'
        ;;
    sleep)
        echo '{"event":"progress","message":"working slowly"}'
        sleep 600
        ;;
    stubborn)
        trap '' TERM
        echo '{"event":"progress","message":"ignoring SIGTERM"}'
        while true; do sleep 0.05; done
        ;;
    cost)
        echo '{"event":"cost","tokens_in":1000,"tokens_out":100,"usd":0.6}'
        echo '{"event":"cost","tokens_in":1000,"tokens_out":100,"usd":0.6}'
        sleep 600
        ;;
    commit)
        echo "done" > work.txt
        git add work.txt && git -c user.name=agent -c user.email=agent@example.org commit -q -m "agent work"
        echo '{"event":"progress","message":"committed"}'
        sleep 600
        ;;
    tick)
        i=0
        while true; do
            i=$((i + 1))
            echo '{"event":"progress","message":"tick '"$i"'"}'
            sleep 0.1
        done
        ;;
    *)
        echo "unknown mode $mode" >&2
        exit 64
        ;;
esac
