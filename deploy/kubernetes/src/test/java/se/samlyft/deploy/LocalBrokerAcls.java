package se.samlyft.deploy;

import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;

/**
 * The ACLs the launcher gives each service's principal on the local broker ({@link KafkaPrincipals}), in Strimzi's
 * terms, so that the manifests' KafkaUsers can be compared with them: one entry per principal, resource and operation.
 */
public final class LocalBrokerAcls {

    /**
     * One permission as a KafkaUser names it.
     *
     * @param user the principal without {@code User:}
     * @param type {@code topic} or {@code group}
     * @param name the resource's name, or its prefix
     * @param pattern {@code literal} or {@code prefix}
     * @param operation {@code Read}, {@code Write}, {@code Describe}, ...
     */
    public record Entry(String user, String type, String name, String pattern, String operation) {}

    private LocalBrokerAcls() {}

    /** Every ACL of every service principal, as the launcher grants them. */
    public static List<Entry> entries() {
        return KafkaPrincipals.acls().stream().map(LocalBrokerAcls::entry).toList();
    }

    private static Entry entry(AclBinding binding) {
        String operation = binding.entry().operation().name().toLowerCase(Locale.ROOT);
        return new Entry(
                binding.entry().principal().substring("User:".length()),
                binding.pattern().resourceType().name().toLowerCase(Locale.ROOT),
                binding.pattern().name(),
                binding.pattern().patternType() == PatternType.PREFIXED ? "prefix" : "literal",
                Character.toUpperCase(operation.charAt(0)) + operation.substring(1));
    }
}
