package se.samlyft.identity.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import se.samlyft.platform.problem.InvalidInput;

class OrganisationValuesTest {

    @Test
    void knowsExactlySwedensTwoHundredNinetyMunicipalities() {
        assertThat(MunicipalityCode.count()).isEqualTo(290);
        assertThat(MunicipalityCode.of("2505").municipalityName()).isEqualTo("Arvidsjaur");
        assertThat(MunicipalityCode.of("1480").municipalityName()).isEqualTo("Göteborg");
        assertThat(MunicipalityCode.of("0114").municipalityName()).isEqualTo("Upplands Väsby");
    }

    @Test
    void refusesACodeThatNamesNoMunicipalityIncludingCountyCodes() {
        assertThatThrownBy(() -> MunicipalityCode.of("0025")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> MunicipalityCode.of("2599")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> MunicipalityCode.of("114")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void acceptsAnOrganisationNumberWithItsCheckDigitWithOrWithoutTheDash() {
        assertThat(OrganisationNumber.of("2120002627").value()).isEqualTo("212000-2627");
        assertThat(OrganisationNumber.of("556677-8899").value()).isEqualTo("556677-8899");
    }

    @Test
    void refusesAWrongCheckDigitAndAPersonalIdentityNumber() {
        assertThatThrownBy(() -> OrganisationNumber.of("212000-2628"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("check digit");
        assertThatThrownBy(() -> OrganisationNumber.of("121212-1212"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("legal person");
    }

    @Test
    void luhnChecksTheLastDigit() {
        assertThat(Luhn.isValid("7803154561")).isTrue();
        assertThat(Luhn.isValid("7803154562")).isFalse();
        assertThat(Luhn.isValid("78031545x1")).isFalse();
    }
}
