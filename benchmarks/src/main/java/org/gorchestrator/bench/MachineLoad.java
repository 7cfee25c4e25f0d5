package org.gorchestrator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * How busy the machine was around a run, read from Linux's /proc: the load average, and the share
 * of CPU time stolen by the hypervisor or used by other processes. A benchmark on a shared
 * 2-core VM is only as good as these numbers; the report prints them beside its results.
 */
final class MachineLoad {
    private final long[] start = cpuTimes();

    /** e.g. "load average 1.2 → 3.4, CPU steal 12%": the 1-minute load average at start and now, steal in between. */
    String summary() {
        long[] now = cpuTimes();
        if (start.length < 8 || now.length < 8) {
            return "machine load unknown (no /proc)";
        }
        long total = 0;
        for (int i = 0; i < 8; i++) {
            total += now[i] - start[i];
        }
        double steal = total == 0 ? 0 : 100.0 * (now[7] - start[7]) / total;
        return String.format(Locale.ROOT, "load average %s at the end, CPU steal %.0f%% during the run", loadAverage(), steal);
    }

    /** user nice system idle iowait irq softirq steal, in clock ticks, from the first line of /proc/stat. */
    private static long[] cpuTimes() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Arrays.stream(fields, 1, Math.min(fields.length, 9)).mapToLong(Long::parseLong).toArray();
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
