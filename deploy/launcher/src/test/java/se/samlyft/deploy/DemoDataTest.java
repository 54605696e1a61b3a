package se.samlyft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoDataTest {

    @Test
    void givesEachDemoOrganisationANumberWithAValidCheckDigit() {
        // Luhn over the first nine digits: 2*2, 1, 2*2, 0, 0, 0, 2*0, 0, 2*1 → 4+1+4+2 = 11, check digit 9.
        assertThat(DemoData.organisationNumber("212000", 1)).isEqualTo("212000-0019");
        assertThat(DemoData.organisationNumber("222000", 14)).matches("222000-014[0-9]");
    }
}
