/** /api/integrations/subscriptions: subscriptions, their secrets and replays. */
@NullMarked
package se.samlyft.integration.subscription.web;

import org.jspecify.annotations.NullMarked;
