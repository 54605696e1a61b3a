package se.samlyft.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.platform.problem.testapp.ProblemAssertions.assertProblem;
import static se.samlyft.platform.problem.testapp.ProblemAssertions.errorsOf;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.platform.problem.testapp.AgainstTestApplication;
import se.samlyft.platform.problem.testapp.CourseController;
import se.samlyft.platform.problem.testapp.Gate;
import se.samlyft.testsupport.TestHttp;

class IdempotencyTest extends AgainstTestApplication {

    private static final String COURSES = "/api/test/courses";

    private final String token = tokenOf("arvidsjaur-samordnare", ARVIDSJAUR);
    private final JdbcTemplate owner = new JdbcTemplate(DATABASE.ownerDataSource());

    @Autowired
    private CourseController courses;

    @Autowired
    private Gate gate;

    @Autowired
    private IdempotencyStore store;

    @Test
    void replaysTheFirstResponseToARetryWithTheSameKeyAndBody() {
        String key = UUID.randomUUID().toString();
        String body = course("Läkemedelshantering för undersköterskor", 6);
        int before = courses.creations();

        var first = create(token, key, body);
        var retry = create(token, key, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.json().path("title").asString()).isEqualTo("Läkemedelshantering för undersköterskor");
        assertThat(retry.header("Location")).isNotNull().isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(courses.creations()).isEqualTo(before + 1);
    }

    @Test
    void runsEveryRequestWithoutAKey() {
        String body = course("Demens ABC", 5);
        int before = courses.creations();

        var first = http.send(post(COURSES, token, body).build());
        var second = http.send(post(COURSES, token, body).build());

        assertThat(second.json().path("id").asString())
                .isNotEqualTo(first.json().path("id").asString());
        assertThat(courses.creations()).isEqualTo(before + 2);
    }

    @Test
    void refusesTheSameKeyForAnotherBodyWith422() {
        String key = UUID.randomUUID().toString();
        create(token, key, course("Palliativ vård", 8));

        var other = create(token, key, course("Palliativ vård – fördjupning", 8));

        assertProblem(other, 422);
        assertThat(other.json().path("detail").asString()).contains("Idempotency-Key");
    }

    @Test
    void refusesARetryWhileTheFirstRequestIsStillRunningWith409() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = course("Lyftteknik och förflyttning", 4);
        gate.close();
        CompletableFuture<TestHttp.Response> first =
                CompletableFuture.supplyAsync(() -> create("/api/test/slow-courses", token, key, body));
        gate.awaitEntered();

        var retry = create("/api/test/slow-courses", token, key, body);
        gate.open();
        var answered = first.get(20, TimeUnit.SECONDS);
        var later = create("/api/test/slow-courses", token, key, body);

        assertProblem(retry, 409);
        assertThat(retry.header("Retry-After")).isEqualTo("1");
        assertThat(answered.status()).isEqualTo(201);
        assertThat(later.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(later.body()).isEqualTo(answered.body());
    }

    @Test
    void keepsTheKeysOfEachCallerApart() {
        String key = UUID.randomUUID().toString();
        String body = course("Bemötande och kommunikation", 3);

        var mine = create(token, key, body);
        var colleagues = create(tokenOf("arvidsjaur-chef", ARVIDSJAUR), key, body);
        var otherTenants = create(tokenOf("mala-samordnare", MALA), key, body);

        assertCreatedAnew(colleagues, mine);
        assertCreatedAnew(otherTenants, mine);
    }

    @Test
    void releasesTheKeyOfARequestThatFailedSoThatACorrectedRetryRuns() {
        String key = UUID.randomUUID().toString();

        var invalid = create(token, key, course("", 2));
        var corrected = create(token, key, course("Första hjälpen", 2));

        assertProblem(invalid, 400);
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void runsARetryAgainOnceTheKeyHasExpired() {
        String key = UUID.randomUUID().toString();
        String body = course("Nutrition för äldre", 2);
        var first = create(token, key, body);

        expire(key);
        var afterExpiry = create(token, key, body);

        assertCreatedAnew(afterExpiry, first);
    }

    @Test
    void refusesAKeyThatIsTooLongWith400() {
        var response = create(token, "x".repeat(256), course("Sårvård", 2));

        assertProblem(response, 400);
        assertThat(errorsOf(response)).singleElement().asString().startsWith("Idempotency-Key: ");
    }

    @Test
    void cleanupDeletesTheExpiredKeysOfEveryTenantAndKeepsTheLiveOnes() {
        String expiredOfArvidsjaur = UUID.randomUUID().toString();
        String expiredOfMala = UUID.randomUUID().toString();
        String live = UUID.randomUUID().toString();
        create(token, expiredOfArvidsjaur, course("Rehabiliterande förhållningssätt", 3));
        create(tokenOf("mala-samordnare", MALA), expiredOfMala, course("Rehabiliterande förhållningssätt", 3));
        create(token, live, course("Rehabiliterande förhållningssätt", 3));
        expire(expiredOfArvidsjaur, expiredOfMala);

        int purged = store.purgeExpired();

        assertThat(purged).isGreaterThanOrEqualTo(2);
        assertThat(keysAsOwner()).contains(live).doesNotContain(expiredOfArvidsjaur, expiredOfMala);
    }

    @Test
    void onlyOneReplicaPurgesAtATime() throws SQLException {
        String expired = UUID.randomUUID().toString();
        create(token, expired, course("Munvård", 1));
        expire(expired);

        int whileAnotherPurges;
        try (Connection other = DATABASE.ownerDataSource().getConnection()) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(hashtext('samlyft.idempotency_key.purge'))");
                whileAnotherPurges = store.purgeExpired();
            }
            other.rollback();
        }

        assertThat(whileAnotherPurges).isZero();
        assertThat(keysAsOwner()).as("left to the replica that holds the lock").contains(expired);
        assertThat(store.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(keysAsOwner()).doesNotContain(expired);
    }

    @Test
    void theApplicationRoleSeesOnlyTheKeysOfTheTenantsItsTransactionNames() throws SQLException {
        create(token, UUID.randomUUID().toString(), course("Hälsofrämjande arbete", 2));
        create(tokenOf("mala-samordnare", MALA), UUID.randomUUID().toString(), course("Hälsofrämjande arbete", 2));

        assertThat(owner.queryForList("select distinct tenant_id from samlyft.idempotency_key", String.class))
                .contains(ARVIDSJAUR, MALA);
        assertThat(tenantsSeenByTheApplication(null)).isEmpty();
        assertThat(tenantsSeenByTheApplication(MALA)).containsExactly(MALA);
    }

    private List<String> tenantsSeenByTheApplication(String scope) throws SQLException {
        List<String> tenants = new ArrayList<>();
        try (Connection connection = DATABASE.appDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            if (scope != null) {
                statement.execute("select set_config('samlyft.tenant_ids', '" + scope + "', false)");
            }
            try (ResultSet rows = statement.executeQuery("select distinct tenant_id from samlyft.idempotency_key")) {
                while (rows.next()) {
                    tenants.add(rows.getString(1));
                }
            }
        }
        return tenants;
    }

    /** The request ran and created another course than the earlier one, instead of replaying it. */
    private static void assertCreatedAnew(TestHttp.Response response, TestHttp.Response earlier) {
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Idempotent-Replayed")).isNull();
        assertThat(response.json().path("id").asString())
                .isNotEqualTo(earlier.json().path("id").asString());
    }

    /** Lets the keys expire, as the owner, past row-level security. */
    private void expire(String... keys) {
        for (String key : keys) {
            owner.update(
                    "update samlyft.idempotency_key set expires_at = now() - interval '1 second' where idempotency_key = ?",
                    key);
        }
    }

    private List<String> keysAsOwner() {
        return owner.queryForList("select idempotency_key from samlyft.idempotency_key", String.class);
    }

    private TestHttp.Response create(String bearer, String key, String body) {
        return create(COURSES, bearer, key, body);
    }

    private TestHttp.Response create(String path, String bearer, String key, String body) {
        return http.send(post(path, bearer, body).header("Idempotency-Key", key).build());
    }
}
