/** Token validation defaults and the caller (tenant, user, roles) that a validated Keycloak token names. */
@NullMarked
package se.samlyft.platform.security;

import org.jspecify.annotations.NullMarked;
