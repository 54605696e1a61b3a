package se.samlyft.identity.person.web;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.identity.person.People;
import se.samlyft.identity.person.Person;

/** {@code /api/identity/people}: the people of the caller's organisation. */
@RestController
@RequestMapping("/api/identity/people")
class PersonController {

    private final People people;

    PersonController(People people) {
        this.people = people;
    }

    @GetMapping
    List<PersonView> list() {
        return people.visiblePeople().stream().map(PersonView::of).toList();
    }

    record PersonView(UUID id, String employer, String occupation) {

        static PersonView of(Person person) {
            return new PersonView(person.id(), person.employer().value(), person.occupation());
        }
    }
}
