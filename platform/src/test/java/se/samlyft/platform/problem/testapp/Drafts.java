package se.samlyft.platform.problem.testapp;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/** An application service whose method parameters Bean Validation checks, as a service's own may be. */
@Component
@Validated
public class Drafts {

    /** Accepts a draft title of at most 40 characters and answers it. */
    public String keep(@NotBlank @Size(max = 40) String title) {
        return title;
    }
}
