package se.samlyft.identity.hrimport;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.identity.IdentityApi.coordinatorOf;
import static se.samlyft.identity.IdentityApi.municipality;
import static se.samlyft.identity.IdentityApi.organisationNumber;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samlyft.identity.AgainstIdentity;
import se.samlyft.testsupport.TestHttp;

/**
 * Times the import of 2,500 generated people (Swedish names, 100 managers) through the API: a dry run, the real run
 * and the same file again. Not part of the build (no {@code Test} suffix); run it with
 * {@code ./mvnw -B -pl identity-service -am verify -Dtest=HrImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the {@code HR import benchmark} lines in its surefire output file.
 */
class HrImportBenchmark extends AgainstIdentity {

    private static final Logger log = LoggerFactory.getLogger(HrImportBenchmark.class);
    private static final int PEOPLE = 2_500;

    @Test
    void importsTwoThousandFiveHundredPeople() {
        api.onboard(municipality("kungsbacka", "Kungsbacka kommun", "1384", organisationNumber(1384)));
        byte[] file = HrFiles.generated("kungsbacka.se", PEOPLE, 42);
        String coordinator = coordinatorOf("kungsbacka");

        TestHttp.Response dryRun = timed(
                "dry run", () -> api.postBytes("/api/identity/imports?dryRun=true", coordinator, "text/csv", file));
        TestHttp.Response real =
                timed("real run", () -> api.postBytes("/api/identity/imports", coordinator, "text/csv", file));
        TestHttp.Response again =
                timed("same file again", () -> api.postBytes("/api/identity/imports", coordinator, "text/csv", file));

        assertThat(dryRun.json().path("problems")).isEmpty();
        assertThat(real.json().path("created").asInt()).as(real.body()).isEqualTo(PEOPLE);
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(PEOPLE);
        log.info("HR import benchmark: file of {} bytes", file.length);
    }

    private static TestHttp.Response timed(String what, java.util.function.Supplier<TestHttp.Response> call) {
        long start = System.nanoTime();
        TestHttp.Response response = call.get();
        log.info(
                "HR import benchmark: {} of {} people took {} ms",
                what,
                PEOPLE,
                (System.nanoTime() - start) / 1_000_000);
        return response;
    }
}
