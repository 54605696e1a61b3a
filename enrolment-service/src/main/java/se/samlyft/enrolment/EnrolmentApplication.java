package se.samlyft.enrolment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Enrolment: seats, waitlists, approval, progress, hours and evaluations. */
@SpringBootApplication
public class EnrolmentApplication {

    public static void main(String[] args) {
        SpringApplication.run(EnrolmentApplication.class, args);
    }
}
