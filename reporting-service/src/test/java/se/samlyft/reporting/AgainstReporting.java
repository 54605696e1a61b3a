package se.samlyft.reporting;

import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;
import se.samlyft.reporting.fixture.Event;
import se.samlyft.reporting.projection.ReadModel;
import se.samlyft.reporting.projection.messaging.EventProjection;
import se.samlyft.testsupport.ServiceIntegrationTest;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TestTokens;

/**
 * The running reporting service against real PostgreSQL and Kafka, with helpers to apply events to the current
 * generation of the read model and to call the API as coordinators, federation coordinators and integrators. Each test
 * names its own tenants ({@link #tenant}), so tests sharing the database do not see each other's rows.
 */
@ServiceIntegrationTest
public abstract class AgainstReporting {

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected EventProjection projection;

    @Autowired
    protected ReadModel readModel;

    protected TestHttp http;

    /** The management port: health, readiness and metrics. */
    protected TestHttp management;

    @BeforeEach
    void connect() {
        http = TestHttp.onPort(port);
        management = TestHttp.onPort(managementPort);
    }

    /** Applies the events, in order, to the current generation; returns whether each was applied now. */
    protected boolean[] apply(Event... events) {
        boolean[] applied = new boolean[events.length];
        for (int i = 0; i < events.length; i++) {
            applied[i] = projection.apply(readModel.generations().current(), events[i].inbound());
        }
        return applied;
    }

    /** A tenant slug of this test only, such as {@code mala-3f9c2a}. */
    protected static String tenant(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    protected static <T> T in(String tenant, Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(TenantId.of(tenant)), work);
    }

    protected static <T> T in(String federation, String[] members, Supplier<T> work) {
        return TenantContext.callAs(
                TenantScope.federation(
                        TenantId.of(federation),
                        Arrays.stream(members).map(TenantId::of).toList()),
                work);
    }

    protected static String coordinatorOf(String tenant) {
        return TestTokens.get().forUser(tenant + "-samordnare", tenant, "coordinator");
    }

    protected static String federationCoordinatorOf(String federation) {
        return TestTokens.get().forUser(federation + "-projektledare", federation, "federation-coordinator");
    }

    protected static String integratorOf(String tenant, String scope) {
        return TestTokens.get()
                .token()
                .username("service-account-" + tenant)
                .organization(tenant)
                .roles("integrator")
                .claim("scope", scope)
                .sign();
    }

    protected static String participantOf(String tenant) {
        return TestTokens.get().forUser(tenant + "-deltagare", tenant, "participant");
    }

    protected static String platformAdmin() {
        return TestTokens.get()
                .token()
                .username("forvaltare")
                .roles("platform-admin")
                .sign();
    }
}
