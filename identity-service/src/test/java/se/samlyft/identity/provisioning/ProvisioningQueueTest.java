package se.samlyft.identity.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.identity.AgainstIdentity;
import se.samlyft.identity.provisioning.persistence.ProvisioningQueue;

/**
 * The provisioning queue with several replicas' workers at it: each task is claimed by one worker at a time, a
 * claim runs out when its worker is gone, and a newer change of a subject is neither lost nor lost track of.
 */
class ProvisioningQueueTest extends AgainstIdentity {

    private static final Duration LEASE = Duration.ofMinutes(5);

    @Autowired
    private ProvisioningQueue queue;

    private JdbcTemplate owner;

    @BeforeEach
    void anEmptyQueue() {
        owner = new JdbcTemplate(database.ownerDataSource());
        owner.update("delete from provisioning_task");
    }

    @Test
    void twoWorkersNeverClaimTheSameTask() throws Exception {
        List<String> subjects = enqueue(60);

        List<ProvisioningTask> first = queue.claim(40, LEASE);
        List<ProvisioningTask> second = queue.claim(40, LEASE);

        assertThat(first).extracting(ProvisioningTask::subject).containsExactlyElementsOf(subjects.subList(0, 40));
        assertThat(second)
                .as("what the first worker holds is not due for the second")
                .extracting(ProvisioningTask::subject)
                .containsExactlyElementsOf(subjects.subList(40, 60));
        assertThat(queue.claim(40, LEASE)).isEmpty();
    }

    @Test
    void workersClaimingAtTheSameMomentShareTheTasksOut() throws Exception {
        enqueue(200);
        List<Callable<List<ProvisioningTask>>> workers = new ArrayList<>();
        for (int replica = 0; replica < 4; replica++) {
            workers.add(() -> {
                List<ProvisioningTask> claimed = new ArrayList<>();
                for (int round = 0; round < 10; round++) {
                    claimed.addAll(queue.claim(10, LEASE));
                }
                return claimed;
            });
        }
        List<ProvisioningTask> claimed = new ArrayList<>();
        try (ExecutorService replicas = Executors.newFixedThreadPool(4)) {
            for (Future<List<ProvisioningTask>> worker : replicas.invokeAll(workers)) {
                claimed.addAll(worker.get());
            }
        }

        Set<Long> ids = new HashSet<>();
        claimed.forEach(task -> assertThat(ids.add(task.id()))
                .as("task %s claimed twice", task.subject())
                .isTrue());
        assertThat(ids).hasSize(200);
    }

    @Test
    void aTaskWhoseWorkerDiedIsDueAgainOnceItsClaimRunsOut() {
        enqueue(1);

        assertThat(queue.claim(10, Duration.ofMillis(1))).hasSize(1);
        owner.update("update provisioning_task set claimed_until = now() - interval '1 second'");

        assertThat(queue.claim(10, LEASE)).as("claimed again after the lease").hasSize(1);
    }

    @Test
    void aChangeWhileATaskIsCarriedOutStaysForTheNextRoundAndIsNoLongerClaimed() {
        String subject = enqueue(1).getFirst();
        ProvisioningTask claimed = queue.claim(10, LEASE).getFirst();
        owner.update("update provisioning_task set generation = generation + 1 where subject = ?", subject);

        boolean newest = queue.done(claimed);

        assertThat(newest).isFalse();
        assertThat(queue.claim(10, LEASE))
                .singleElement()
                .satisfies(task -> assertThat(task.generation()).isEqualTo(claimed.generation() + 1));
    }

    @Test
    void aFailedTaskIsLetGoAndWaitsForItsBackoff() {
        enqueue(1);
        ProvisioningTask claimed = queue.claim(10, LEASE).getFirst();

        queue.failed(claimed, "Keycloak svarar inte");

        assertThat(owner.queryForObject(
                        "select claimed_until is null and next_attempt_at > now() and attempts = 1"
                                + " from provisioning_task",
                        Boolean.class))
                .isTrue();
        assertThat(queue.claim(10, LEASE)).as("not due during its backoff").isEmpty();
    }

    /** Tasks for that many new people of one organisation, oldest first; their subjects. */
    private List<String> enqueue(int count) {
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String subject = UUID.randomUUID().toString();
            owner.update(
                    "insert into provisioning_task (kind, subject, organisation) values ('PERSON', ?, 'jokkmokk')",
                    subject);
            subjects.add(subject);
        }
        return subjects;
    }
}
