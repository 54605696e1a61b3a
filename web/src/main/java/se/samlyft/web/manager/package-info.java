/** A manager's pages: the requests to approve and the staff's training. */
@NullMarked
package se.samlyft.web.manager;

import org.jspecify.annotations.NullMarked;
