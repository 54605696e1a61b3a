/** /api/integrations/subscriptions/{id}/deliveries: deliveries with their attempts. */
@NullMarked
package se.samlyft.integration.delivery.web;

import org.jspecify.annotations.NullMarked;
