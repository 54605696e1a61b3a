package se.samlyft.identity.organisation.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.identity.organisation.Consent;
import se.samlyft.identity.organisation.Federation;
import se.samlyft.identity.organisation.Federations;
import se.samlyft.identity.organisation.Invitation;
import se.samlyft.identity.organisation.Membership;
import se.samlyft.platform.problem.PreconditionFailed;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Federations' membership periods and invitations in PostgreSQL; the version row serialises concurrent changes of one
 * federation.
 */
@Repository
@Transactional(readOnly = true)
class JdbcFederations implements Federations {

    private static final String INVITATION_COLUMNS =
            "id, federation, member, joins_on, invited_at, status, answered_at, accepted_on, reference";

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
        return version.map(
                stored -> Federation.restore(federation, periods(federation), invitations(federation), stored));
    }

    private List<Membership> periods(TenantId federation) {
        return jdbc.sql("""
                        select member, joined_on, left_on, accepted_on, consent from federation_membership
                        where federation = ?""")
                .param(federation.value())
                .query((row, number) -> new Membership(
                        TenantId.of(row.getString("member")),
                        row.getObject("joined_on", LocalDate.class),
                        row.getObject("left_on", LocalDate.class),
                        row.getObject("accepted_on", LocalDate.class),
                        Consent.valueOf(row.getString("consent"))))
                .list();
    }

    private List<Invitation> invitations(TenantId federation) {
        return jdbc.sql("select " + INVITATION_COLUMNS + " from federation_invitation where federation = ?")
                .param(federation.value())
                .query((row, number) -> invitation(row))
                .list();
    }

    @Override
    public List<Received> invitationsTo(TenantId member) {
        return jdbc.sql("select " + INVITATION_COLUMNS
                        + " from federation_invitation where member = ? order by invited_at desc, id")
                .param(member.value())
                .query((row, number) -> new Received(TenantId.of(row.getString("federation")), invitation(row)))
                .list();
    }

    private static Invitation invitation(ResultSet row) throws SQLException {
        return new Invitation(
                row.getObject("id", UUID.class),
                TenantId.of(row.getString("member")),
                row.getObject("joins_on", LocalDate.class),
                row.getTimestamp("invited_at").toInstant(),
                Invitation.Status.valueOf(row.getString("status")),
                instant(row.getTimestamp("answered_at")),
                row.getObject("accepted_on", LocalDate.class),
                row.getString("reference"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
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
            jdbc.sql("""
                            insert into federation_membership (federation, member, joined_on, left_on, accepted_on, consent)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(
                            slug,
                            period.member().value(),
                            period.joinedOn(),
                            period.leftOn(),
                            period.acceptedOn(),
                            period.consent().name())
                    .update();
        }
        for (Invitation invitation : federation.invitations()) {
            jdbc.sql("""
                            insert into federation_invitation (%s) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (id) do update set status = excluded.status, answered_at = excluded.answered_at,
                                accepted_on = excluded.accepted_on, reference = excluded.reference
                            where federation_invitation.status = 'PENDING'""".formatted(INVITATION_COLUMNS))
                    .params(
                            invitation.id(),
                            slug,
                            invitation.member().value(),
                            invitation.joinsOn(),
                            Timestamp.from(invitation.invitedAt()),
                            invitation.status().name(),
                            invitation.answeredAt() == null ? null : Timestamp.from(invitation.answeredAt()),
                            invitation.acceptedOn(),
                            invitation.reference())
                    .update();
        }
        federation.events().forEach(publisher::publishEvent);
    }
}
