#!/usr/bin/env bash
# Behaves like `gemini --output-format json --prompt PROMPT`: one pretty-printed JSON document.
here="$(cd "$(dirname "$0")" && pwd)"
echo "# notes" > notes.md
cat "$here/recorded/gemini.json"
