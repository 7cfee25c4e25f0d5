#!/bin/sh
# Prints a line, waits, prints another: logs must arrive before the node ends.
echo "first line"
sleep "$1"
echo "second line"
