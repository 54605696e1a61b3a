/** HTTP adapter of the reports: who may read which report, and the JSON, CSV and XLSX answers. */
@NullMarked
package se.samlyft.reporting.report.web;

import org.jspecify.annotations.NullMarked;
