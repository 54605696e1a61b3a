/** Auto-configuration that applies the platform library to every Samlyft process. */
@NullMarked
package se.samlyft.platform.config;

import org.jspecify.annotations.NullMarked;
