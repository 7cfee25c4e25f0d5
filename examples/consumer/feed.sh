#!/bin/sh
# Runs org.gorchestrator.kafka.events.WorkflowFeed from the standalone jar (build it first with
# ./mvnw -q -B package -DskipTests), from the repository root:
#   examples/consumer/feed.sh [--from-beginning] [bootstrap-servers [topic]]
set -eu
here=$(dirname "$0")
exec java -cp "$here/../../standalone/target/gorchestrator-standalone.jar" \
  -Dloader.main=org.gorchestrator.kafka.events.WorkflowFeed \
  -Dlogback.configurationFile="$here/logback.xml" \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
