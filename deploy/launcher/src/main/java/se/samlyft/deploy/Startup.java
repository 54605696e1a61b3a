package se.samlyft.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Starts components and waits for them, telling every few seconds which ones it still waits for; a component that
 * exits or misses its startup timeout ends the wait with a {@link LaunchFailure}.
 */
final class Startup {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

    private final PrintStream out;
    private final Instant began = Instant.now();
    private final Map<Component, Instant> starting = new LinkedHashMap<>();
    private final Map<String, Duration> readyAfter = new LinkedHashMap<>();

    Startup(PrintStream out) {
        this.out = out;
    }

    void launch(Component component) throws LaunchFailure, InterruptedException {
        out.println(LocalPlatform.PREFIX + "starting " + component.name());
        Instant launched = Instant.now();
        try {
            component.start();
        } catch (IOException e) {
            throw new LaunchFailure(component, e.getMessage(), e);
        }
        starting.put(component, launched);
    }

    /** Waits until every one of {@code components} is ready, meanwhile watching all components still starting. */
    void awaitReady(Collection<? extends Component> components) throws LaunchFailure, InterruptedException {
        Instant nextProgress = Instant.now().plus(PROGRESS_INTERVAL);
        while (components.stream().anyMatch(starting::containsKey)) {
            for (Map.Entry<Component, Instant> entry : List.copyOf(starting.entrySet())) {
                check(entry.getKey(), entry.getValue());
            }
            if (Instant.now().isAfter(nextProgress) && !starting.isEmpty()) {
                out.println(LocalPlatform.PREFIX + "waiting for "
                        + starting.keySet().stream().map(Component::name).collect(Collectors.joining(", "))
                        + " (" + seconds(Duration.between(began, Instant.now())) + ")");
                nextProgress = nextProgress.plus(PROGRESS_INTERVAL);
            }
            Thread.sleep(POLL_INTERVAL);
        }
    }

    private void check(Component component, Instant since) throws LaunchFailure {
        Optional<String> failure = component.failure();
        if (failure.isPresent()) {
            throw new LaunchFailure(component, failure.get());
        }
        Duration waited = Duration.between(since, Instant.now());
        if (component.isReady()) {
            starting.remove(component);
            readyAfter.put(component.name(), waited);
            out.println(LocalPlatform.PREFIX + component.name() + " is ready (" + seconds(waited) + ")");
        } else if (waited.compareTo(component.startupTimeout()) > 0) {
            throw new LaunchFailure(
                    component, component.name() + " was not ready within " + seconds(component.startupTimeout()));
        }
    }

    /** How long each component that became ready took from its launch, in the order they became ready. */
    Map<String, Duration> readyAfter() {
        return Map.copyOf(readyAfter);
    }

    Duration elapsed() {
        return Duration.between(began, Instant.now());
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
