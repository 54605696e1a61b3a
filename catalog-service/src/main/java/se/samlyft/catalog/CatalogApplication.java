package se.samlyft.catalog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The catalog: what care staff can take, when, where, and whether they may enrol. Scheduled work: membership changes
 * dated ahead reach the federations' joint offerings on their day.
 */
@SpringBootApplication
@EnableScheduling
public class CatalogApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatalogApplication.class, args);
    }
}
