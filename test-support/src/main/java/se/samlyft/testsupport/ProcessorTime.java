package se.samlyft.testsupport;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The processor time this JVM and the PostgreSQL server of a database have used so far (Linux only: the server's
 * processes are read from {@code /proc}), to tell what a run costs apart from how busy the machine was.
 */
public record ProcessorTime(long jvmNanos, long postgresNanos) {

    private static final long TICK_NANOS = 10_000_000L;

    public static ProcessorTime now(DataSource database) {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        Integer backend = new JdbcTemplate(database).queryForObject("select pg_backend_pid()", Integer.class);
        long postmaster = parentOf(backend);
        long postgres = ticks(postmaster);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            postgres += processes
                    .filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(path -> {
                        long pid = Long.parseLong(path.getFileName().toString());
                        return parentOf(pid) == postmaster ? ticks(pid) : 0;
                    })
                    .sum();
        } catch (IOException e) {
            return new ProcessorTime(jvm, 0);
        }
        return new ProcessorTime(jvm, postgres * TICK_NANOS);
    }

    public ProcessorTime since(ProcessorTime earlier) {
        return new ProcessorTime(jvmNanos - earlier.jvmNanos, postgresNanos - earlier.postgresNanos);
    }

    private static long parentOf(long pid) {
        String[] fields = stat(pid);
        return fields.length > 1 ? Long.parseLong(fields[1]) : -1;
    }

    private static long ticks(long pid) {
        String[] fields = stat(pid);
        return fields.length > 12 ? Long.parseLong(fields[11]) + Long.parseLong(fields[12]) : 0;
    }

    /** The fields of {@code /proc/<pid>/stat} after the command's name: state, ppid, ... (utime is the 12th). */
    private static String[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return new String[0];
        }
    }
}
