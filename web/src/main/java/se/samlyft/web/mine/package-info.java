/** Mina utbildningar: a participant's enrolments and what they do with them. */
@NullMarked
package se.samlyft.web.mine;

import org.jspecify.annotations.NullMarked;
