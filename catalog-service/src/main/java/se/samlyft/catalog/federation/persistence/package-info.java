/** PostgreSQL adapter of the catalog's copy of federation membership. */
@NullMarked
package se.samlyft.catalog.federation.persistence;

import org.jspecify.annotations.NullMarked;
