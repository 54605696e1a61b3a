package se.samlyft.identity.person;

import java.util.List;

/** The people the current tenant scope may see. */
public interface People {

    List<Person> visiblePeople();
}
