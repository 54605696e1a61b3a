package se.samlyft.reporting.projection;

/** The aggregate version every event carries. */
final class Versions {

    private Versions() {}

    static void require(long version) {
        if (version < 1) {
            throw new IllegalArgumentException("A version is at least 1, not " + version);
        }
    }
}
