/** Kafka plumbing every service shares. */
@NullMarked
package se.samlyft.platform.kafka;

import org.jspecify.annotations.NullMarked;
