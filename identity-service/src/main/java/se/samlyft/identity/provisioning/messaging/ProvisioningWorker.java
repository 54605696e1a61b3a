package se.samlyft.identity.provisioning.messaging;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import se.samlyft.identity.organisation.Organisation;
import se.samlyft.identity.organisation.Organisations;
import se.samlyft.identity.person.Login;
import se.samlyft.identity.person.People;
import se.samlyft.identity.person.Person;
import se.samlyft.identity.provisioning.Directory;
import se.samlyft.identity.provisioning.PersonRefused;
import se.samlyft.identity.provisioning.ProvisioningTask;
import se.samlyft.identity.provisioning.TaskKind;
import se.samlyft.identity.provisioning.persistence.ProvisioningQueue;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * Carries out the provisioning tasks that are due, one at a time on one scheduler thread: reads the subject's
 * current state in its organisation's tenant scope and brings Keycloak into step. Every replica may run a worker:
 * each claims its tasks for a while ({@code samlyft.identity.provisioning.lease}, default 5 minutes), so no two carry
 * out the same one, and a task is removed only for the generation it carried out.
 *
 * <p>A failure (Keycloak down or busy, the person's organisation not in Keycloak yet) leaves the task for a later
 * attempt with exponential backoff, so nothing is lost. When Keycloak refuses a person's user itself (a name it does
 * not accept, an e-mail address another user has), trying again cannot help: the person's login is recorded as
 * failed with Keycloak's reason, which the API shows, until the person is changed.
 */
class ProvisioningWorker {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningWorker.class);

    private final ProvisioningQueue queue;
    private final Directory directory;
    private final Organisations organisations;
    private final People people;
    private final int batchSize;
    private final Duration lease;

    ProvisioningWorker(
            ProvisioningQueue queue,
            Directory directory,
            Organisations organisations,
            People people,
            int batchSize,
            Duration lease) {
        this.queue = queue;
        this.directory = directory;
        this.organisations = organisations;
        this.people = people;
        this.batchSize = batchSize;
        this.lease = lease;
    }

    @Scheduled(
            fixedDelayString = "${samlyft.identity.provisioning.poll-interval:1s}",
            initialDelayString = "${samlyft.identity.provisioning.poll-interval:1s}")
    void provisionDueTasks() {
        for (ProvisioningTask task : queue.claim(batchSize, lease)) {
            TenantScope scope = TenantScope.of(task.organisation());
            try {
                TenantContext.runAs(scope, () -> carryOut(task));
                if (queue.done(task) && task.kind() == TaskKind.PERSON) {
                    TenantContext.runAs(scope, () -> people.recordLogin(personOf(task), Login.active()));
                }
            } catch (PersonRefused refused) {
                log.warn("Keycloak refused person {}; their login failed: {}", task.subject(), refused.getMessage());
                if (queue.refused(task)) {
                    TenantContext.runAs(
                            scope, () -> people.recordLogin(personOf(task), Login.failed(refused.getMessage())));
                }
            } catch (RuntimeException failure) {
                String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
                log.warn(
                        "Provisioning {} {} failed (attempt {}), trying again later: {}",
                        task.kind(),
                        task.subject(),
                        task.attempts() + 1,
                        reason);
                queue.failed(task, reason);
            }
        }
    }

    private static UUID personOf(ProvisioningTask task) {
        return UUID.fromString(task.subject());
    }

    private void carryOut(ProvisioningTask task) {
        switch (task.kind()) {
            case ORGANISATION -> directory.ensureOrganisation(organisation(task));
            case PERSON -> {
                Optional<Person> person = people.find(personOf(task));
                if (person.isPresent()) {
                    directory.ensurePerson(person.get(), directory.ensureOrganisation(organisation(task)));
                }
            }
            case ERASED_PERSON -> directory.deletePerson(task.subject());
        }
    }

    private Organisation organisation(ProvisioningTask task) {
        return organisations
                .find(task.organisation())
                .orElseThrow(() -> new IllegalStateException("No organisation " + task.organisation()));
    }
}
