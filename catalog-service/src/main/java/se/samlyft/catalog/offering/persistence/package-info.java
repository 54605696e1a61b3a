/** PostgreSQL adapter of offerings and of the catalog's copy of federation membership. */
@NullMarked
package se.samlyft.catalog.offering.persistence;

import org.jspecify.annotations.NullMarked;
