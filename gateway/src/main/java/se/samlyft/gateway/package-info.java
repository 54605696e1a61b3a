/** gateway: routes, token checks and the platform's public face. */
@NullMarked
package se.samlyft.gateway;

import org.jspecify.annotations.NullMarked;
