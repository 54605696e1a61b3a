/** HTTP adapter of the HR import. */
@NullMarked
package se.samlyft.identity.hrimport.web;

import org.jspecify.annotations.NullMarked;
