package se.samlyft.web.page;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;
import se.samlyft.web.api.CatalogApi;
import se.samlyft.web.api.IdentityApi;

/**
 * The courses, offerings and people one page shows, each read once per request however often the page names it: a
 * list of enrolments names few courses many times. Names travel in no event; the page joins them from the APIs.
 */
@Component
@RequestScope
public class Lookups {

    private final CatalogApi catalog;
    private final IdentityApi identity;
    private final Map<UUID, CatalogApi.Course> courses = new HashMap<>();
    private final Map<UUID, CatalogApi.Offering> offerings = new HashMap<>();
    private final Map<UUID, IdentityApi.Person> people = new HashMap<>();

    Lookups(CatalogApi catalog, IdentityApi identity) {
        this.catalog = catalog;
        this.identity = identity;
    }

    public CatalogApi.Course course(UUID id) {
        return courses.computeIfAbsent(id, catalog::course);
    }

    public CatalogApi.Offering offering(UUID id) {
        return offerings.computeIfAbsent(id, catalog::offering);
    }

    public IdentityApi.Person person(UUID id) {
        return people.computeIfAbsent(id, identity::person);
    }
}
