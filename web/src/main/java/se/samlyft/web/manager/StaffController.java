package se.samlyft.web.manager;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import se.samlyft.web.api.CatalogApi;
import se.samlyft.web.api.EnrolmentApi;
import se.samlyft.web.api.IdentityApi;
import se.samlyft.web.page.Lookups;
import se.samlyft.web.page.SwedishOrder;

/**
 * "Min personal": the manager's own staff (identity's people that the manager manages) in Swedish order, each with
 * their training (enrolment-service's enrolments of the manager's staff): state, progress and completion, so that the
 * manager can plan shifts. The two answers are joined here by person id; no event carries a name.
 */
@Controller
@RequestMapping("/min-personal")
class StaffController {

    private final IdentityApi identity;
    private final EnrolmentApi enrolments;
    private final Lookups lookups;

    StaffController(IdentityApi identity, EnrolmentApi enrolments, Lookups lookups) {
        this.identity = identity;
        this.enrolments = enrolments;
        this.lookups = lookups;
    }

    /** One enrolment of a staff member, with its course and offering. */
    record Training(EnrolmentApi.Enrolment enrolment, CatalogApi.Course course, CatalogApi.Offering offering) {}

    /** A member of staff and their training, what is under way first. */
    record Member(IdentityApi.Person person, List<Training> training) {}

    @GetMapping
    String staff(Model model) {
        Map<UUID, List<Training>> byPerson = new LinkedHashMap<>();
        for (EnrolmentApi.Enrolment enrolment : enrolments.ofStaff()) {
            byPerson.computeIfAbsent(enrolment.personId(), person -> new ArrayList<>())
                    .add(new Training(
                            enrolment, lookups.course(enrolment.courseId()), lookups.offering(enrolment.offeringId())));
        }
        Comparator<IdentityApi.Person> byName = SwedishOrder.<IdentityApi.Person>by(IdentityApi.Person::familyName)
                .thenComparing(SwedishOrder.by(IdentityApi.Person::givenName));
        List<Member> members = identity.staff().stream()
                .sorted(byName)
                .map(person -> new Member(
                        person,
                        byPerson.getOrDefault(person.id(), List.of()).stream()
                                .sorted(Comparator.comparing((Training training) ->
                                        !training.enrolment().isLive()))
                                .toList()))
                .toList();
        model.addAttribute("members", members);
        return "manager/staff";
    }
}
