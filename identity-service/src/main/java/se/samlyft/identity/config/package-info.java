/** Spring configuration of identity-service that belongs to no capability: its OpenAPI document. */
@NullMarked
package se.samlyft.identity.config;

import org.jspecify.annotations.NullMarked;
