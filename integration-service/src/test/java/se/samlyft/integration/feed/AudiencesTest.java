package se.samlyft.integration.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.samlyft.platform.tenancy.TenantId;

class AudiencesTest {

    private static final TenantId LYCKSELE = TenantId.of("lycksele");

    @Test
    void anEnrolmentOnAFederationsOfferingGoesToTheFederationToo() {
        assertThat(Audiences.of(LYCKSELE, "se.samlyft.enrolment.enrolment-started.v1", "akademi-norr"))
                .containsExactly(LYCKSELE, TenantId.of("akademi-norr"));
    }

    @Test
    void everythingElseGoesToItsOwnTenantOnly() {
        assertThat(Audiences.of(LYCKSELE, "se.samlyft.enrolment.enrolment-started.v1", "lycksele"))
                .containsExactly(LYCKSELE);
        assertThat(Audiences.of(LYCKSELE, "se.samlyft.identity.person-registered.v1", null))
                .containsExactly(LYCKSELE);
        assertThat(Audiences.of(LYCKSELE, "se.samlyft.catalog.offering-changed.v1", "akademi-norr"))
                .containsExactly(LYCKSELE);
    }
}
