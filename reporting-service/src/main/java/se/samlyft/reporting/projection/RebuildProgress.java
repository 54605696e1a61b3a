package se.samlyft.reporting.projection;

/**
 * How far a rebuild of the read model has come: of the {@code total} records the topics held when it began (end
 * offsets less first offsets, over every partition), how many it has read.
 */
public record RebuildProgress(long read, long total) {

    public RebuildProgress {
        if (read < 0 || total < 0) {
            throw new IllegalArgumentException("A rebuild reads no negative number of records");
        }
    }
}
