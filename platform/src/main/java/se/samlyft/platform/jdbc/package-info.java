/** Database plumbing: tenant-scoped transactions for PostgreSQL row-level security. */
@NullMarked
package se.samlyft.platform.jdbc;

import org.jspecify.annotations.NullMarked;
