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
    private static final Set<String> PUBLIC = Set.of("gateway", "web");

    /** The seven Deployments: the five services, the gateway and the web application. */
    static final Set<String> DEPLOYMENTS = Set.of(
            "identity-service",
            "catalog-service",
            "enrolment-service",
            "reporting-service",
            "integration-service",
            "gateway",
            "web");

    /** Addresses no pod of Samlyft's may call out to: private, shared, loopback and link-local ranges. */
    private static final List<String> PRIVATE_RANGES =
            List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "127.0.0.0/8");

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
        assertThat(Rendered.ofKind(overlay, "Deployment").stream().map(Manifest::name))
                .containsExactlyInAnyOrderElementsOf(DEPLOYMENTS);
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
        Map<String, Set<Acl>> expected = KafkaContract.minimalAcls();
        assertThat(expected)
                .as("the launcher's principals")
                .containsKeys(
                        "identity-service",
                        "catalog-service",
                        "enrolment-service",
                        "reporting-service",
                        "integration-service");
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
        assertThat(autoscalers).containsOnlyKeys("gateway", "catalog-service", "enrolment-service", "web");
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
        List<Manifest> ingresses = Rendered.ofKind(overlay, "Ingress");
        Map<String, String> routes = new TreeMap<>();
        for (Manifest ingress : ingresses) {
            for (JsonNode rule : ingress.object().path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    routes.put(
                            path.path("path").asString(),
                            path.path("backend").path("service").path("name").asString());
                }
            }
        }
        assertThat(routes).as("the public paths").isEqualTo(Map.of("/", "web", "/api", "gateway"));
        for (Manifest ingress : ingresses) {
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
                "integration-service",
                List.of("SAMLYFT_INTEGRATION_SECRET_KEY"),
                "web",
                List.of(
                        "SAMLYFT_WEB_GATEWAY_URL",
                        "SAMLYFT_WEB_KEYCLOAK_ISSUER_URI",
                        "SAMLYFT_WEB_KEYCLOAK_BACKCHANNEL_URI",
                        "SAMLYFT_WEB_KEYCLOAK_CLIENT_SECRET"),
                "identity-service",
                List.of(
                        "SAMLYFT_IDENTITY_PERSONAL_NUMBER_KEY",
                        "SAMLYFT_IDENTITY_KEYCLOAK_SERVER_URL",
                        "SAMLYFT_IDENTITY_KEYCLOAK_CLIENT_SECRET",
                        "SAMLYFT_IDENTITY_REPORTING_URL"),
                "reporting-service",
                List.of("SAMLYFT_REPORTING_PSEUDONYM_KEY"),
                "gateway",
                List.of(
                        "SAMLYFT_ROUTES_IDENTITY",
                        "SAMLYFT_ROUTES_CATALOG",
                        "SAMLYFT_ROUTES_ENROLMENT",
                        "SAMLYFT_ROUTES_REPORTING",
                        "SAMLYFT_ROUTES_INTEGRATION"));
        for (Manifest deployment : Rendered.ofKind(overlay, "Deployment")) {
            Map<String, String> environment = Rendered.environment(overlay, deployment);
            boolean domainService = deployment.name().endsWith("-service");
            List<String> expected = new ArrayList<>(common);
            if (domainService) {
                expected.addAll(domain);
            }
            expected.addAll(own.getOrDefault(deployment.name(), List.of()));
            assertThat(environment).as(deployment.toString()).containsKeys(expected.toArray(String[]::new));
            assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "production");
            if (domainService) {
                assertThat(environment).containsEntry("SAMLYFT_KAFKA_USERNAME", deployment.name());
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theWebApplicationIsReachedFromTheIngressControllerOnlyAndCallsTheGatewayAndKeycloakOnly(String overlay) {
        Manifest policy = networkPolicyOf(overlay, "web");
        Set<String> sources = new TreeSet<>();
        for (JsonNode rule : policy.object().path("spec").path("ingress")) {
            for (JsonNode port : rule.path("ports")) {
                for (JsonNode from : rule.path("from")) {
                    sources.add(port.path("port").asInt() + " from " + peer(from));
                }
            }
        }
        assertThat(sources)
                .containsExactlyInAnyOrder("8085 from namespace ingress-nginx", "9085 from namespace monitoring");
        Set<String> destinations = new TreeSet<>();
        for (JsonNode rule : policy.object().path("spec").path("egress")) {
            for (JsonNode port : rule.path("ports")) {
                for (JsonNode to : rule.path("to")) {
                    destinations.add(peer(to) + " " + port.path("protocol").asString("TCP") + " "
                            + port.path("port").asInt());
                }
            }
        }
        assertThat(destinations)
                .containsExactlyInAnyOrder(
                        "namespace kube-system pods {\"k8s-app\":\"kube-dns\"} UDP 53",
                        "namespace kube-system pods {\"k8s-app\":\"kube-dns\"} TCP 53",
                        "pods {\"app.kubernetes.io/name\":\"gateway\"} TCP 8080",
                        "pods {\"app\":\"keycloak\",\"app.kubernetes.io/instance\":\"samlyft-keycloak\"} TCP 8080");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onlyIntegrationServiceLeavesTheClusterAndOnlyForHttpsToPublicAddresses(String overlay) {
        List<String> problems = new ArrayList<>();
        boolean webhooks = false;
        for (Manifest policy : Rendered.ofKind(overlay, "NetworkPolicy")) {
            for (JsonNode rule : policy.object().path("spec").path("egress")) {
                List<JsonNode> blocks = new ArrayList<>();
                rule.path("to").forEach(to -> {
                    if (to.has("ipBlock")) {
                        blocks.add(to.path("ipBlock"));
                    }
                });
                if (blocks.isEmpty()) {
                    continue;
                }
                if (!policy.name().equals("integration-service")) {
                    problems.add(policy + " lets pods call addresses outside the cluster: " + blocks);
                    continue;
                }
                webhooks = true;
                List<String> ports = new ArrayList<>();
                rule.path("ports")
                        .forEach(port -> ports.add(port.path("protocol").asString("TCP") + " "
                                + port.path("port").asString()));
                if (!ports.equals(List.of("TCP 443"))) {
                    problems.add(policy + " lets webhooks out on " + ports + ", not on 443 only");
                }
                if (rule.path("to").size() != blocks.size()) {
                    problems.add(policy + " mixes address blocks and pods in one rule");
                }
                for (JsonNode block : blocks) {
                    String cidr = block.path("cidr").asString();
                    List<String> except = texts(block.path("except"));
                    if (cidr.contains(".")) {
                        PRIVATE_RANGES.stream()
                                .filter(range -> !except.contains(range) && covers(cidr, range))
                                .forEach(range -> problems.add(policy + " lets webhooks reach " + range));
                    } else if (!except.containsAll(List.of("::1/128", "fc00::/7", "fe80::/10"))) {
                        problems.add(policy + " lets webhooks reach private IPv6 addresses: " + except);
                    }
                }
            }
        }
        assertThat(webhooks).as("integration-service may send webhooks").isTrue();
        assertThat(problems).isEmpty();
    }

    /** Whether the IPv4 block {@code outer} contains the block {@code inner}. */
    static boolean covers(String outer, String inner) {
        long[] a = cidr(outer);
        long[] b = cidr(inner);
        long mask = a[1] == 0 ? 0 : (0xFFFFFFFFL << (32 - a[1])) & 0xFFFFFFFFL;
        return b[1] >= a[1] && (b[0] & mask) == (a[0] & mask);
    }

    private static long[] cidr(String block) {
        String[] parts = block.split("/");
        long address = 0;
        for (String octet : parts[0].split("\\.")) {
            address = address << 8 | Long.parseLong(octet);
        }
        return new long[] {address, Long.parseLong(parts[1])};
    }

    private static Manifest networkPolicyOf(String overlay, String name) {
        return Rendered.ofKind(overlay, "NetworkPolicy").stream()
                .filter(policy -> policy.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No NetworkPolicy " + name + " in " + overlay));
    }

    /** A peer of a NetworkPolicy rule in words: its namespace, its pods, its address block. */
    private static String peer(JsonNode peer) {
        List<String> words = new ArrayList<>();
        if (peer.has("namespaceSelector")) {
            words.add("namespace "
                    + peer.path("namespaceSelector")
                            .path("matchLabels")
                            .path("kubernetes.io/metadata.name")
                            .asString(peer.path("namespaceSelector").toString()));
        }
        if (peer.has("podSelector")) {
            words.add("pods " + peer.path("podSelector").path("matchLabels"));
        }
        if (peer.has("ipBlock")) {
            words.add("addresses " + peer.path("ipBlock"));
        }
        return String.join(" ", words);
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
