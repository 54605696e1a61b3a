/** The HTTP adapter of webhook delivery: Apache HttpClient with the checked addresses pinned. */
@NullMarked
package se.samlyft.integration.delivery.http;

import org.jspecify.annotations.NullMarked;
