package se.samlyft.deploy.kubernetes;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import se.samlyft.deploy.LocalBrokerAcls;

/**
 * The agreed Kafka contract of the services as the launcher gives it to the local broker: each service principal's
 * minimal ACLs, which the manifests' KafkaUsers must have exactly.
 */
final class KafkaContract {

    private KafkaContract() {}

    /** One permission: resource type, name, pattern type and operation. */
    record Acl(String type, String name, String pattern, String operation) implements Comparable<Acl> {

        @Override
        public int compareTo(Acl other) {
            return toString().compareTo(other.toString());
        }
    }

    /** The ACLs of each service principal ({@code identity-service}, ...), and not one more. */
    static Map<String, Set<Acl>> minimalAcls() {
        Map<String, Set<Acl>> acls = new TreeMap<>();
        for (LocalBrokerAcls.Entry entry : LocalBrokerAcls.entries()) {
            acls.computeIfAbsent(entry.user(), user -> new TreeSet<>())
                    .add(new Acl(entry.type(), entry.name(), entry.pattern(), entry.operation()));
        }
        return acls;
    }
}
