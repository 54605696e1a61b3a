package se.samlyft.enrolment.enrolment.persistence;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.enrolment.enrolment.application.Transactions;

/** The use cases' transactions, as Spring's transaction manager runs them (joining one already open). */
@Component
class SpringTransactions implements Transactions {

    private final TransactionTemplate transaction;

    SpringTransactions(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }
}
