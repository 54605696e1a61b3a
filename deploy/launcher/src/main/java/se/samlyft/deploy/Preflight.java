package se.samlyft.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/** What must hold before anything is started: free ports, built jars, an unpacked Keycloak, Kafka's jars. */
final class Preflight {

    private Preflight() {}

    /** Every reason not to start, each as a sentence that says what to do; empty when all is well. */
    static List<String> problems(Settings settings, IntPredicate portIsFree) {
        Optional<Long> running = runningPlatform(settings.stateDirectory());
        if (running.isPresent()) {
            return List.of("The platform of this repository is already running (process " + running.get()
                    + "). Stop it with Ctrl-C in its terminal or with deploy/stop.sh.");
        }
        List<String> problems = new ArrayList<>();
        Map<Integer, Ports.Use> claimed = new HashMap<>();
        List<Ports.Use> uses = new ArrayList<>(settings.ports().uses());
        uses.addAll(ServiceProcess.furtherInstancePorts(settings));
        for (Ports.Use use : uses) {
            Ports.Use earlier = claimed.putIfAbsent(use.port(), use);
            if (earlier != null) {
                problems.add(
                        "Port " + use.port() + " is given to both " + earlier.component() + " (" + earlier.property()
                                + ") and " + use.component() + " (" + use.property() + "). Give each its own port.");
            } else if (!portIsFree.test(use.port())) {
                problems.add(portInUse(use));
            }
        }
        for (ServiceProcess service : ServiceProcess.all(settings)) {
            if (!Files.isRegularFile(service.jar())) {
                problems.add(settings.home().relativize(service.jar()) + " is missing. Build it with ./mvnw -pl "
                        + service.module() + " -am package -DskipTests (./mvnw -Pstart builds everything).");
            }
        }
        if (!Keycloak.isUnpacked(settings.keycloakHome())) {
            problems.add("Keycloak is not unpacked in " + settings.keycloakHome()
                    + ". Start the platform with ./mvnw -Pstart, which unpacks it.");
        }
        if (!Files.isDirectory(settings.kafkaLib())) {
            problems.add("Kafka's jars are not in " + settings.kafkaLib()
                    + ". Start the platform with ./mvnw -Pstart, which collects them.");
        }
        return problems;
    }

    static String portInUse(Ports.Use use) {
        return "Port " + use.port() + " is already in use, and " + use.component() + " needs it. Stop what listens"
                + " there, or choose another port: ./mvnw -Pstart -D" + use.property() + "=<port>";
    }

    /** Whether nothing listens on {@code port}, on the loopback address or on all addresses. */
    static boolean isFree(int port) {
        return canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                && canBind(new InetSocketAddress(port));
    }

    private static boolean canBind(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The process id of a launcher that still runs on this state directory, if there is one. */
    static Optional<Long> runningPlatform(Path stateDirectory) {
        try {
            long pid = Long.parseLong(Files.readString(stateDirectory.resolve(LocalPlatform.PID_FILE))
                    .trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.pid() != ProcessHandle.current().pid())
                    .filter(handle -> handle.info().command().orElse("java").endsWith("java"))
                    .map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
