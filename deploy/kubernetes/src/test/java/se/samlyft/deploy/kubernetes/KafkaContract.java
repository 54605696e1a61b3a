package se.samlyft.deploy.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The agreed Kafka contract of the services: which topic each publishes and which it consumes. From it follows the
 * minimal set of ACLs of each service's principal.
 */
final class KafkaContract {

    /** The services that publish events, each to {@code samlyft.<short name>.events}. */
    static final Set<String> PRODUCERS = Set.of("identity", "catalog", "enrolment");

    /** What each service consumes, by short name. */
    static final Map<String, List<String>> CONSUMES = Map.of(
            "identity", List.of(),
            "catalog", List.of("identity", "enrolment"),
            "enrolment", List.of("identity", "catalog"),
            "reporting", List.of("identity", "catalog", "enrolment"),
            "integration", List.of("identity", "catalog", "enrolment"));

    private KafkaContract() {}

    /** One permission: resource type, name, pattern type and operation. */
    record Acl(String type, String name, String pattern, String operation) implements Comparable<Acl> {

        @Override
        public int compareTo(Acl other) {
            return toString().compareTo(other.toString());
        }
    }

    /** The ACLs of service {@code s}, and not one more. */
    static Set<Acl> minimalAcls(String service) {
        Set<Acl> acls = new TreeSet<>();
        if (PRODUCERS.contains(service)) {
            for (String operation : List.of("Write", "Describe")) {
                acls.add(new Acl("topic", "samlyft." + service + ".events", "literal", operation));
            }
        }
        List<String> consumed = CONSUMES.get(service);
        for (String producer : consumed) {
            for (String operation : List.of("Read", "Describe")) {
                acls.add(new Acl("topic", "samlyft." + producer + ".events", "literal", operation));
            }
        }
        if (!consumed.isEmpty()) {
            for (String operation : List.of("Read", "Write", "Describe")) {
                acls.add(new Acl("topic", "samlyft." + service + ".dlt", "literal", operation));
            }
            acls.add(new Acl("group", service + "-service", "prefix", "Read"));
        }
        return acls;
    }
}
