package se.samlyft.testsupport;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules of {@link ServiceArchitecture} as tests; each service extends it naming its package and the
 * packages of its outbound clients, if it has any.
 */
public abstract class ServiceArchitectureTest {

    private final ServiceArchitecture architecture;

    protected ServiceArchitectureTest(String basePackage, String... outboundAdapters) {
        this.architecture = ServiceArchitecture.of(basePackage, outboundAdapters);
    }

    @Test
    void domainCodeImportsNoFramework() {
        architecture.domainIsFreeOfFrameworks();
    }

    @Test
    void onlyAdaptersUseAnOutboundClient() {
        Assumptions.assumeTrue(architecture.hasOutboundAdapters(), "the service names no outbound adapter");
        architecture.outboundAdaptersServeOnlyAdapters();
    }

    @Test
    void capabilitiesHaveNoCycles() {
        architecture.capabilitiesAreFreeOfCycles();
    }
}
