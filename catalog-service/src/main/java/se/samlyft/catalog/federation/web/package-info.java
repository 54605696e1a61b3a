/** What the catalog's web adapters read of federations: the scope a federation's people read shared things in. */
@NullMarked
package se.samlyft.catalog.federation.web;

import org.jspecify.annotations.NullMarked;
