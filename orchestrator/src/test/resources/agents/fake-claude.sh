#!/usr/bin/env bash
# Behaves like `claude --print --output-format stream-json`: reads the prompt on stdin and prints
# recorded stream-json lines. Mode (first argument): "work" (default) writes hello.py and ends
# with the recorded result; "push" tries a forbidden `git push` through its Bash tool, then works on.
here="$(cd "$(dirname "$0")" && pwd)"
mode="${1:-work}"
prompt="$(cat)"
if [[ "$mode" == push ]]; then
    echo '{"type":"system","subtype":"init","cwd":"'"$PWD"'","session_id":"s-1","tools":["Bash"],"model":"claude-sonnet-4-5-20250929"}'
    echo '{"type":"assistant","message":{"id":"msg_1","role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"Bash","input":{"command":"git push origin main","description":"Publish the change"}}]},"session_id":"s-1"}'
    sleep 600
    exit 0
fi
printf '%s\n' "$prompt" > hello.py
cat "$here/recorded/claude-stream.jsonl"
