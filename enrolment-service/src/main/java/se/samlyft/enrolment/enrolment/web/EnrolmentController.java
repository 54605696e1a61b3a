package se.samlyft.enrolment.enrolment.web;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.enrolment.enrolment.Enrolment;
import se.samlyft.enrolment.enrolment.Enrolments;

/** {@code /api/enrolments}: the enrolments of the caller's organisation. */
@RestController
@RequestMapping("/api/enrolments")
class EnrolmentController {

    private final Enrolments enrolments;

    EnrolmentController(Enrolments enrolments) {
        this.enrolments = enrolments;
    }

    @GetMapping
    List<EnrolmentView> list() {
        return enrolments.visibleEnrolments().stream().map(EnrolmentView::of).toList();
    }

    record EnrolmentView(UUID id, String organisation, UUID offeringId, UUID personId, String state) {

        static EnrolmentView of(Enrolment enrolment) {
            return new EnrolmentView(
                    enrolment.id(),
                    enrolment.organisation().value(),
                    enrolment.offeringId(),
                    enrolment.personId(),
                    enrolment.state().name());
        }
    }
}
