/**
 * The installation's administrators' pages (förvaltare, who belong to no organisation): onboarding an organisation and
 * appointing its first coordinator, federations' invitations and membership history, and the read model's generation
 * with a rebuild and its progress. Their tokens reach only the gateway's administrators' routes.
 */
@NullMarked
package se.samlyft.web.admin;

import org.jspecify.annotations.NullMarked;
