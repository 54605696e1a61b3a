package se.samlyft.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The block printed once the platform is up: first the web application's address with a login to try, then where
 * everything else is, how to log in, and what each process took to start and costs in memory.
 */
final class Summary {

    /** The aliases of the demo realm's municipalities, each with a coordinator, a manager and three participants. */
    static final List<String> MUNICIPALITIES = List.of(
            "arjeplog",
            "arvidsjaur",
            "dorotea",
            "kramfors",
            "lycksele",
            "mala",
            "norsjo",
            "solleftea",
            "sorsele",
            "storuman",
            "stromsund",
            "vilhelmina",
            "asele");

    static final String DEMO_PASSWORD = "samlyft";

    /** A participant and a manager of the demo realm, to try the web application with. */
    static final String DEMO_PARTICIPANT = "arvidsjaur-deltagare-1";

    static final String DEMO_MANAGER = "arvidsjaur-chef";

    /** One component's time from launch until ready (unknown for the launcher itself) and resident memory. */
    record Memory(String component, Optional<Duration> readyAfter, OptionalLong kib) {

        Memory(String component, OptionalLong kib) {
            this(component, Optional.empty(), kib);
        }
    }

    private Summary() {}

    static String text(Settings settings, Duration startup, Optional<Duration> sinceMaven, List<Memory> memory) {
        Ports ports = settings.ports();
        String gateway = "http://localhost:" + ports.gateway();
        String keycloak = Keycloak.publicUrl(ports);
        String line = "=".repeat(78);
        StringBuilder text = new StringBuilder();
        text.append('\n').append(line).append('\n');
        text.append(" Open ")
                .append(ServiceProcess.webAddress(ports))
                .append(" and log in as ")
                .append(DEMO_PARTICIPANT)
                .append(" / ")
                .append(DEMO_PASSWORD)
                .append(" (a care worker),\n or ")
                .append(DEMO_MANAGER)
                .append(" / ")
                .append(DEMO_PASSWORD)
                .append(" (her manager).\n\n");
        text.append(" Samlyft is running: ready ")
                .append(Startup.seconds(startup))
                .append(" after launch")
                .append(sinceMaven
                        .map(total -> ", " + Startup.seconds(total) + " after ./mvnw started")
                        .orElse(""))
                .append(".\n\n");
        text.append(" Gateway     ").append(gateway).append("/api/...\n");
        text.append(" Webhooks    ")
                .append(gateway)
                .append("/api/integrations/subscriptions, feed ")
                .append(gateway)
                .append("/api/integrations/events\n");
        text.append(" Keycloak    ")
                .append(keycloak)
                .append("/admin/  (administrator ")
                .append(Keycloak.ADMIN_USERNAME)
                .append(" / ")
                .append(Keycloak.ADMIN_PASSWORD)
                .append(")\n");
        text.append(" Account     ").append(Keycloak.issuer(ports)).append("/account/  (demo users)\n");
        text.append(" PostgreSQL  127.0.0.1:")
                .append(ports.postgres())
                .append("  (superuser ")
                .append(Postgres.SUPERUSER)
                .append(" / ")
                .append(Postgres.SUPERUSER_PASSWORD)
                .append(")\n");
        text.append(" Kafka       127.0.0.1:").append(ports.kafka()).append("\n\n");
        text.append(" Demo logins, password \"").append(DEMO_PASSWORD).append("\" for all:\n");
        text.append("   <kommun>-deltagare-1, -2, -3   participant\n");
        text.append("   <kommun>-chef                  manager\n");
        text.append("   <kommun>-samordnare            coordinator\n");
        text.append("   akademi-norr-projektledare     federation-coordinator (Akademi Norr)\n");
        text.append("   where <kommun> is one of ").append(String.join(", ", MUNICIPALITIES.subList(0, 7)));
        text.append(",\n     ").append(String.join(", ", MUNICIPALITIES.subList(7, MUNICIPALITIES.size())));
        text.append("\n   Integrator (client credentials): samlyft-integrator / samlyft-integrator-secret\n\n");
        text.append(" Try it:\n");
        text.append(curl(ports)).append('\n');
        text.append(" Data        ").append(settings.stateDirectory()).append("  (delete it to start afresh)\n");
        text.append(" Logs        ").append(settings.logDirectory()).append("/<component>.log\n\n");
        text.append(String.format(
                Locale.ROOT, " %-36s %11s %9s%n", "Ready after launch, resident memory (PSS):", "ready", "memory"));
        long total = 0;
        for (Memory entry : memory) {
            text.append(String.format(
                    Locale.ROOT,
                    "   %-34s %11s %9s%n",
                    entry.component(),
                    entry.readyAfter().map(Startup::seconds).orElse(""),
                    ResidentMemory.format(entry.kib())));
            total += entry.kib().orElse(0);
        }
        text.append(String.format(
                Locale.ROOT, "   %-34s %11s %9s%n", "total", "", ResidentMemory.format(OptionalLong.of(total))));
        text.append("\n Ctrl-C stops everything (or deploy/stop.sh from another terminal).\n");
        text.append(line).append('\n');
        return text.toString();
    }

    /** Shell commands that fetch a demo user's token and call the API with it. */
    static String curl(Ports ports) {
        return "   TOKEN=$(curl -s " + Keycloak.issuer(ports) + "/protocol/openid-connect/token \\\n"
                + "     -d grant_type=password -d client_id=samlyft-web \\\n"
                + "     -d username=arvidsjaur-deltagare-1 -d password=" + DEMO_PASSWORD + " \\\n"
                + "     | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')\n"
                + "   curl -s -H \"Authorization: Bearer $TOKEN\" http://localhost:" + ports.gateway()
                + "/api/catalog/me\n";
    }
}
