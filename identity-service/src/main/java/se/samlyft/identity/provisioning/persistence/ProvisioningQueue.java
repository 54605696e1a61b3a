package se.samlyft.identity.provisioning.persistence;

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

    /** The tasks due now, oldest first. */
    @Transactional(readOnly = true)
    public List<ProvisioningTask> due(int limit) {
        return jdbc.sql("""
                        select id, kind, subject, organisation, generation, attempts from provisioning_task
                        where next_attempt_at <= now() order by id limit ?""")
                .param(limit)
                .query((row, number) -> new ProvisioningTask(
                        row.getLong("id"),
                        TaskKind.valueOf(row.getString("kind")),
                        row.getString("subject"),
                        TenantId.of(row.getString("organisation")),
                        row.getLong("generation"),
                        row.getInt("attempts")))
                .list();
    }

    /** Removes a done task, unless a newer change raised its generation meanwhile. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void done(ProvisioningTask task) {
        jdbc.sql("delete from provisioning_task where id = ? and generation = ?")
                .params(task.id(), task.generation())
                .update();
    }

    /** Records a failed attempt and when to try again. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(ProvisioningTask task, String error) {
        long waitMillis = ProvisioningTask.backoff(task.attempts() + 1).toMillis();
        jdbc.sql("""
                        update provisioning_task set attempts = attempts + 1,
                            next_attempt_at = now() + ? * interval '1 millisecond',
                            last_error = ?
                        where id = ? and generation = ?""")
                .params(
                        waitMillis,
                        error.length() > 1000 ? error.substring(0, 1000) : error,
                        task.id(),
                        task.generation())
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
