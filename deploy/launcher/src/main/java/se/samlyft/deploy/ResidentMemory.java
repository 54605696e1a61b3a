package se.samlyft.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Resident memory of processes as Linux reports it: the proportional set size ({@code Pss} in
 * {@code /proc/<pid>/smaps_rollup}), which splits shared pages among the processes that share them, so that the
 * figures of PostgreSQL's many processes add up; the resident set size ({@code VmRSS}) where that is not available.
 */
final class ResidentMemory {

    private ResidentMemory() {}

    /** The resident memory of a process and all its descendants, or empty where {@code /proc} is missing. */
    static OptionalLong ofTree(ProcessHandle root) {
        long total = 0;
        boolean known = false;
        for (ProcessHandle handle :
                Stream.concat(Stream.of(root), root.descendants()).toList()) {
            OptionalLong kib = of(handle.pid());
            if (kib.isPresent()) {
                total += kib.getAsLong();
                known = true;
            }
        }
        return known ? OptionalLong.of(total) : OptionalLong.empty();
    }

    static OptionalLong of(long pid) {
        OptionalLong proportional = field(pid, "smaps_rollup", "Pss:");
        return proportional.isPresent() ? proportional : residentSet(pid);
    }

    /** The resident set size of one process, shared pages counted in full. */
    static OptionalLong residentSet(long pid) {
        return field(pid, "status", "VmRSS:");
    }

    private static OptionalLong field(long pid, String file, String name) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), file))) {
            return lines.filter(line -> line.startsWith(name))
                    .mapToLong(ResidentMemory::kib)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Parses a line such as {@code VmRSS:   348020 kB} or {@code Pss:   120811 kB}. */
    static long kib(String statusLine) {
        String[] parts = statusLine.trim().split("\\s+");
        return Long.parseLong(parts[1]);
    }

    static String format(OptionalLong kib) {
        return kib.isPresent() ? (kib.getAsLong() + 512) / 1024 + " MB" : "unknown";
    }
}
