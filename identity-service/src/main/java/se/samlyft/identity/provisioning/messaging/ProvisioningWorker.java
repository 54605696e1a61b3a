package se.samlyft.identity.provisioning.messaging;

import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import se.samlyft.identity.organisation.Organisation;
import se.samlyft.identity.organisation.Organisations;
import se.samlyft.identity.person.People;
import se.samlyft.identity.person.Person;
import se.samlyft.identity.provisioning.ProvisioningTask;
import se.samlyft.identity.provisioning.persistence.ProvisioningQueue;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * Carries out the provisioning tasks that are due, one at a time on one scheduler thread: reads the subject's
 * current state in its organisation's tenant scope and brings Keycloak into step. A failure (Keycloak down, a refusal)
 * leaves the task for a later attempt with exponential backoff, so nothing is lost; every replica may run a worker,
 * since each task is idempotent and removed only for the generation it carried out.
 */
class ProvisioningWorker {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningWorker.class);

    private final ProvisioningQueue queue;
    private final KeycloakDirectory keycloak;
    private final Organisations organisations;
    private final People people;
    private final int batchSize;

    ProvisioningWorker(
            ProvisioningQueue queue,
            KeycloakDirectory keycloak,
            Organisations organisations,
            People people,
            int batchSize) {
        this.queue = queue;
        this.keycloak = keycloak;
        this.organisations = organisations;
        this.people = people;
        this.batchSize = batchSize;
    }

    @Scheduled(
            fixedDelayString = "${samlyft.identity.provisioning.poll-interval:1s}",
            initialDelayString = "${samlyft.identity.provisioning.poll-interval:1s}")
    void provisionDueTasks() {
        for (ProvisioningTask task : queue.due(batchSize)) {
            try {
                TenantContext.runAs(TenantScope.of(task.organisation()), () -> carryOut(task));
                queue.done(task);
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

    private void carryOut(ProvisioningTask task) {
        switch (task.kind()) {
            case ORGANISATION -> keycloak.ensureOrganisation(organisation(task));
            case PERSON -> {
                Optional<Person> person = people.find(UUID.fromString(task.subject()));
                if (person.isPresent()) {
                    keycloak.ensurePerson(person.get(), keycloak.ensureOrganisation(organisation(task)));
                }
            }
            case ERASED_PERSON -> keycloak.deletePerson(task.subject());
        }
    }

    private Organisation organisation(ProvisioningTask task) {
        return organisations
                .find(task.organisation())
                .orElseThrow(() -> new IllegalStateException("No organisation " + task.organisation()));
    }
}
