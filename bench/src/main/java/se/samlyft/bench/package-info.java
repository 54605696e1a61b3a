/**
 * A national installation on one machine: the data generator and the performance suite, both driving the whole
 * platform as the launcher starts it, on ports and a state directory of their own.
 */
@NullMarked
package se.samlyft.bench;

import org.jspecify.annotations.NullMarked;
