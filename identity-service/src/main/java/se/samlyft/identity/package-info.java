/** identity-service: organisations, federations, people, and their Keycloak logins. */
@NullMarked
package se.samlyft.identity;

import org.jspecify.annotations.NullMarked;
