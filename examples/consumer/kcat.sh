#!/bin/sh
# Prints one line per workflow event, as WorkflowFeed does, with kcat and jq:
#   examples/consumer/kcat.sh [bootstrap-servers] [kcat options, e.g. -o beginning]
# kcat reads committed records only (librdkafka's default isolation.level), from the end by default.
set -eu
servers="${1:-127.0.0.1:9092}"
[ $# -gt 0 ] && shift
kcat -C -q -u -b "$servers" -t gorch.workflow-events -o end "$@" -f '%s\n' | jq --unbuffered -r '
  .time + " " + (.type | ltrimstr("org.gorchestrator.")) + " " + .subject + " " +
  (if .data.nodes then "\(.data.name // "") (\(.data.nodes | length) nodes)"
   elif .data.attempt != null then "\(.data.state_name) attempt \(.data.attempt)"
   else .data.state_name end)'
