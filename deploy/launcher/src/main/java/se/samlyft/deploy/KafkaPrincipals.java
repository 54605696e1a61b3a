package se.samlyft.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the platform's Kafka: one SCRAM principal per service, named after it, that writes only its own
 * events topic and its own dead-letter topic and reads only the topics it consumes; and the launcher's {@code admin},
 * the broker's only super user. Kubernetes gets the same ACLs as Strimzi KafkaUsers.
 *
 * <p>Passwords of the local platform are development secrets: {@code <principal>-kafka-secret}.
 */
final class KafkaPrincipals {

    /** The launcher's own principal, the super user of the local broker (it creates the others and the topics). */
    static final String ADMIN = "admin";

    /** The SASL mechanism of every client: the passwords never cross the wire. */
    static final String MECHANISM = "SCRAM-SHA-512";

    /** One service's place on the bus: the short name in its topics, and the services whose events it reads. */
    record Service(String name, boolean produces, List<String> consumes) {

        String principal() {
            return name + "-service";
        }

        /** {@code samlyft.<name>.events}, if the service produces events. */
        String eventsTopic() {
            return KafkaPrincipals.eventsTopic(name);
        }

        /** {@code samlyft.<name>.dlt}, if the service consumes events. */
        String deadLetterTopic() {
            return "samlyft." + name + ".dlt";
        }
    }

    /** Every service of the platform with what it produces and consumes (integration-service runs on Kubernetes). */
    static final List<Service> SERVICES = List.of(
            new Service("identity", true, List.of()),
            new Service("catalog", true, List.of("identity", "enrolment")),
            new Service("enrolment", true, List.of("identity", "catalog")),
            new Service("reporting", false, List.of("identity", "catalog", "enrolment")),
            new Service("integration", false, List.of("identity", "catalog", "enrolment")));

    private KafkaPrincipals() {}

    static String eventsTopic(String service) {
        return "samlyft." + service + ".events";
    }

    /** The local password of a principal, a development secret. */
    static String password(String principal) {
        return principal + "-kafka-secret";
    }

    /** The events topics and the dead-letter topics, which the launcher creates (the broker creates none itself). */
    static List<String> topics() {
        List<String> topics = new ArrayList<>();
        SERVICES.stream().filter(Service::produces).map(Service::eventsTopic).forEach(topics::add);
        SERVICES.stream()
                .filter(service -> !service.consumes().isEmpty())
                .map(Service::deadLetterTopic)
                .forEach(topics::add);
        return topics;
    }

    /** The ACLs of every service principal. */
    static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        for (Service service : SERVICES) {
            String principal = "User:" + service.principal();
            if (service.produces()) {
                allow(acls, principal, topic(service.eventsTopic()), AclOperation.WRITE, AclOperation.DESCRIBE);
            }
            for (String consumed : service.consumes()) {
                allow(acls, principal, topic(eventsTopic(consumed)), AclOperation.READ, AclOperation.DESCRIBE);
            }
            if (!service.consumes().isEmpty()) {
                allow(
                        acls,
                        principal,
                        topic(service.deadLetterTopic()),
                        AclOperation.READ,
                        AclOperation.WRITE,
                        AclOperation.DESCRIBE);
                allow(
                        acls,
                        principal,
                        new ResourcePattern(ResourceType.GROUP, service.principal(), PatternType.PREFIXED),
                        AclOperation.READ);
            }
        }
        return acls;
    }

    /** Every principal the launcher gives a SCRAM credential: the admin and the services. */
    static List<String> principals() {
        return Stream.concat(Stream.of(ADMIN), SERVICES.stream().map(Service::principal))
                .toList();
    }

    private static ResourcePattern topic(String name) {
        return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
    }

    private static void allow(
            List<AclBinding> acls, String principal, ResourcePattern resource, AclOperation... operations) {
        for (AclOperation operation : operations) {
            acls.add(new AclBinding(
                    resource, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
        }
    }
}
