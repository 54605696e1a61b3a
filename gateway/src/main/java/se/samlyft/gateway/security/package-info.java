/** Who may pass the gateway: token checks, the tenant, security headers and CORS. */
@NullMarked
package se.samlyft.gateway.security;

import org.jspecify.annotations.NullMarked;
