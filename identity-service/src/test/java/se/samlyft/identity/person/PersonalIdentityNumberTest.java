package se.samlyft.identity.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.samlyft.platform.problem.InvalidInput;

class PersonalIdentityNumberTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    @Test
    void readsTheLongAndShortFormsIntoTwelveDigits() {
        assertThat(PersonalIdentityNumber.parse("19780315-4561", TODAY).digits())
                .isEqualTo("197803154561");
        assertThat(PersonalIdentityNumber.parse("197803154561", TODAY).digits()).isEqualTo("197803154561");
        assertThat(PersonalIdentityNumber.parse("780315-4561", TODAY).digits()).isEqualTo("197803154561");
        assertThat(PersonalIdentityNumber.parse("020202-0202", TODAY).digits()).isEqualTo("200202020202");
    }

    @Test
    void aPlusSignMeansAHundredYearsOrOlder() {
        assertThat(PersonalIdentityNumber.parse("121212+1212", TODAY).birthYear())
                .isEqualTo(1912);
        assertThat(PersonalIdentityNumber.parse("121212-1212", TODAY).birthYear())
                .isEqualTo(2012);
    }

    @Test
    void acceptsACoordinationNumberWhoseDayIsSixtyMore() {
        PersonalIdentityNumber coordination = PersonalIdentityNumber.parse("19701063-2391", TODAY);

        assertThat(coordination.isCoordinationNumber()).isTrue();
        assertThat(coordination.birthYear()).isEqualTo(1970);
        assertThat(PersonalIdentityNumber.parse("19780315-4561", TODAY).isCoordinationNumber())
                .isFalse();
    }

    @Test
    void refusesAWrongCheckDigitADateThatDoesNotExistAndAFutureBirth() {
        assertThatThrownBy(() -> PersonalIdentityNumber.parse("19780315-4562", TODAY))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("check digit");
        assertThatThrownBy(() -> PersonalIdentityNumber.parse("19780231-4562", TODAY))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("date");
        assertThatThrownBy(() -> PersonalIdentityNumber.parse("20300101-0002", TODAY))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("future");
        assertThatThrownBy(() -> PersonalIdentityNumber.parse("1978-03-15", TODAY))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void neverShowsItsDigitsWhenPrinted() {
        PersonalIdentityNumber number = PersonalIdentityNumber.parse("19780315-4561", TODAY);

        assertThat(number.toString()).isEqualTo("19780315-****");
        assertThat(String.valueOf(number)).doesNotContain("4561");
    }
}
