#!/bin/sh
# Submits a graph and follows it to the end, like the seed's curl example.
#   examples/submit.sh [graph.json] [base-url]
set -eu
graph="${1:-examples/seed-runnable.json}"
base="${2:-http://127.0.0.1:8080}"

echo "POST $base/v1/tasks < $graph"
response=$(curl -sS -X POST -H 'Content-Type: application/json' -H 'Accept: application/json' \
  --data-binary "@$graph" "$base/v1/tasks")
echo "$response"
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
id=$(printf '%s' "$response" | json 'd.get("id", "")')
[ -n "$id" ] || exit 1

# Long poll: each GET answers as soon as the graph has finished, or after 10 s with its state then.
while :; do
  state=$(curl -sS "$base/v1/tasks/$id?wait=10s" | json 'd["state_name"]')
  echo "graph $id: ${state:-?}"
  case "$state" in
    success|failure|timeout|canceled) break ;;
  esac
done
curl -sS "$base/v1/tasks/$id" | python3 -m json.tool
