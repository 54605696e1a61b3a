/** Funded programmes: the ESF projects and state grants that pay for courses and must report on them. */
@NullMarked
package se.samlyft.catalog.programme;

import org.jspecify.annotations.NullMarked;
