package se.samlyft.identity.organisation.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.identity.organisation.ContactPerson;
import se.samlyft.identity.organisation.EmailAddress;
import se.samlyft.identity.organisation.MunicipalityCode;
import se.samlyft.identity.organisation.Organisation;
import se.samlyft.identity.organisation.OrganisationKind;
import se.samlyft.identity.organisation.OrganisationNumber;
import se.samlyft.identity.organisation.OrganisationProfile;
import se.samlyft.identity.organisation.Organisations;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.PreconditionFailed;
import se.samlyft.platform.tenancy.TenantId;

/**
 * The register in PostgreSQL: {@code organisation} holds the public facts, {@code organisation_contact} the contact
 * persons under row-level security, so that they are read and written only in the organisation's own scope.
 */
@Repository
@Transactional(readOnly = true)
class JdbcOrganisations implements Organisations {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    JdbcOrganisations(JdbcClient jdbc, ApplicationEventPublisher publisher, Clock clock) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public Optional<Organisation> find(TenantId tenant) {
        return jdbc.sql("select slug, kind, name, organisation_number, municipality_code, version from organisation"
                        + " where slug = ?")
                .param(tenant.value())
                .query(this::row)
                .optional();
    }

    @Override
    public List<Organisation> page(int page, int size) {
        return jdbc.sql("select slug, kind, name, organisation_number, municipality_code, version from organisation"
                        + " order by slug limit ? offset ?")
                .params(size, (long) page * size)
                .query(this::row)
                .list();
    }

    @Override
    public long count() {
        return jdbc.sql("select count(*) from organisation").query(Long.class).single();
    }

    @Override
    @Transactional
    public void add(Organisation organisation) {
        OrganisationProfile profile = organisation.profile();
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                            insert into organisation (slug, kind, name, organisation_number, municipality_code, version,
                                registered_at, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            organisation.tenant().value(),
                            organisation.kind().name(),
                            profile.name(),
                            profile.organisationNumber().value(),
                            code(profile),
                            organisation.version(),
                            Timestamp.from(now),
                            Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException taken) {
            throw new Conflict("An organisation with the tenant id " + organisation.tenant()
                    + ", the organisation number "
                    + profile.organisationNumber().value()
                    + (profile.municipalityCode() == null ? "" : " or the municipality code " + code(profile))
                    + " is already registered.");
        }
        if (organisation.kind() == OrganisationKind.FEDERATION) {
            jdbc.sql("insert into federation (slug, version) values (?, 0)")
                    .param(organisation.tenant().value())
                    .update();
        }
        writeContacts(organisation);
        organisation.events().forEach(publisher::publishEvent);
    }

    @Override
    @Transactional
    public void update(Organisation organisation, long expectedVersion) {
        OrganisationProfile profile = organisation.profile();
        int updated;
        try {
            updated = jdbc.sql("""
                            update organisation set name = ?, organisation_number = ?, municipality_code = ?,
                                version = ?, updated_at = now()
                            where slug = ? and version = ?""")
                    .params(
                            profile.name(),
                            profile.organisationNumber().value(),
                            code(profile),
                            organisation.version(),
                            organisation.tenant().value(),
                            expectedVersion)
                    .update();
        } catch (DuplicateKeyException taken) {
            throw new Conflict("Another organisation already has the organisation number "
                    + profile.organisationNumber().value() + " or the municipality code " + code(profile) + ".");
        }
        if (updated == 0) {
            throw new PreconditionFailed("The organisation has changed since version " + expectedVersion
                    + "; read it again and apply the change to the current version.");
        }
        writeContacts(organisation);
        organisation.events().forEach(publisher::publishEvent);
    }

    private void writeContacts(Organisation organisation) {
        String tenant = organisation.tenant().value();
        jdbc.sql("delete from organisation_contact where tenant_id = ?")
                .param(tenant)
                .update();
        int position = 0;
        for (ContactPerson contact : organisation.profile().contacts()) {
            jdbc.sql("""
                            insert into organisation_contact (id, tenant_id, name, role, email, phone, position)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            UUID.randomUUID(),
                            tenant,
                            contact.name(),
                            contact.role(),
                            contact.email().value(),
                            contact.phone(),
                            position++)
                    .update();
        }
    }

    private static String code(OrganisationProfile profile) {
        return profile.municipalityCode() == null
                ? null
                : profile.municipalityCode().value();
    }

    private Organisation row(ResultSet row, int number) throws SQLException {
        String slug = row.getString("slug");
        String code = row.getString("municipality_code");
        List<ContactPerson> contacts = jdbc.sql(
                        "select name, role, email, phone from organisation_contact where tenant_id = ? order by position")
                .param(slug)
                .query((contact, n) -> new ContactPerson(
                        contact.getString("name"),
                        contact.getString("role"),
                        EmailAddress.of(contact.getString("email")),
                        contact.getString("phone")))
                .list();
        OrganisationProfile profile = new OrganisationProfile(
                row.getString("name"),
                OrganisationNumber.of(row.getString("organisation_number")),
                code == null ? null : MunicipalityCode.of(code),
                contacts);
        return Organisation.restore(
                TenantId.of(slug), OrganisationKind.valueOf(row.getString("kind")), profile, row.getLong("version"));
    }
}
