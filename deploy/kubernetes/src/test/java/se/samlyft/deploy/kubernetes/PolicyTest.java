package se.samlyft.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import se.samlyft.deploy.kubernetes.KafkaContract.Acl;
import tools.jackson.databind.JsonNode;

/**
 * What Samlyft requires of its manifests beyond the schemas, checked on each overlay as rendered: no container runs as
 * root, every container has requests, limits and probes, no Secret and no development secret is in the repository,
 * every service and every database has its NetworkPolicy, every Kafka user has exactly its minimal ACLs, and the
 * services get the agreed environment.
 */
class PolicyTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    /** The public entries: only these may be reached from the ingress controller. */
    private static final Set<String> PUBLIC = Set.of("gateway");

    /** Values the local platform uses as secrets; none may appear in a production manifest. */
    private static final List<String> DEVELOPMENT_SECRETS = List.of(
            "identity-service-secret",
            "samlyft-integrator-secret",
            "samlyft-web-app-secret",
            "kafka-secret",
            "c2FtbHlmdC1kZXZlbG9wbWVudC1vbmx5LWtleS0wMDE=",
            "samlyft-local-pseudonym-key");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noContainerRunsAsRootOrMayBecomeIt(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Manifest deployment : Rendered.ofKind(overlay, "Deployment")) {
            JsonNode pod = deployment.object().path("spec").path("template").path("spec");
            JsonNode podSecurity = pod.path("securityContext");
            for (JsonNode container : deployment.containers()) {
                JsonNode security = container.path("securityContext");
                String where =
                        deployment + " container " + container.path("name").asString();
                if (!(security.path("runAsNonRoot")
                        .asBoolean(podSecurity.path("runAsNonRoot").asBoolean(false)))) {
                    problems.add(where + " may run as root (runAsNonRoot)");
                }
                if (security.path("runAsUser")
                                .asLong(podSecurity.path("runAsUser").asLong(0))
                        == 0) {
                    problems.add(where + " names no non-root user (runAsUser)");
                }
                if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                    problems.add(where + " allows privilege escalation");
                }
                if (security.path("privileged").asBoolean(false)) {
                    problems.add(where + " is privileged");
                }
                if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                    problems.add(where + " has a writable root file system");
                }
                if (!texts(security.path("capabilities").path("drop")).contains("ALL")) {
                    problems.add(where + " keeps Linux capabilities");
                }
                if (!"RuntimeDefault"
                        .equals(security.path("seccompProfile")
                                .path("type")
                                .asString(podSecurity
                                        .path("seccompProfile")
                                        .path("type")
                                        .asString("")))) {
                    problems.add(where + " has no seccomp profile");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(Rendered.ofKind(overlay, "Deployment")).hasSizeGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerHasRequestsLimitsAndProbesOnItsManagementPort(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Manifest deployment : Rendered.ofKind(overlay, "Deployment")) {
            for (JsonNode container : deployment.containers()) {
                String where =
                        deployment + " container " + container.path("name").asString();
                problems.addAll(resources(where, container.path("resources")));
                int management = -1;
                int http = -1;
                for (JsonNode port : container.path("ports")) {
                    if (port.path("name").asString().equals("management")) {
                        management = port.path("containerPort").asInt();
                    }
                    if (port.path("name").asString().equals("http")) {
                        http = port.path("containerPort").asInt();
                    }
                }
                if (management != http + 1000) {
                    problems.add(where + " has its management port at " + management + ", not its port + 1000");
                }
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    JsonNode get = container.path(probe).path("httpGet");
                    if (!get.path("port").asString("").equals("management")
                            || !get.path("path").asString("").startsWith("/actuator/health/")) {
                        problems.add(where + " has no " + probe + " on its management port's health");
                    }
                }
            }
        }
        for (Manifest pool : Rendered.ofKind(overlay, "KafkaNodePool")) {
            problems.addAll(
                    resources(pool.toString(), pool.object().path("spec").path("resources")));
        }
        for (Manifest kafka : Rendered.ofKind(overlay, "Kafka")) {
            for (String operator : List.of("topicOperator", "userOperator")) {
                problems.addAll(resources(
                        kafka + " " + operator,
                        kafka.object()
                                .path("spec")
                                .path("entityOperator")
                                .path(operator)
                                .path("resources")));
            }
        }
        for (Manifest cluster : Rendered.ofKind(overlay, "Cluster")) {
            problems.addAll(
                    resources(cluster.toString(), cluster.object().path("spec").path("resources")));
        }
        for (Manifest pooler : Rendered.ofKind(overlay, "Pooler")) {
            for (JsonNode container :
                    pooler.object().path("spec").path("template").path("spec").path("containers")) {
                problems.addAll(resources(pooler.toString(), container.path("resources")));
            }
        }
        for (Manifest keycloak : Rendered.ofKind(overlay, "Keycloak")) {
            problems.addAll(resources(
                    keycloak.toString(), keycloak.object().path("spec").path("resources")));
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noSecretAndNoDevelopmentSecretIsInTheManifests(String overlay) {
        assertThat(Rendered.ofKind(overlay, "Secret"))
                .as("Secrets in the repository")
                .isEmpty();
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : Rendered.objects(overlay)) {
            String text = manifest.object().toString();
            DEVELOPMENT_SECRETS.stream()
                    .filter(text::contains)
                    .forEach(secret -> problems.add(manifest + " holds the development secret " + secret));
        }
        for (Manifest deployment : Rendered.ofKind(overlay, "Deployment")) {
            for (JsonNode container : deployment.containers()) {
                for (JsonNode variable : container.path("env")) {
                    String name = variable.path("name").asString();
                    boolean secret = name.contains("PASSWORD") || name.contains("SECRET") || name.endsWith("_KEY");
                    if (secret && !variable.path("valueFrom").has("secretKeyRef")) {
                        problems.add(deployment + " sets " + name + " in the manifest, not from a Secret");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceHasANetworkPolicyAndOnlyTheGatewayIsPublic(String overlay) {
        List<Manifest> policies = Rendered.ofKind(overlay, "NetworkPolicy");
        List<String> problems = new ArrayList<>();
        assertThat(policies)
                .as("a default deny of all ingress in the namespace")
                .anySatisfy(policy -> {
                    assertThat(policy.object().path("spec").path("podSelector").isEmpty())
                            .isTrue();
                    assertThat(policy.object().path("spec").has("ingress")).isFalse();
                });
        for (Manifest deployment : Rendered.ofKind(overlay, "Deployment")) {
            String service = deployment.label("app.kubernetes.io/name");
            List<Manifest> own = policies.stream()
                    .filter(policy -> selects(policy, deployment))
                    .filter(policy ->
                            !policy.object().path("spec").path("podSelector").isEmpty())
                    .toList();
            if (own.isEmpty()) {
                problems.add(deployment + " has no NetworkPolicy of its own");
                continue;
            }
            for (Manifest policy : own) {
                Set<String> types =
                        new HashSet<>(texts(policy.object().path("spec").path("policyTypes")));
                if (!types.containsAll(Set.of("Ingress", "Egress"))) {
                    problems.add(policy + " does not limit both ingress and egress of " + service);
                }
                boolean fromIngress = policy.object().toString().contains("ingress-nginx");
                if (fromIngress && !PUBLIC.contains(service)) {
                    problems.add(policy + " lets the ingress controller reach " + service);
                }
                if (!fromIngress && PUBLIC.contains(service)) {
                    problems.add(policy + " does not let the ingress controller reach " + service);
                }
                if (!PUBLIC.contains(service)) {
                    JsonNode first =
                            policy.object().path("spec").path("ingress").path(0);
                    String from = first.path("from").toString();
                    if (!from.contains("\"app.kubernetes.io/name\":\"gateway\"")
                            || first.path("from").size() != 1) {
                        problems.add(policy + " admits requests to " + service + " from " + from);
                    }
                }
            }
        }
        for (Manifest cluster : Rendered.ofKind(overlay, "Cluster")) {
            String name = cluster.name();
            String owner = name.replace("-db", "");
            List<Manifest> own = policies.stream()
                    .filter(policy -> policy.object()
                            .path("spec")
                            .path("podSelector")
                            .path("matchLabels")
                            .path("cnpg.io/cluster")
                            .asString("")
                            .equals(name))
                    .toList();
            if (own.size() != 1) {
                problems.add(cluster + " has " + own.size() + " NetworkPolicies, not one");
                continue;
            }
            Set<String> peers = new TreeSet<>();
            for (JsonNode rule : own.getFirst().object().path("spec").path("ingress")) {
                boolean database = false;
                for (JsonNode port : rule.path("ports")) {
                    database |= port.path("port").asInt() == 5432;
                }
                if (database) {
                    for (JsonNode from : rule.path("from")) {
                        peers.add(from.path("podSelector").path("matchLabels").toString()
                                + from.path("namespaceSelector").path("matchLabels"));
                    }
                }
            }
            Set<String> expected = new TreeSet<>();
            expected.add(
                    owner.equals("keycloak")
                            ? "{\"app\":\"keycloak\"}"
                            : "{\"app.kubernetes.io/name\":\"" + owner + "-service\"}");
            expected.add("{\"cnpg.io/cluster\":\"" + name + "\"}");
            if (!Rendered.objects(overlay).stream()
                    .filter(pooler -> pooler.kind().equals("Pooler"))
                    .filter(pooler -> pooler.at("spec", "cluster", "name")
                            .map(JsonNode::asString)
                            .orElse("")
                            .equals(name))
                    .toList()
                    .isEmpty()) {
                expected.add("{\"cnpg.io/poolerName\":\"" + name + "-pooler-rw\"}");
            }
            if (!peers.equals(expected)) {
                problems.add(cluster + " admits connections from " + peers + ", not only from " + expected);
            }
        }
        for (Manifest keycloak : Rendered.ofKind(overlay, "Keycloak")) {
            if (!keycloak.at("spec", "networkPolicy", "enabled")
                    .map(JsonNode::asBoolean)
                    .orElse(false)) {
                problems.add(keycloak + " has no NetworkPolicy");
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyKafkaUserHasExactlyItsMinimalAcls(String overlay) {
        Map<String, Set<Acl>> actual = new TreeMap<>();
        for (Manifest user : Rendered.ofKind(overlay, "KafkaUser")) {
            assertThat(user.at("spec", "authentication", "type").map(JsonNode::asString))
                    .as(user.toString())
                    .contains("scram-sha-512");
            Set<Acl> acls = new TreeSet<>();
            for (JsonNode acl : user.object().path("spec").path("authorization").path("acls")) {
                assertThat(acl.path("type").asString("allow")).isEqualTo("allow");
                assertThat(acl.path("host").asString("*")).isEqualTo("*");
                JsonNode resource = acl.path("resource");
                for (String operation : texts(acl.path("operations"))) {
                    acls.add(new Acl(
                            resource.path("type").asString(),
                            resource.path("name").asString(),
                            resource.path("patternType").asString("literal"),
                            operation));
                }
            }
            actual.put(user.name(), acls);
        }
        Map<String, Set<Acl>> expected = new TreeMap<>();
        KafkaContract.CONSUMES
                .keySet()
                .forEach(service -> expected.put(service + "-service", KafkaContract.minimalAcls(service)));
        assertThat(actual).isEqualTo(expected);

        Set<String> topics = new TreeSet<>();
        for (Manifest topic : Rendered.ofKind(overlay, "KafkaTopic")) {
            topics.add(topic.name());
            assertThat(topic.at("spec", "replicas").map(JsonNode::asInt))
                    .as(topic.toString())
                    .contains(3);
            assertThat(topic.at("spec", "config", "min.insync.replicas").map(JsonNode::asInt))
                    .as(topic.toString())
                    .contains(2);
        }
        Set<String> named = new TreeSet<>();
        expected.values()
                .forEach(acls ->
                        acls.stream().filter(acl -> acl.type().equals("topic")).forEach(acl -> named.add(acl.name())));
        assertThat(topics).as("every topic an ACL names, and no other").isEqualTo(named);
        Manifest kafka = Rendered.ofKind(overlay, "Kafka").getFirst();
        assertThat(kafka.at("spec", "kafka", "authorization", "type").map(JsonNode::asString))
                .contains("simple");
        assertThat(kafka.at("spec", "kafka", "config", "auto.create.topics.enable")
                        .map(JsonNode::asBoolean))
                .contains(false);
        for (JsonNode listener : kafka.object().path("spec").path("kafka").path("listeners")) {
            assertThat(listener.path("authentication").path("type").asString()).isEqualTo("scram-sha-512");
            assertThat(listener.path("tls").asBoolean()).isTrue();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theServicesScaleAndSurviveADisruption(String overlay) {
        Map<String, Manifest> autoscalers = new TreeMap<>();
        Rendered.ofKind(overlay, "HorizontalPodAutoscaler")
                .forEach(hpa -> autoscalers.put(
                        hpa.at("spec", "scaleTargetRef", "name").orElseThrow().asString(), hpa));
        assertThat(autoscalers).containsOnlyKeys("gateway", "catalog-service", "enrolment-service");
        autoscalers
                .values()
                .forEach(hpa -> assertThat(
                                hpa.at("spec", "minReplicas").orElseThrow().asInt())
                        .isGreaterThanOrEqualTo(2));
        List<Manifest> budgets = Rendered.ofKind(overlay, "PodDisruptionBudget");
        for (Manifest deployment : Rendered.ofKind(overlay, "Deployment")) {
            if (!autoscalers.containsKey(deployment.name())) {
                assertThat(deployment.at("spec", "replicas").orElseThrow().asInt())
                        .as(deployment.toString())
                        .isGreaterThanOrEqualTo(2);
            } else {
                assertThat(deployment.at("spec", "replicas"))
                        .as(deployment + " leaves its replicas to its autoscaler")
                        .isEmpty();
            }
            assertThat(budgets).as(deployment + "'s disruption budget").anyMatch(budget -> selects(budget, deployment));
        }
        for (Manifest ingress : Rendered.ofKind(overlay, "Ingress")) {
            Set<String> hosts = new TreeSet<>();
            ingress.object()
                    .path("spec")
                    .path("rules")
                    .forEach(rule -> hosts.add(rule.path("host").asString()));
            Set<String> tls = new TreeSet<>();
            ingress.object().path("spec").path("tls").forEach(entry -> tls.addAll(texts(entry.path("hosts"))));
            assertThat(tls).as(ingress + " serves every host over TLS").containsAll(hosts);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceGetsTheAgreedEnvironment(String overlay) {
        Map<String, Map<String, String>> configMaps = new TreeMap<>();
        for (Manifest map : Rendered.ofKind(overlay, "ConfigMap")) {
            Map<String, String> data = new TreeMap<>();
            map.object()
                    .path("data")
                    .properties()
                    .forEach(entry -> data.put(entry.getKey(), entry.getValue().asString()));
            configMaps.put(map.name(), data);
        }
        List<String> common = List.of(
                "SERVER_PORT",
                "MANAGEMENT_SERVER_PORT",
                "SERVER_ADDRESS",
                "SPRING_PROFILES_ACTIVE",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI");
        List<String> domain = List.of(
                "SPRING_DATASOURCE_URL",
                "SPRING_DATASOURCE_USERNAME",
                "SPRING_DATASOURCE_PASSWORD",
                "SPRING_FLYWAY_URL",
                "SPRING_FLYWAY_USER",
                "SPRING_FLYWAY_PASSWORD",
                "SPRING_KAFKA_BOOTSTRAP_SERVERS",
                "SAMLYFT_KAFKA_USERNAME",
                "SAMLYFT_KAFKA_PASSWORD");
        Map<String, List<String>> own = Map.of(
                "identity-service",
                List.of(
                        "SAMLYFT_IDENTITY_PERSONAL_NUMBER_KEY",
                        "SAMLYFT_IDENTITY_KEYCLOAK_SERVER_URL",
                        "SAMLYFT_IDENTITY_KEYCLOAK_CLIENT_SECRET"),
                "reporting-service",
                List.of("SAMLYFT_REPORTING_PSEUDONYM_KEY"),
                "gateway",
                List.of(
                        "SAMLYFT_ROUTES_IDENTITY",
                        "SAMLYFT_ROUTES_CATALOG",
                        "SAMLYFT_ROUTES_ENROLMENT",
                        "SAMLYFT_ROUTES_REPORTING"));
        for (Manifest deployment : Rendered.ofKind(overlay, "Deployment")) {
            JsonNode container = deployment.containers().getFirst();
            Map<String, String> environment = new TreeMap<>();
            for (JsonNode from : container.path("envFrom")) {
                String map = from.path("configMapRef").path("name").asString();
                assertThat(configMaps)
                        .as(deployment + " reads ConfigMap " + map)
                        .containsKey(map);
                environment.putAll(configMaps.get(map));
            }
            container
                    .path("env")
                    .forEach(variable -> environment.put(
                            variable.path("name").asString(),
                            variable.path("value").asString("<from a Secret>")));
            List<String> expected = new ArrayList<>(common);
            if (!deployment.name().equals("gateway")) {
                expected.addAll(domain);
            }
            expected.addAll(own.getOrDefault(deployment.name(), List.of()));
            assertThat(environment).as(deployment.toString()).containsKeys(expected.toArray(String[]::new));
            assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "production");
            if (!deployment.name().equals("gateway")) {
                assertThat(environment).containsEntry("SAMLYFT_KAFKA_USERNAME", deployment.name());
            }
        }
    }

    private static boolean selects(Manifest selector, Manifest deployment) {
        JsonNode labels = selector.object().path("spec").path("podSelector");
        if (labels.isMissingNode()) {
            labels = selector.object().path("spec").path("selector");
        }
        JsonNode wanted = labels.path("matchLabels");
        Predicate<Map.Entry<String, JsonNode>> matches = entry ->
                deployment.label(entry.getKey()).equals(entry.getValue().asString());
        return wanted.properties().stream().allMatch(matches) && !labels.has("matchExpressions");
    }

    private static List<String> resources(String where, JsonNode resources) {
        List<String> problems = new ArrayList<>();
        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (!resources.path(bound).has(resource)) {
                    problems.add(where + " has no " + resource + " " + bound);
                }
            }
        }
        return problems;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asString()));
        return texts;
    }
}
