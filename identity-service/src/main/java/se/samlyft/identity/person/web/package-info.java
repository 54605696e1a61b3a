/** HTTP adapter of people. */
@NullMarked
package se.samlyft.identity.person.web;

import org.jspecify.annotations.NullMarked;
