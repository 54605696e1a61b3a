package se.samlyft.reporting.participation.web;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.reporting.participation.Participation;
import se.samlyft.reporting.participation.ParticipationSummary;

/** {@code /api/reports/participation}: the caller's organisation's enrolments counted by state. */
@RestController
class ParticipationController {

    private final Participation participation;

    ParticipationController(Participation participation) {
        this.participation = participation;
    }

    @GetMapping("/api/reports/participation")
    ParticipationView summary() {
        ParticipationSummary summary = participation.summary();
        return new ParticipationView(summary.total(), summary.byState());
    }

    record ParticipationView(long total, Map<String, Long> byState) {}
}
