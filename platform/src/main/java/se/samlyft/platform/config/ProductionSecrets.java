package se.samlyft.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * With the Spring profile {@code production} active, a service refuses to start while any of its settings holds a
 * development secret: the keys and passwords that the repository, the demo realm and the local launcher publish
 * (the personal-number key, the pseudonym key, the realm's demo client secrets, the local Kafka passwords), the
 * password {@code admin} (Keycloak's local administrator's), or a password that equals its user name, as every local
 * database role's does. It looks at every setting named as a secret ({@code ...password}, {@code ...secret},
 * {@code ...key}), whichever source (application.yml, the environment, the command line) gives it, and names every
 * one that fails, so an operator can replace them all at once.
 */
public class ProductionSecrets implements EnvironmentPostProcessor, Ordered {

    /** The profile of an installation that serves real people. */
    public static final String PROFILE = "production";

    /** Published in the repository: its application.yml files, the demo realm and the launcher. */
    static final Map<String, String> DEVELOPMENT_SECRETS = Map.ofEntries(
            Map.entry("c2FtbHlmdC1kZXZlbG9wbWVudC1vbmx5LWtleS0wMDE=", "the development personal-number key"),
            Map.entry("samlyft-local-pseudonym-key", "the development pseudonym key"),
            Map.entry("identity-service-secret", "a demo client secret of the realm"),
            Map.entry("samlyft-web-app-secret", "a demo client secret of the realm"),
            Map.entry("samlyft-integrator-secret", "a demo client secret of the realm"),
            Map.entry("admin-kafka-secret", "the local Kafka password of admin"),
            Map.entry("identity-service-kafka-secret", "the local Kafka password of identity-service"),
            Map.entry("catalog-service-kafka-secret", "the local Kafka password of catalog-service"),
            Map.entry("enrolment-service-kafka-secret", "the local Kafka password of enrolment-service"),
            Map.entry("reporting-service-kafka-secret", "the local Kafka password of reporting-service"),
            Map.entry("integration-service-kafka-secret", "the local Kafka password of integration-service"));

    /** Runs after every other post-processor, so it sees the settings as the application will. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.matchesProfiles(PROFILE)) {
            return;
        }
        List<String> refusals = refusals(environment);
        if (!refusals.isEmpty()) {
            throw new DevelopmentSecretRefused(refusals);
        }
    }

    /** Every setting that holds a development secret, each as a sentence naming it. */
    static List<String> refusals(ConfigurableEnvironment environment) {
        List<String> refusals = new ArrayList<>();
        for (String name : settingNames(environment)) {
            if (!isSecret(name)) {
                continue;
            }
            String value = value(environment, name);
            if (value == null || value.isBlank()) {
                continue;
            }
            String known = DEVELOPMENT_SECRETS.get(value.strip());
            if (known != null) {
                refusals.add(name + " holds " + known);
            } else if (value.strip().equals("admin") && isPassword(name)) {
                refusals.add(name + " holds the password admin");
            } else if (isPassword(name)) {
                userOf(environment, name)
                        .filter(user -> user.equals(value))
                        .ifPresent(user -> refusals.add(name + " equals its user name"));
            }
        }
        return refusals;
    }

    /** A setting named as a secret: a part of its name names a password or a secret, or ends in key or keys. */
    private static boolean isSecret(String name) {
        return parts(name).stream()
                .anyMatch(part -> part.contains("password")
                        || part.contains("secret")
                        || part.endsWith("key")
                        || part.endsWith("keys"));
    }

    private static boolean isPassword(String name) {
        return parts(name).stream().anyMatch(part -> part.contains("password"));
    }

    /** The parts of a setting's name, lower case: between the dots, or the underscores of an environment variable. */
    private static List<String> parts(String name) {
        return List.of(name.toLowerCase(Locale.ROOT).split("[._\\[\\]]"));
    }

    /** The user name beside a password setting: {@code x.username} or {@code x.user} beside {@code x.password}. */
    private static Optional<String> userOf(ConfigurableEnvironment environment, String passwordName) {
        List<String> candidates = new ArrayList<>();
        for (String suffix : List.of(".password", "_PASSWORD", "-password")) {
            if (passwordName.endsWith(suffix)) {
                String prefix = passwordName.substring(0, passwordName.length() - suffix.length());
                boolean upper = suffix.startsWith("_");
                char separator = suffix.charAt(0);
                candidates.add(prefix + separator + (upper ? "USERNAME" : "username"));
                candidates.add(prefix + separator + (upper ? "USER" : "user"));
                if (upper) {
                    String dotted = prefix.toLowerCase(Locale.ROOT).replace('_', '.');
                    candidates.add(dotted + ".username");
                    candidates.add(dotted + ".user");
                }
            }
        }
        return candidates.stream()
                .map(user -> value(environment, user))
                .filter(user -> user != null && !user.isBlank())
                .findFirst();
    }

    /** The names of the settings of every enumerable source, as each source names them. */
    private static Set<String> settingNames(ConfigurableEnvironment environment) {
        Set<String> names = new TreeSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable
                    && !source.getName().equals("configurationProperties")) {
                names.addAll(List.of(enumerable.getPropertyNames()));
            }
        }
        return names;
    }

    /** The value the application gets for the setting, whichever source gives it. */
    private static @Nullable String value(ConfigurableEnvironment environment, String name) {
        try {
            return environment.getProperty(name);
        } catch (IllegalArgumentException unresolvable) {
            return null;
        }
    }

    /** The refusal to start, naming every setting that holds a development secret. */
    public static final class DevelopmentSecretRefused extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        DevelopmentSecretRefused(List<String> refusals) {
            super("The production profile refuses development secrets; set these from the installation's secret"
                    + " store: " + String.join("; ", refusals) + ".");
        }
    }
}
