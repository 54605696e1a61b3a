/** Keycloak provisioning: organisations, users, memberships and roles kept in step with identity. */
@NullMarked
package se.samlyft.identity.provisioning;

import org.jspecify.annotations.NullMarked;
