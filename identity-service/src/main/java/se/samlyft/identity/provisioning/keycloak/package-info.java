/** The adapter to Keycloak's admin API (outbound HTTP): the realm's organisations and users as a {@code Directory}. */
@NullMarked
package se.samlyft.identity.provisioning.keycloak;

import org.jspecify.annotations.NullMarked;
