/** The worker that carries provisioning tasks out against the login directory, and its wiring to Keycloak. */
@NullMarked
package se.samlyft.identity.provisioning.messaging;

import org.jspecify.annotations.NullMarked;
