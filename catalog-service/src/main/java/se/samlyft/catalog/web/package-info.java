/** What the catalog's HTTP adapters share: who the caller is and may do, and how a page of results looks. */
@NullMarked
package se.samlyft.catalog.web;

import org.jspecify.annotations.NullMarked;
