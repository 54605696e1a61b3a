package se.samlyft.identity.organisation.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.identity.organisation.Federation;
import se.samlyft.identity.organisation.Federations;
import se.samlyft.identity.organisation.Membership;
import se.samlyft.platform.problem.PreconditionFailed;
import se.samlyft.platform.tenancy.TenantId;

/** Federations' membership periods in PostgreSQL; the version row serialises concurrent changes of one federation. */
@Repository
@Transactional(readOnly = true)
class JdbcFederations implements Federations {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;

    JdbcFederations(JdbcClient jdbc, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    @Override
    public Optional<Federation> find(TenantId federation) {
        Optional<Long> version = jdbc.sql("select version from federation where slug = ?")
                .param(federation.value())
                .query(Long.class)
                .optional();
        return version.map(stored -> Federation.restore(federation, periods(federation), stored));
    }

    private List<Membership> periods(TenantId federation) {
        return jdbc.sql("select member, joined_on, left_on from federation_membership where federation = ?")
                .param(federation.value())
                .query((row, number) -> new Membership(
                        TenantId.of(row.getString("member")),
                        row.getObject("joined_on", LocalDate.class),
                        row.getObject("left_on", LocalDate.class)))
                .list();
    }

    @Override
    @Transactional
    public void save(Federation federation, long expectedVersion) {
        String slug = federation.federation().value();
        int updated = jdbc.sql("update federation set version = ? where slug = ? and version = ?")
                .params(federation.version(), slug, expectedVersion)
                .update();
        if (updated == 0) {
            throw new PreconditionFailed("The federation's membership changed meanwhile; try again.");
        }
        jdbc.sql("delete from federation_membership where federation = ?")
                .param(slug)
                .update();
        for (Membership period : federation.history()) {
            jdbc.sql("insert into federation_membership (federation, member, joined_on, left_on) values (?, ?, ?, ?)")
                    .params(slug, period.member().value(), period.joinedOn(), period.leftOn())
                    .update();
        }
        federation.events().forEach(publisher::publishEvent);
    }
}
