package se.samlyft.catalog.programme;

/** Who pays for a programme: the European Social Fund, a state grant, or another funder. */
public enum Funder {
    ESF,
    STATE_GRANT,
    OTHER
}
