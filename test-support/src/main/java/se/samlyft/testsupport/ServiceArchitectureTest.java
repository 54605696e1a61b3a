package se.samlyft.testsupport;

import org.junit.jupiter.api.Test;

/** The architecture rules of {@link ServiceArchitecture} as tests; each service extends it naming its package. */
public abstract class ServiceArchitectureTest {

    private final ServiceArchitecture architecture;

    protected ServiceArchitectureTest(String basePackage) {
        this.architecture = ServiceArchitecture.of(basePackage);
    }

    @Test
    void domainCodeImportsNoFramework() {
        architecture.domainIsFreeOfFrameworks();
    }

    @Test
    void capabilitiesKeepTheirInternalsToThemselves() {
        architecture.internalsStayInTheirCapability();
    }

    @Test
    void capabilitiesHaveNoCycles() {
        architecture.capabilitiesAreFreeOfCycles();
    }
}
