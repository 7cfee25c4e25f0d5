#!/bin/sh
# Fails the first $2 times it runs (counting in file $1), then succeeds.
count=$(cat "$1" 2>/dev/null || echo 0)
count=$((count + 1))
echo "$count" > "$1"
echo "run $count"
if [ "$count" -le "$2" ]; then
  echo "failing on purpose, run $count" >&2
  exit 1
fi
echo "attempt_seen=$count"
