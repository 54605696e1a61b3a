/** Organisations (the tenants) and federations' membership over time. */
@NullMarked
package se.samlyft.identity.organisation;

import org.jspecify.annotations.NullMarked;
