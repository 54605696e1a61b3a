/**
 * Exports to download: tables written as CSV for a Swedish spreadsheet or as an XLSX workbook (fastexcel, which a
 * service that exports brings), with text a spreadsheet would run as a formula neutralised.
 */
@NullMarked
package se.samlyft.platform.export;

import org.jspecify.annotations.NullMarked;
