/** What identity's HTTP adapters share: who the caller is and may do, and how a page of results looks. */
@NullMarked
package se.samlyft.identity.web;

import org.jspecify.annotations.NullMarked;
