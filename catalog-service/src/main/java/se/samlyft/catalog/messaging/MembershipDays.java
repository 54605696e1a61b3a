package se.samlyft.catalog.messaging;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.catalog.federation.Federations;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * Brings a membership change dated ahead to the federation's joint offerings on its day: every
 * {@code samlyft.catalog.membership-days.interval} (an hour unless set) it finds the federations with a member joining
 * or leaving on a day since their offerings were last resolved, and resolves their offerings for all members again in
 * the federation's scope, one federation per transaction. The day is claimed in the same transaction, so several
 * replicas resolve it once, and a run that was missed (the service was down at midnight) catches up at the next one.
 */
@Component
public class MembershipDays {

    private static final Logger log = LoggerFactory.getLogger(MembershipDays.class);

    private final Federations federations;
    private final MembershipChanges changes;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MembershipDays(Federations federations, MembershipChanges changes, TransactionTemplate transactions, Clock clock) {
        this.federations = federations;
        this.changes = changes;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${samlyft.catalog.membership-days.interval:PT1H}",
            initialDelayString = "${samlyft.catalog.membership-days.initial-delay:PT1M}")
    void resolveToday() {
        resolveDue(LocalDate.now(clock.withZone(MembershipChanges.SWEDEN)));
    }

    /**
     * Resolves every federation whose membership changes by {@code day}.
     *
     * @return how many offerings changed their audience
     */
    public int resolveDue(LocalDate day) {
        int changed = 0;
        for (TenantId federation : federations.changingBy(day)) {
            Integer ofFederation = TenantContext.callAs(
                    TenantScope.of(federation),
                    () -> transactions.execute(status -> federations.claimResolution(federation, day)
                            ? changes.resolve(federation, day).size()
                            : 0));
            changed += ofFederation == null ? 0 : ofFederation;
            log.info("Federation {}: membership resolved for {}, {} offerings changed", federation, day, ofFederation);
        }
        return changed;
    }
}
