package se.samlyft.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class TenantIdTest {

    @Test
    void acceptsTheSlugsOfTheRealm() {
        assertThat(TenantId.of("akademi-norr").value()).isEqualTo("akademi-norr");
        assertThat(TenantId.of("asele").value()).isEqualTo("asele");
    }

    @Test
    void refusesWhatIsNoSlug() {
        for (String invalid : List.of("", "Åsele", "akademi--norr", "-mala", "mala-", "mala kommun", "a".repeat(64))) {
            assertThatIllegalArgumentException().as(invalid).isThrownBy(() -> TenantId.of(invalid));
        }
    }

    @Test
    void writesAScopeAsASortedSettingAndAnEmptyScopeAsNothing() {
        TenantScope scope = TenantScope.federation(
                TenantId.of("akademi-norr"), List.of(TenantId.of("mala"), TenantId.of("arvidsjaur")));

        assertThat(scope.asSetting()).isEqualTo("akademi-norr,arvidsjaur,mala");
        assertThat(TenantScope.none().asSetting()).isEmpty();
    }
}
