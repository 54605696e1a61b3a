package se.samlyft.identity.provisioning.persistence;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.identity.organisation.OrganisationEvent;
import se.samlyft.identity.person.PersonEvent;
import se.samlyft.identity.provisioning.ProvisioningTask;
import se.samlyft.identity.provisioning.TaskKind;
import se.samlyft.platform.tenancy.TenantId;

/**
 * The durable queue of provisioning tasks, {@code provisioning_task}. Tasks are added in the transaction that stored
 * the change (like the outbox), so a change is never stored without its provisioning nor provisioned without being
 * stored. The table holds ids only and is read by the worker for every tenant, so it has no row-level security.
 *
 * <p>Safe with several replicas: a worker {@link #claim claims} due tasks for a while with {@code FOR UPDATE SKIP
 * LOCKED}, so each task is carried out by one worker at a time; ending a task (done, failed, refused) lets go of it,
 * and a claim whose worker died runs out.
 */
@Repository
public class ProvisioningQueue {

    private final JdbcClient jdbc;

    ProvisioningQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(OrganisationEvent event) {
        enqueue(TaskKind.ORGANISATION, event.tenant().value(), event.tenant());
    }

    @EventListener
    void on(PersonEvent event) {
        String person = event.personId().toString();
        if (event instanceof PersonEvent.Erased) {
            jdbc.sql("delete from provisioning_task where kind = 'PERSON' and subject = ?")
                    .param(person)
                    .update();
            enqueue(TaskKind.ERASED_PERSON, person, event.organisation());
        } else {
            enqueue(TaskKind.PERSON, person, event.organisation());
        }
    }

    private void enqueue(TaskKind kind, String subject, TenantId organisation) {
        jdbc.sql("""
                        insert into provisioning_task (kind, subject, organisation) values (?, ?, ?)
                        on conflict (kind, subject) do update
                            set generation = provisioning_task.generation + 1, attempts = 0, next_attempt_at = now(),
                                last_error = null""").params(kind.name(), subject, organisation.value()).update();
    }

    /**
     * Claims up to {@code limit} tasks that are due and claimed by no one, oldest first, for {@code lease}: no other
     * worker gets them until this one ends them or the lease runs out. Tasks another worker is claiming at this moment
     * are skipped, not waited for.
     */
    @Transactional
    public List<ProvisioningTask> claim(int limit, Duration lease) {
        return jdbc
                .sql("""
                        update provisioning_task set claimed_until = now() + ? * interval '1 millisecond'
                        where id in (
                            select id from provisioning_task
                            where next_attempt_at <= now() and (claimed_until is null or claimed_until <= now())
                            order by id limit ?
                            for update skip locked)
                        returning id, kind, subject, organisation, generation, attempts""")
                .params(lease.toMillis(), limit)
                .query((row, number) -> new ProvisioningTask(
                        row.getLong("id"),
                        TaskKind.valueOf(row.getString("kind")),
                        row.getString("subject"),
                        TenantId.of(row.getString("organisation")),
                        row.getLong("generation"),
                        row.getInt("attempts")))
                .list()
                .stream()
                .sorted(Comparator.comparingLong(ProvisioningTask::id))
                .toList();
    }

    /**
     * Removes a done task, unless a newer change raised its generation meanwhile; that one stays, no longer claimed.
     *
     * @return whether the task was the subject's newest
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean done(ProvisioningTask task) {
        int removed = jdbc.sql("delete from provisioning_task where id = ? and generation = ?")
                .params(task.id(), task.generation())
                .update();
        if (removed == 0) {
            letGo(task);
        }
        return removed > 0;
    }

    /**
     * Removes a task whose subject Keycloak refused, which trying again cannot change, unless a newer change raised
     * its generation meanwhile (that one is tried as any other).
     *
     * @return whether the task was the subject's newest
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean refused(ProvisioningTask task) {
        return done(task);
    }

    /** Records a failed attempt and when to try again, and lets go of the task. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(ProvisioningTask task, String error) {
        long waitMillis = ProvisioningTask.backoff(task.attempts() + 1).toMillis();
        int recorded = jdbc.sql("""
                        update provisioning_task set attempts = attempts + 1,
                            next_attempt_at = now() + ? * interval '1 millisecond',
                            last_error = ?, claimed_until = null
                        where id = ? and generation = ?""")
                .params(
                        waitMillis,
                        error.length() > 1000 ? error.substring(0, 1000) : error,
                        task.id(),
                        task.generation())
                .update();
        if (recorded == 0) {
            letGo(task);
        }
    }

    private void letGo(ProvisioningTask task) {
        jdbc.sql("update provisioning_task set claimed_until = null where id = ?")
                .param(task.id())
                .update();
    }

    /** How many tasks wait, due or not. */
    @Transactional(readOnly = true)
    public long pending() {
        return jdbc.sql("select count(*) from provisioning_task")
                .query(Long.class)
                .single();
    }
}
