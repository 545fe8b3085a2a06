#!/usr/bin/env bash
# A small agent for a whole team job (template custom, generic JSON lines): reads its prompt on
# stdin, writes a file named after its task into its workspace, reports a milestone, works on for
# a second (the review round opens meanwhile), reports what it cost and that it completed. With
# "review" as the first argument it asks for a review instead of reporting a milestone.
set -euo pipefail
prompt="$(cat)"
task="${AGENTBUS_TASK_ID:-task}"
echo '{"event":"progress","message":"reading the task","percent":10}'
printf '%s\n' "$prompt" > "$task.md"
if [[ "${1:-}" == review ]]; then
    echo '{"event":"review_request","message":"'"$task"' is ready for review","files":["'"$task"'.md"]}'
else
    echo '{"event":"milestone","message":"'"$task"' written"}'
fi
sleep 1
echo '{"event":"cost","tokens_in":1200,"tokens_out":300,"usd":0.25}'
echo '{"event":"completed","message":"wrote '"$task"'.md"}'
