package se.samlyft.identity.hrimport.persistence;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.identity.hrimport.HrExport;
import se.samlyft.identity.hrimport.HrRow;
import se.samlyft.identity.hrimport.ImportPlan;
import se.samlyft.identity.hrimport.ImportReport;
import se.samlyft.identity.organisation.Organisation;
import se.samlyft.identity.organisation.Organisations;
import se.samlyft.identity.person.People;
import se.samlyft.identity.person.Person;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Runs HR imports for the caller's organisation. A dry run reports and saves no person. A real run is all or
 * nothing: with a problem in any row nothing is saved and the report lists every problem; without, every change is
 * saved in one transaction, with its events and provisioning tasks. Progress is logged and kept in {@code hr_import}
 * (committed apart from the import itself) every {@value #PROGRESS_EVERY} rows.
 */
@Service
public class HrImports {

    static final int PROGRESS_EVERY = 250;

    private static final Logger log = LoggerFactory.getLogger(HrImports.class);

    private final People people;
    private final Organisations organisations;
    private final JdbcClient jdbc;
    private final TransactionTemplate importTransaction;
    private final TransactionTemplate statusTransaction;
    private final Clock clock;

    HrImports(
            People people,
            Organisations organisations,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.people = people;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.importTransaction = new TransactionTemplate(transactions);
        this.statusTransaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.statusTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Reads, checks and (unless {@code dryRun}) applies an HR export to {@code tenant}'s people, reading the file as it
     * streams in, as the import {@code importId} when the caller chose one (to read its progress while it runs), else a
     * new one.
     *
     * @throws Conflict when an import with {@code importId} exists already
     */
    public ImportReport run(TenantId tenant, InputStream file, boolean dryRun, @Nullable UUID importId) {
        Organisation organisation = organisations
                .find(tenant)
                .orElseThrow(() -> new Conflict("The organisation " + tenant + " is not onboarded yet."));
        UUID id = importId == null ? UUID.randomUUID() : importId;
        Instant started = clock.instant();
        HrExport export = HrExport.read(file, LocalDate.now(clock));
        try {
            status(
                    "insert into hr_import (id, tenant_id, dry_run, status, total_rows, started_at) values (?, ?, ?, 'RUNNING', ?, ?)",
                    id,
                    tenant.value(),
                    dryRun,
                    export.rows().size(),
                    Timestamp.from(started));
        } catch (DuplicateKeyException taken) {
            throw new Conflict("An import " + id + " exists already; each import has an id of its own.");
        }
        log.info(
                "HR import {} of {}: {} rows ({}, '{}'){}",
                id,
                tenant,
                export.rows().size(),
                export.encoding(),
                export.delimiter(),
                dryRun ? ", dry run" : "");
        ImportReport report = importTransaction.execute(transaction -> {
            ImportPlan plan = ImportPlan.of(
                    export,
                    tenant,
                    organisation.kind(),
                    people.byEmail(emails(export)),
                    UUID::randomUUID,
                    clock.instant());
            ImportReport outcome = ImportReport.of(id, dryRun, export, plan);
            if (dryRun || !plan.problems().isEmpty()) {
                return outcome;
            }
            int done = 0;
            for (Person person : plan.registrations()) {
                people.add(person);
                done = progress(id, tenant, ++done, plan.rows());
            }
            for (ImportPlan.Change change : plan.changes()) {
                people.update(change.person(), change.readVersion());
                done = progress(id, tenant, ++done, plan.rows());
            }
            return outcome;
        });
        status(
                "update hr_import set status = ?, processed_rows = total_rows, created = ?, changed = ?, unchanged = ?,"
                        + " problem_rows = ?, finished_at = now() where id = ?",
                report.status(),
                report.created(),
                report.changed(),
                report.unchanged(),
                (int) report.problems().stream()
                        .map(problem -> problem.line())
                        .distinct()
                        .count(),
                id);
        log.info(
                "HR import {} of {}: {} in {} ms; {} created, {} changed, {} unchanged, {} skipped, {} problems",
                id,
                tenant,
                report.status(),
                java.time.Duration.between(started, clock.instant()).toMillis(),
                report.created(),
                report.changed(),
                report.unchanged(),
                report.skipped(),
                report.problems().size());
        return report;
    }

    /** The status of an import of the current tenant scope. */
    public Optional<ImportStatus> status(UUID id) {
        return statusTransaction.execute(transaction -> jdbc.sql("""
                        select id, dry_run, status, total_rows, processed_rows, created, changed, unchanged, problem_rows,
                            started_at, finished_at
                        from hr_import where id = ?""")
                .param(id)
                .query((row, number) -> new ImportStatus(
                        row.getObject("id", UUID.class),
                        row.getBoolean("dry_run"),
                        row.getString("status"),
                        row.getInt("total_rows"),
                        row.getInt("processed_rows"),
                        row.getInt("created"),
                        row.getInt("changed"),
                        row.getInt("unchanged"),
                        row.getInt("problem_rows"),
                        row.getTimestamp("started_at").toInstant(),
                        Optional.ofNullable(row.getTimestamp("finished_at"))
                                .map(Timestamp::toInstant)
                                .orElse(null)))
                .optional());
    }

    /** An import's progress and outcome, as counts. */
    public record ImportStatus(
            UUID id,
            boolean dryRun,
            String status,
            int totalRows,
            int processedRows,
            int created,
            int changed,
            int unchanged,
            int problemRows,
            Instant startedAt,
            @org.jspecify.annotations.Nullable Instant finishedAt) {}

    private int progress(UUID id, TenantId tenant, int done, int total) {
        if (done % PROGRESS_EVERY == 0) {
            status("update hr_import set processed_rows = ? where id = ?", done, id);
            log.info("HR import {} of {}: {} of {} rows saved", id, tenant, done, total);
        }
        return done;
    }

    private void status(String sql, Object... params) {
        statusTransaction.executeWithoutResult(
                transaction -> jdbc.sql(sql).params(params).update());
    }

    private static Set<String> emails(HrExport export) {
        Set<String> emails = new HashSet<>();
        for (HrRow.Reading reading : export.rows()) {
            if (reading.row() != null) {
                emails.add(reading.row().profile().email().normalised());
                if (reading.row().managerEmail() != null) {
                    emails.add(reading.row().managerEmail());
                }
            }
        }
        return emails;
    }
}
