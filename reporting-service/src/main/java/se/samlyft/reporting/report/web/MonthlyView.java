package se.samlyft.reporting.report.web;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import se.samlyft.reporting.report.MonthlyReport;

/** The funder's monthly report as JSON. */
record MonthlyView(
        UUID programmeId,
        YearMonth month,
        boolean resubmission,
        List<YearMonth> correctedMonths,
        List<MonthlyReport.Started> started,
        List<MonthlyReport.Ended> ended,
        List<MonthlyReport.Hours> hours) {

    static MonthlyView of(MonthlyReport report) {
        return new MonthlyView(
                report.programmeId(),
                report.month(),
                report.resubmission(),
                report.correctedMonths(),
                report.started(),
                report.ended(),
                report.hours());
    }
}
