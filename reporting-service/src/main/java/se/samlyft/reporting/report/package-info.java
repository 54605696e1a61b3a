/**
 * The reports, computed by SQL over the current generation of the read model in the reader's tenant scope:
 * programme follow-up, the federation view, the funder's monthly participant report and the evidence of paid working
 * time.
 */
@NullMarked
package se.samlyft.reporting.report;

import org.jspecify.annotations.NullMarked;
