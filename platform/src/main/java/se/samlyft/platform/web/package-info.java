/** Web plumbing every service shares: correlation ids and the caller endpoint. */
@NullMarked
package se.samlyft.platform.web;

import org.jspecify.annotations.NullMarked;
