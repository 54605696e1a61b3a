/** The routes to the services: instances, timeouts, circuit breakers and the answers when a service cannot. */
@NullMarked
package se.samlyft.gateway.routing;

import org.jspecify.annotations.NullMarked;
