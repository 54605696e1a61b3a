package se.samlyft.catalog.federation.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.catalog.federation.Federations;
import se.samlyft.catalog.federation.Federations.Membership;
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
    public Set<TenantId> membersOn(TenantId federation, LocalDate day) {
        return jdbc.sql("""
                        select member from federation_membership
                        where federation = ? and since <= ? and (until is null or until > ?)""").params(federation.value(), day, day).query(String.class).stream()
                .map(TenantId::of)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public List<TenantId> changingBy(LocalDate day) {
        return jdbc.sql("""
                        select v.federation from federation_membership_version v
                        where exists (select 1 from federation_membership m
                                      where m.federation = v.federation
                                        and ((m.since <= :day and (v.resolved_on is null or m.since > v.resolved_on))
                                          or (m.until <= :day and (v.resolved_on is null or m.until > v.resolved_on))))
                        order by v.federation""").param("day", day).query(String.class).stream()
                .map(TenantId::of)
                .toList();
    }

    @Override
    @Transactional
    public boolean claimResolution(TenantId federation, LocalDate day) {
        return jdbc.sql("""
                        update federation_membership_version set resolved_on = ?
                        where federation = ? and (resolved_on is null or resolved_on < ?)""").params(day, federation.value(), day).update() == 1;
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
