/** HTTP adapters of the participant list: its endpoint, and the read of the participants from reporting. */
@NullMarked
package se.samlyft.identity.participants.web;

import org.jspecify.annotations.NullMarked;
