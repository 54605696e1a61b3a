package se.samlyft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Test;

class KafkaPrincipalsTest {

    @Test
    void createsTheEventsTopicsOfTheProducersAndADeadLetterTopicPerConsumer() {
        assertThat(KafkaPrincipals.topics())
                .containsExactly(
                        "samlyft.identity.events",
                        "samlyft.catalog.events",
                        "samlyft.enrolment.events",
                        "samlyft.catalog.dlt",
                        "samlyft.enrolment.dlt",
                        "samlyft.reporting.dlt",
                        "samlyft.integration.dlt");
    }

    @Test
    void grantsEachServiceItsOwnTopicsAndWhatItConsumesAndNothingElse() {
        assertThat(grantsOf("identity-service"))
                .containsExactlyInAnyOrder(
                        "WRITE TOPIC samlyft.identity.events LITERAL",
                        "DESCRIBE TOPIC samlyft.identity.events LITERAL");
        assertThat(grantsOf("catalog-service"))
                .containsExactlyInAnyOrder(
                        "WRITE TOPIC samlyft.catalog.events LITERAL",
                        "DESCRIBE TOPIC samlyft.catalog.events LITERAL",
                        "READ TOPIC samlyft.identity.events LITERAL",
                        "DESCRIBE TOPIC samlyft.identity.events LITERAL",
                        "READ TOPIC samlyft.enrolment.events LITERAL",
                        "DESCRIBE TOPIC samlyft.enrolment.events LITERAL",
                        "READ TOPIC samlyft.catalog.dlt LITERAL",
                        "WRITE TOPIC samlyft.catalog.dlt LITERAL",
                        "DESCRIBE TOPIC samlyft.catalog.dlt LITERAL",
                        "READ GROUP catalog-service PREFIXED");
        assertThat(grantsOf("reporting-service"))
                .noneMatch(grant -> grant.startsWith("WRITE TOPIC samlyft.") && grant.contains(".events"))
                .contains(
                        "READ TOPIC samlyft.enrolment.events LITERAL",
                        "WRITE TOPIC samlyft.reporting.dlt LITERAL",
                        "READ GROUP reporting-service PREFIXED");
        assertThat(grantsOf("integration-service"))
                .contains("READ TOPIC samlyft.catalog.events LITERAL", "WRITE TOPIC samlyft.integration.dlt LITERAL")
                .noneMatch(grant -> grant.startsWith("WRITE") && grant.contains(".events"));
    }

    @Test
    void givesTheAdminAndEveryServiceACredential() {
        assertThat(KafkaPrincipals.principals())
                .containsExactly(
                        "admin",
                        "identity-service",
                        "catalog-service",
                        "enrolment-service",
                        "reporting-service",
                        "integration-service");
        assertThat(KafkaPrincipals.password("catalog-service")).isEqualTo("catalog-service-kafka-secret");
    }

    private static List<String> grantsOf(String principal) {
        return KafkaPrincipals.acls().stream()
                .filter(acl -> acl.entry().principal().equals("User:" + principal))
                .map(KafkaPrincipalsTest::describe)
                .toList();
    }

    private static String describe(AclBinding acl) {
        return acl.entry().operation() + " " + acl.pattern().resourceType() + " "
                + acl.pattern().name() + " " + acl.pattern().patternType();
    }
}
