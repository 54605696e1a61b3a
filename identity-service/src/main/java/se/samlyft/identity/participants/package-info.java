/**
 * The funder's participant list of a programme: its participants, as reporting knows them, with the personal identity
 * numbers only identity holds, each read written to the audit log.
 */
@NullMarked
package se.samlyft.identity.participants;

import org.jspecify.annotations.NullMarked;
