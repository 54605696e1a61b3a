package se.samlyft.enrolment.enrolment.application;

import java.util.function.Supplier;

/** The transactions the use cases run their work in, without naming the framework that provides them. */
public interface Transactions {

    /** Runs {@code work} in a transaction (joining one already open) and commits it when the work returns. */
    <T> T inTransaction(Supplier<T> work);
}
