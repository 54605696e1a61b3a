/**
 * A coordinator's pages (a municipality's samordnare; a federation's project leader uses the catalog's pages too): the
 * organisation's courses and offerings, each offering's roster, the staff and their HR import, the approvals waiting
 * in the organisation and the reports to download.
 */
@NullMarked
package se.samlyft.web.coordinator;

import org.jspecify.annotations.NullMarked;
