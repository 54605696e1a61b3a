/** The services' OpenAPI documents, gathered in one place. */
@NullMarked
package se.samlyft.gateway.docs;

import org.jspecify.annotations.NullMarked;
