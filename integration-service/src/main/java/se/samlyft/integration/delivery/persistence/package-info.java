/** Deliveries and their attempts in PostgreSQL; claiming due ones across replicas. */
@NullMarked
package se.samlyft.integration.delivery.persistence;

import org.jspecify.annotations.NullMarked;
