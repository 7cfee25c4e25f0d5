#!/bin/sh
# Writes its pid to $1, then becomes `sleep $2` (exec keeps the pid), so a test can check the process is gone.
echo $$ > "$1"
exec sleep "$2"
