/** Samlyft's published event contract: schemas, the AsyncAPI document, validation and compatibility rules. */
@NullMarked
package se.samlyft.contracts;

import org.jspecify.annotations.NullMarked;
