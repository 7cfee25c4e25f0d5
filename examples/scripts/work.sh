#!/bin/sh
# A step that takes a little while and says what it did.
echo "step $GORCH_NODE_NAME: $*"
sleep "${1:-0.1}"
