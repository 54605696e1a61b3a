package se.samlyft.catalog.offering.persistence;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.catalog.offering.Federations;
import se.samlyft.catalog.offering.Federations.Membership;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Federation membership from the catalog's table {@code federation_membership}, current on today's date, replaced
 * whole by each newer membership event.
 */
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

    @Override
    @Transactional
    public boolean replace(TenantId federation, long version, List<Membership> members) {
        int newer = jdbc.sql("""
                        insert into federation_membership_version as applied (federation, version) values (?, ?)
                        on conflict (federation) do update set version = excluded.version
                        where excluded.version > applied.version""").params(federation.value(), version).update();
        if (newer == 0) {
            return false;
        }
        jdbc.sql("delete from federation_membership where federation = ?")
                .param(federation.value())
                .update();
        for (Membership membership : members) {
            jdbc.sql("""
                            insert into federation_membership (federation, member, since, until) values (?, ?, ?, ?)
                            on conflict (federation, member, since) do update set until = excluded.until""")
                    .params(federation.value(), membership.member().value(), membership.joinedOn(), membership.leftOn())
                    .update();
        }
        return true;
    }
}
