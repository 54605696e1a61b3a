/** People: employees of the organisations, who may take courses. */
@NullMarked
package se.samlyft.identity.person;

import org.jspecify.annotations.NullMarked;
