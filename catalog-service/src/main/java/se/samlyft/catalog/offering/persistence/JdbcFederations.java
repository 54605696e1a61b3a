package se.samlyft.catalog.offering.persistence;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.catalog.offering.Federations;
import se.samlyft.platform.tenancy.TenantId;

/** Federation membership from the catalog's table {@code federation_membership}, current on today's date. */
@Repository
@Transactional(readOnly = true)
class JdbcFederations implements Federations {

    private final JdbcClient jdbc;

    JdbcFederations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<TenantId> membersOf(TenantId federation) {
        return jdbc.sql("""
                        select member from federation_membership
                        where federation = ? and since <= current_date and (until is null or until > current_date)""").param(federation.value()).query(String.class).stream()
                .map(TenantId::of)
                .collect(Collectors.toUnmodifiableSet());
    }
}
