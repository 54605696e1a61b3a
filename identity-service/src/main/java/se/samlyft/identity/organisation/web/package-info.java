/** HTTP adapter of organisations and federations. */
@NullMarked
package se.samlyft.identity.organisation.web;

import org.jspecify.annotations.NullMarked;
