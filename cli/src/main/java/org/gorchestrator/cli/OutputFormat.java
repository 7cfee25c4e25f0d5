package org.gorchestrator.cli;

/** {@code -o}: a table for people, or the API's JSON for scripts. */
enum OutputFormat {
    table,
    json
}
