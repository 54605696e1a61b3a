/**
 * The enrolment wing's use cases: one application service per capability, each checking the caller's permission
 * with {@link se.samlyft.enrolment.enrolment.application.EnrolmentPolicy}, loading, acting on the aggregate and
 * storing, in one transaction. The web controller, the Kafka listeners and the benchmark's loader call these and
 * nothing beneath them.
 */
@NullMarked
package se.samlyft.enrolment.enrolment.application;

import org.jspecify.annotations.NullMarked;
