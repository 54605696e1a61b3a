package se.samlyft.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import se.samlyft.platform.tenancy.TenantId;

class CallerTest {

    @Test
    void takesTheTenantFromKeycloaksListOfOrganisations() {
        Caller caller = Caller.from(token(Map.of("organization", List.of("arvidsjaur"))));

        assertThat(caller.tenant()).contains(TenantId.of("arvidsjaur"));
    }

    @Test
    void takesTheTenantFromKeycloaksMapOfOrganisations() {
        Caller caller = Caller.from(token(Map.of("organization", Map.of("mala", Map.of("id", "4f1c")))));

        assertThat(caller.tenant()).contains(TenantId.of("mala"));
    }

    @Test
    void hasNoTenantWhenTheTokenNamesNoneOrSeveralOrAnInvalidOne() {
        assertThat(Caller.from(token(Map.of())).tenant()).isEmpty();
        assertThat(Caller.from(token(Map.of("organization", List.of("mala", "arvidsjaur"))))
                        .tenant())
                .isEmpty();
        assertThat(Caller.from(token(Map.of("organization", List.of("Malå kommun"))))
                        .tenant())
                .isEmpty();
    }

    @Test
    void readsTheRealmRolesAndTheUserName() {
        Caller caller = Caller.from(token(Map.of(
                "preferred_username",
                "asele-chef",
                "realm_access",
                Map.of("roles", List.of("manager", "participant")))));

        assertThat(caller.username()).isEqualTo("asele-chef");
        assertThat(caller.roles()).containsExactlyInAnyOrder("manager", "participant");
        assertThat(caller.hasRole("coordinator")).isFalse();
    }

    @Test
    void readsThePersonIdWhenTheTokenCarriesAValidOne() {
        assertThat(Caller.from(token(Map.of("person_id", "0b6f6c2e-8a53-4d1e-9f0e-3c2a1b7d9e11")))
                        .personId())
                .hasValueSatisfying(id -> assertThat(id).hasToString("0b6f6c2e-8a53-4d1e-9f0e-3c2a1b7d9e11"));
        assertThat(Caller.from(token(Map.of("person_id", "inte-ett-id"))).personId())
                .isEmpty();
        assertThat(Caller.from(token(Map.of())).personId()).isEmpty();
    }

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject("6d1f0c0e-1111-4a4a-9b9b-000000000001")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300));
        claims.forEach(jwt::claim);
        return jwt.build();
    }
}
