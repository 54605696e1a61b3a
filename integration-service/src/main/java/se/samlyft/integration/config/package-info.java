/** The service's settings and the beans of its domain types. */
@NullMarked
package se.samlyft.integration.config;

import org.jspecify.annotations.NullMarked;
