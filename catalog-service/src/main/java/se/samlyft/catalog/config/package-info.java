/** The catalog's Spring configuration beyond what the platform gives every service. */
@NullMarked
package se.samlyft.catalog.config;

import org.jspecify.annotations.NullMarked;
