/** Running an HR import against the stored people, and its status. */
@NullMarked
package se.samlyft.identity.hrimport.persistence;

import org.jspecify.annotations.NullMarked;
