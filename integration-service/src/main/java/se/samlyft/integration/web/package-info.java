/** What the service's web adapters share: who may use the integrations API, and pages of lists. */
@NullMarked
package se.samlyft.integration.web;

import org.jspecify.annotations.NullMarked;
