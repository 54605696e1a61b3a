package se.samlyft.reporting.report.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import se.samlyft.reporting.report.PaidTimeEvidence;

/** The evidence of paid working time as JSON, with its sums by kind of employer. */
record PaidTimeView(
        YearMonth from,
        YearMonth to,
        List<PaidTimeEvidence.Line> lines,
        Map<String, BigDecimal> totalsByEmployer,
        BigDecimal total) {

    static PaidTimeView of(PaidTimeEvidence report) {
        return new PaidTimeView(report.from(), report.to(), report.lines(), report.totalsByEmployer(), report.total());
    }
}
