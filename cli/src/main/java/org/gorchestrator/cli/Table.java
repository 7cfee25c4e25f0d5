package org.gorchestrator.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Columns aligned with two spaces between them, a header in capitals; for people, while -o json is for scripts. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    Table(String... headers) {
        this.columns = headers.length;
        rows.add(headers);
    }

    void row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException(columns + " cells expected, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(Table::text).toArray(String[]::new));
    }

    void print(PrintWriter out) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? row[c] : String.format("%-" + widths[c] + "s  ", row[c]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Instants to the second, in UTC as the API gives them; nothing as a dash; text {@link Printable}. */
    static String text(Object cell) {
        if (cell == null) {
            return "-";
        }
        if (cell instanceof Instant instant) {
            return instant.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        String text = Printable.of(cell.toString());
        return text.isEmpty() ? "-" : text;
    }
}
