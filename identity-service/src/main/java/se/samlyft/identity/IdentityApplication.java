package se.samlyft.identity;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Identity: organisations, federations, people and their logins. */
@SpringBootApplication
public class IdentityApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityApplication.class, args);
    }

    /** The time of the service's decisions (a membership's first day, an audit record's time). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
