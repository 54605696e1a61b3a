/** PostgreSQL adapter of the reports: one SQL query per figure over the current generation. */
@NullMarked
package se.samlyft.reporting.report.persistence;

import org.jspecify.annotations.NullMarked;
