#!/bin/sh
# Always fails, to show how a failure stops everything downstream of it.
echo "something went wrong" >&2
exit "${1:-3}"
