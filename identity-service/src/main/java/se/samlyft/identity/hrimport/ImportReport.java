package se.samlyft.identity.hrimport;

import java.util.List;
import java.util.UUID;

/**
 * The outcome of an HR import: whether it was a dry run, its status, what it did or would do, and every row's
 * problems, the people it creates and changes (ids, addresses, what changes) and the coordinators' and managers' roles
 * it takes away. {@code APPLIED}: the real run saved everything; {@code CHECKED}: a dry run, nothing saved;
 * {@code REFUSED}: a real run with problems, nothing saved.
 */
public record ImportReport(
        UUID id,
        boolean dryRun,
        String status,
        String encoding,
        String delimiter,
        int rows,
        int created,
        int changed,
        int unchanged,
        int skipped,
        List<RowProblem> problems,
        List<ImportPlan.Imported> createdPeople,
        List<ImportPlan.Imported> changedPeople,
        List<ImportPlan.RoleWarning> warnings) {

    public static ImportReport of(UUID id, boolean dryRun, HrExport export, ImportPlan plan) {
        String status = dryRun ? "CHECKED" : plan.problems().isEmpty() ? "APPLIED" : "REFUSED";
        return new ImportReport(
                id,
                dryRun,
                status,
                export.encoding(),
                String.valueOf(export.delimiter()),
                plan.rows(),
                plan.registrations().size(),
                plan.changes().size(),
                plan.unchanged(),
                plan.skipped(),
                plan.problems(),
                plan.created(),
                plan.changed(),
                plan.warnings());
    }
}
