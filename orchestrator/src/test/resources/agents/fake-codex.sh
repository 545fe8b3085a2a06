#!/usr/bin/env bash
# Behaves like `codex exec --json`: refuses to run outside a trusted git directory unless given
# --skip-git-repo-check (the permission error the worker recovers from), then prints recorded events.
here="$(cd "$(dirname "$0")" && pwd)"
for arg in "$@"; do
    if [[ "$arg" == --skip-git-repo-check ]]; then
        echo "Reading prompt from arguments" >&2
        echo 'def hello(): return "hi"' > hello.py
        cat "$here/recorded/codex.jsonl"
        exit 0
    fi
done
echo "Not inside a trusted directory and --skip-git-repo-check was not specified." >&2
exit 1
