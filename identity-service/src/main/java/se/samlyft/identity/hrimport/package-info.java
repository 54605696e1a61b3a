/** The HR import: reading an HR system's CSV export and checking its rows. */
@NullMarked
package se.samlyft.identity.hrimport;

import org.jspecify.annotations.NullMarked;
