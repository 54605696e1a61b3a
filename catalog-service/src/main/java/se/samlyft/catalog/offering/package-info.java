/**
 * Offerings: the scheduled runs of a published course, who may enrol in them and, for a federation's joint offering,
 * how its seats are split into quotas per member organisation and a shared pool.
 */
@NullMarked
package se.samlyft.catalog.offering;

import org.jspecify.annotations.NullMarked;
