/** The worker that carries provisioning tasks out against Keycloak's admin API. */
@NullMarked
package se.samlyft.identity.provisioning.messaging;

import org.jspecify.annotations.NullMarked;
