package se.samlyft.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.testsupport.RowLevelSecurityChecks;
import se.samlyft.testsupport.ServicePlatformTest;
import se.samlyft.testsupport.TestTokens;

/** What every service promises the platform, on integration-service, with rows of two tenants in every table. */
@LocalPlatformSettings
class IntegrationServiceIntegrationTest extends ServicePlatformTest {

    IntegrationServiceIntegrationTest() {
        super("/api/integrations");
    }

    @Override
    protected void seedRowsOfTwoTenants(JdbcTemplate owner) {
        for (String tenant : new String[] {ARVIDSJAUR, MALA}) {
            if (owner.queryForObject("select count(*) from feed_head where tenant_id = ?", Integer.class, tenant) > 0) {
                continue;
            }
            UUID subscription = UUID.randomUUID();
            UUID delivery = UUID.randomUUID();
            owner.update("insert into feed_head (tenant_id, last_position) values (?, 1)", tenant);
            owner.update(
                    """
                    insert into feed_event (tenant_id, position, event_id, type, aggregate_key, occurred_at, body)
                    values (?, 1, ?, 'se.samlyft.catalog.course-published.v1', ?, now(), '{}')""", tenant, UUID.randomUUID().toString(), UUID.randomUUID().toString());
            owner.update("""
                    insert into subscription (id, tenant_id, target_url, event_types, status, start_position,
                        created_at, created_by, version)
                    values (?, ?, 'https://hr.kommun.test/samlyft', '{se.samlyft.*}', 'PAUSED', 0, now(), 'seed', 1)""", subscription, tenant);
            owner.update("""
                    insert into subscription_secret (subscription_id, tenant_id, serial, secret, created_at)
                    values (?, ?, 1, '\\x00', now())""", subscription, tenant);
            owner.update("""
                    insert into delivery (id, tenant_id, subscription_id, position, event_id, aggregate_key, status,
                        next_attempt_at, retry_from, created_at)
                    values (?, ?, ?, 1, 'seed', 'seed', 'FAILED', now(), now(), now())""", delivery, tenant, subscription);
            owner.update("""
                    insert into delivery_attempt (delivery_id, tenant_id, attempt, started_at, duration_ms, status_code)
                    values (?, ?, 1, now(), 12, 503)""", delivery, tenant);
        }
    }

    @Test
    void everyTableOfTheServiceHoldsTenantRows() {
        assertThat(new RowLevelSecurityChecks(database).tenantOwnedTables())
                .containsExactlyInAnyOrder(
                        "delivery",
                        "delivery_attempt",
                        "feed_event",
                        "feed_head",
                        "subscription",
                        "subscription_secret");
    }

    @Test
    void aParticipantHasNoIntegrations() {
        String participant = TestTokens.get().forUser("mala-deltagare-1", MALA, "participant");

        var subscriptions = http.get("/api/integrations/subscriptions", participant);
        var events = http.get("/api/integrations/events", participant);

        assertThat(subscriptions.status()).isEqualTo(403);
        assertThat(subscriptions.json().path("detail").asString())
                .isEqualTo("Only a coordinator or an integration client of the organisation may manage its webhook"
                        + " subscriptions.");
        assertThat(events.status()).isEqualTo(403);
        assertThat(events.json().path("detail").asString())
                .isEqualTo("Only a coordinator or an integration client of the organisation may read its event"
                        + " feed.");
    }
}
