/** catalog-service: courses, offerings, joint offerings with quotas, and funded programmes. */
@NullMarked
package se.samlyft.catalog;

import org.jspecify.annotations.NullMarked;
