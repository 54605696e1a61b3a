/**
 * A project leader's pages (a federation's projektledare, or the coordinator of an organisation that runs a programme):
 * the programmes with the funder's register fields, each programme's dashboard as charts with their figures in tables,
 * the funder's monthly report and the participant list.
 */
@NullMarked
package se.samlyft.web.projectleader;

import org.jspecify.annotations.NullMarked;
