package se.samlyft.web.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: for a logged-in person, the way to their pages; for anyone else, the way to log in. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
