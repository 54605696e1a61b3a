package se.samlyft.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Resident memory of processes as Linux reports it in {@code /proc/<pid>/status}. */
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
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(ResidentMemory::kib)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Parses a line such as {@code VmRSS:   348020 kB}. */
    static long kib(String statusLine) {
        String[] parts = statusLine.trim().split("\\s+");
        return Long.parseLong(parts[1]);
    }

    static String format(OptionalLong kib) {
        return kib.isPresent() ? (kib.getAsLong() + 512) / 1024 + " MB" : "unknown";
    }
}
