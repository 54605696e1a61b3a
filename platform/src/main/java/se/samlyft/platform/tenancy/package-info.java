/** Who the current unit of work acts for, as tenant ids taken from the validated token or set explicitly. */
@NullMarked
package se.samlyft.platform.tenancy;

import org.jspecify.annotations.NullMarked;
