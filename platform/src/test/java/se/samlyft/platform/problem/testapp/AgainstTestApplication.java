package se.samlyft.platform.problem.testapp;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samlyft.testsupport.TestDatabase;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TestPostgres;
import se.samlyft.testsupport.TestTokens;

/**
 * Runs the {@link TestApplication} on a random port with its own database on the test JVM's PostgreSQL (migrated by
 * the owner role, used by the application role under row-level security) and {@link TestTokens} as the trusted
 * issuer. Test classes that extend it share one application.
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=platform-test", "samlyft.web.max-request-size=16KB"})
public abstract class AgainstTestApplication {

    protected static final String ARVIDSJAUR = "arvidsjaur";
    protected static final String MALA = "mala";

    protected static final TestDatabase DATABASE = TestPostgres.get().createDatabase("platform");

    @LocalServerPort
    protected int port;

    protected TestHttp http;

    @DynamicPropertySource
    static void realServers(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", DATABASE::jdbcUrl);
        properties.add("spring.datasource.username", DATABASE::appUser);
        properties.add("spring.datasource.password", DATABASE::appPassword);
        properties.add("spring.flyway.url", DATABASE::jdbcUrl);
        properties.add("spring.flyway.user", DATABASE::ownerUser);
        properties.add("spring.flyway.password", DATABASE::ownerPassword);
        properties.add(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> TestTokens.get().issuer());
        properties.add(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> TestTokens.get().jwkSetUri());
    }

    @BeforeEach
    void connect() {
        http = TestHttp.onPort(port);
    }

    /** A token of a course administrator of {@code tenant}. */
    protected static String tokenOf(String username, String tenant) {
        return TestTokens.get().forUser(username, tenant, "course-admin");
    }

    /** A JSON POST of {@code json} to {@code path}, ready for more headers. */
    protected HttpRequest.Builder post(String path, @Nullable String token, String json) {
        return http.request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    /** A course as JSON, with Swedish letters in the title. */
    protected static String course(String title, int hours) {
        return """
                {"title": "%s", "hours": %d, "starts": "2026-09-01"}""".formatted(title, hours);
    }
}
