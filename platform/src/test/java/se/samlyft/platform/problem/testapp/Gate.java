package se.samlyft.platform.problem.testapp;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Holds a slow request inside its handler until the test opens the gate. */
@Component
public class Gate {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch open = new CountDownLatch(1);

    /** Closes the gate for the next request. */
    public void close() {
        entered = new CountDownLatch(1);
        open = new CountDownLatch(1);
    }

    /** Waits until a request is inside. */
    public void awaitEntered() throws InterruptedException {
        if (!entered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("No request entered the gate");
        }
    }

    public void open() {
        open.countDown();
    }

    void pass() throws InterruptedException {
        entered.countDown();
        if (!open.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("The gate stayed closed");
        }
    }
}
