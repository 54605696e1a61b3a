package se.samlyft.integration.feed;

/** Told once events have been appended to feeds and committed, so that whoever delivers them need not wait to look. */
public interface EventsAppended {

    void appended();
}
