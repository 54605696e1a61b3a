/**
 * Federations as the catalog knows them: its copy of identity-service's membership history, which decides whom a
 * federation's joint offerings reach and whose programmes may fund them.
 */
@NullMarked
package se.samlyft.catalog.federation;

import org.jspecify.annotations.NullMarked;
