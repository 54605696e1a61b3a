package se.samlyft.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The web application in front of a stand-in gateway: who gets in, how the login starts (authorization code with
 * PKCE), the headers every page has, CSRF, the person's own token on every API call, problems turned into Swedish
 * messages at their fields, and another person's enrolment answered as not found.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WebApplicationTest {

    static final StandInGateway GATEWAY = new StandInGateway();
    private static final String ENROLMENT = "7d0a5f3e-4c1b-4e7a-9a55-2f1d2e3c4b5a";
    private static final String OFFERING = "1b9e5c2a-3d4f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String COURSE = "2c8d4e6f-1a3b-4c5d-9e7f-0a1b2c3d4e5f";

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("samlyft.web.gateway-url", GATEWAY::url);
    }

    @BeforeEach
    void forget() {
        GATEWAY.forget();
    }

    private static OidcLoginRequestPostProcessor anna() {
        return oidcLogin()
                .idToken(
                        token -> token.claim("name", "Anna Lind").claim("preferred_username", "arvidsjaur-deltagare-1"))
                .authorities(new SimpleGrantedAuthority("ROLE_participant"));
    }

    @Test
    void theStaffListShowsEachLoginAndWhyKeycloakRefusedOneAndSearchesThroughIdentity() throws Exception {
        GATEWAY.answer("GET /api/identity/people", 200, """
                {"items":[%s,%s],"page":0,"size":25,"totalItems":2,"totalPages":1}""".formatted(
                        person("Åsa", "Öberg", "{\"state\":\"ACTIVE\",\"reason\":null}"),
                        person("Märta", "Lund", "{\"state\":\"FAILED\",\"reason\":\"Keycloak: ogiltigt namn\"}")));

        String page = mvc.perform(get("/personal").param("q", "Öberg").with(coordinator()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Åsa Öberg", "aktiv", "misslyckades", "– Keycloak: ogiltigt namn");
        assertThat(GATEWAY.received().getFirst().path()).startsWith("/api/identity/people?q=%C3%96berg");
    }

    private static String person(String givenName, String familyName, String login) {
        return """
                {"id":"%s","givenName":"%s","familyName":"%s","email":null,"hasPersonalIdentityNumber":false,
                 "workplaceId":"hemtjanst","workplaceName":"Hemtjänst Centrum","occupation":"ASSISTANT_NURSE",
                 "managerId":null,"sex":"WOMAN","birthYear":1978,"educationLevel":null,"roles":["participant"],
                 "status":"EMPLOYED","leftOn":null,"login":%s,"version":1}""".formatted(UUID.randomUUID(), givenName, familyName, login);
    }

    private static OidcLoginRequestPostProcessor coordinator() {
        return oidcLogin()
                .idToken(token ->
                        token.claim("name", "Sara Samordnare").claim("preferred_username", "arvidsjaur-samordnare"))
                .authorities(new SimpleGrantedAuthority("ROLE_coordinator"));
    }

    @Test
    void aPageNeedsALoginThroughKeycloakWithPkce() throws Exception {
        mvc.perform(get("/mina-utbildningar"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/oauth2/authorization/keycloak"));

        MvcResult login = mvc.perform(get("/oauth2/authorization/keycloak"))
                .andExpect(status().is3xxRedirection())
                .andReturn();

        URI keycloak = URI.create(login.getResponse().getRedirectedUrl());
        Map<String, String> query =
                UriComponentsBuilder.fromUri(keycloak).build().getQueryParams().toSingleValueMap();
        assertThat(keycloak.getPath()).isEqualTo("/realms/samlyft/protocol/openid-connect/auth");
        assertThat(query)
                .containsEntry("client_id", "samlyft-web-app")
                .containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256")
                .containsKey("code_challenge")
                .containsKey("state")
                .containsKey("nonce");
        assertThat(query.get("scope")).contains("openid");
    }

    @Test
    void everyPageHasAStrictContentSecurityPolicyAndNoCaching() throws Exception {
        MvcResult home = mvc.perform(get("/")).andExpect(status().isOk()).andReturn();

        String policy = home.getResponse().getHeader("Content-Security-Policy");
        assertThat(policy)
                .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .contains("form-action 'self' http://localhost:8180")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(home.getResponse().getHeader("Cache-Control")).contains("no-store");
        assertThat(home.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(home.getResponse().getContentAsString())
                .contains("<html lang=\"sv\"", "Välkommen till Samlyft", "Hoppa till innehållet");
    }

    @Test
    void speaksEnglishToABrowserThatPrefersIt() throws Exception {
        String page = mvc.perform(get("/").header("Accept-Language", "en-GB,en;q=0.9"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("<html lang=\"en\"", "Welcome to Samlyft").doesNotContain("Välkommen");
    }

    @Test
    void refusesAFormWithoutTheCsrfToken() throws Exception {
        mvc.perform(post("/mina-utbildningar/" + ENROLMENT + "/pausa").with(anna()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(anna())).andExpect(status().isForbidden());

        assertThat(GATEWAY.received()).isEmpty();
    }

    @Test
    void callsTheGatewayWithThePersonsOwnTokenAndAnIdempotencyKeyAndTheVersionShown() throws Exception {
        GATEWAY.answer("POST /api/enrolments/" + ENROLMENT + "/pause", 200, enrolment("IN_PROGRESS", true, 5));

        mvc.perform(post("/mina-utbildningar/" + ENROLMENT + "/pausa")
                        .with(anna())
                        .with(csrf())
                        .param("key", "3f2a9c1e-0b7d-4e5f-8a6b-1c2d3e4f5a6b")
                        .param("version", "4"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/mina-utbildningar/" + ENROLMENT));

        StandInGateway.Received paused = GATEWAY.received().getFirst();
        assertThat(paused.path()).isEqualTo("/api/enrolments/" + ENROLMENT + "/pause");
        assertThat(paused.header("Authorization")).isEqualTo("Bearer access-token");
        assertThat(paused.header("Idempotency-Key")).isEqualTo("3f2a9c1e-0b7d-4e5f-8a6b-1c2d3e4f5a6b");
        assertThat(paused.header("If-Match")).isEqualTo("\"4\"");
    }

    @Test
    void showsAnotherPersonsEnrolmentAsNotFound() throws Exception {
        String page = mvc.perform(get("/mina-utbildningar/" + UUID.randomUUID()).with(anna()))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Sidan finns inte");
    }

    @Test
    void aRefusedDeclineKeepsTheFormAndSaysWhatIsWrongInSwedishAtTheField() throws Exception {
        GATEWAY.answer(
                "POST /api/enrolments/" + ENROLMENT + "/decline",
                400,
                "{\"status\":400,\"detail\":\"Invalid request\",\"errors\":[{\"field\":\"reason\",\"message\":\"must be"
                        + " at most 2000 characters\"}]}");
        GATEWAY.answer("GET /api/enrolments/approvals", 200, "[" + enrolment("AWAITING_APPROVAL", false, 2) + "]");
        GATEWAY.answer("GET /api/identity/people/" + PERSON, 200, PERSON_JSON);
        GATEWAY.answer("GET /api/catalog/courses/" + COURSE, 200, COURSE_JSON);
        GATEWAY.answer("GET /api/catalog/offerings/" + OFFERING, 200, OFFERING_JSON);

        String page = mvc.perform(post("/att-godkanna/" + ENROLMENT + "/neka")
                        .with(anna().authorities(new SimpleGrantedAuthority("ROLE_manager")))
                        .with(csrf())
                        .param("skal", "Krockar med schemat i vecka 36")
                        .param("key", "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9")
                        .param("version", "2"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        String field = "skal-" + ENROLMENT;
        assertThat(page)
                .contains("Skriv ett skäl till att du nekar")
                .contains("id=\"" + field + "-fel\"")
                .contains("aria-describedby=\"" + field + "-fel\"")
                .contains(">Krockar med schemat i vecka 36</textarea>")
                .contains("Ingrid Öberg", "Hemtjänsten Centrum", "Välfärdsteknik i vardagen")
                .doesNotContain("must be at most");
    }

    @Test
    void aBusyPlatformSaysToTryAgainShortly() throws Exception {
        GATEWAY.answer(
                "GET /api/enrolments", 429, "{\"status\":429,\"detail\":\"Too many\"}", Map.of("Retry-After", "7"));

        String page = mvc.perform(get("/mina-utbildningar").with(anna()))
                .andExpect(status().isServiceUnavailable())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Försök igen om en stund", "Vänta minst 7 sekunder");
    }

    private static final String PERSON = "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d";
    private static final String PERSON_JSON =
            "{\"id\":\"" + PERSON + "\",\"givenName\":\"Ingrid\",\"familyName\":\"Öberg\","
                    + "\"workplaceId\":\"hemtjansten-centrum\",\"workplaceName\":\"Hemtjänsten Centrum\","
                    + "\"occupation\":\"ASSISTANT_NURSE\",\"status\":\"EMPLOYED\"}";
    private static final String COURSE_JSON = "{\"id\":\"" + COURSE + "\",\"owner\":\"akademi-norr\","
            + "\"title\":\"Välfärdsteknik i vardagen\",\"description\":\"Trygghetslarm.\",\"themes\":[],"
            + "\"targetOccupations\":[],\"format\":\"SELF_PACED_DIGITAL\",\"modules\":[{\"title\":\"Vad är"
            + " välfärdsteknik?\",\"estimatedMinutes\":45}],\"estimatedHours\":0.8,\"status\":\"PUBLISHED\"}";
    private static final String OFFERING_JSON = "{\"id\":\"" + OFFERING + "\",\"courseId\":\"" + COURSE + "\","
            + "\"owner\":\"akademi-norr\",\"enrolmentOpensAt\":\"2026-08-01T00:00:00Z\","
            + "\"enrolmentClosesAt\":\"2026-08-31T00:00:00Z\",\"startsAt\":\"2026-09-07T06:00:00Z\","
            + "\"endsAt\":\"2026-12-15T16:00:00Z\",\"online\":true,\"capacity\":2,\"approvalRequired\":true,"
            + "\"paidWorkingTime\":true,\"freeSeats\":1,\"status\":\"SCHEDULED\"}";

    private static String enrolment(String state, boolean paused, long version) {
        return "{\"id\":\"" + ENROLMENT + "\",\"organisation\":\"arvidsjaur\",\"offeringId\":\"" + OFFERING
                + "\",\"courseId\":\"" + COURSE + "\",\"personId\":\"" + PERSON + "\",\"state\":\"" + state
                + "\",\"holdUntil\":\"2026-09-01T10:00:00Z\",\"paused\":" + paused
                + ",\"modulesCompleted\":0,\"version\":" + version + "}";
    }
}
