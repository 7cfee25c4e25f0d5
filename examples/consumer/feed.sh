#!/bin/sh
# Runs WorkflowFeed (src/main/java/com/example/feed), a plain Kafka consumer of the workflow events:
#   examples/consumer/feed.sh [--from-beginning] [bootstrap-servers [topic]]
# It depends on kafka-support: put that in your Maven repository first, from the repository root:
#   ./mvnw -q -B -pl kafka-support -am install -DskipTests
set -eu
here=$(dirname "$0")
exec "$here/../../mvnw" -q -B -f "$here/pom.xml" compile exec:java -Dexec.args="$*"
