/** Rate limits per tenant and per client. */
@NullMarked
package se.samlyft.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
