package se.samlyft.web.mine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SwedishNumbersTest {

    @Test
    void readsHoursAsASwedeTypesThem() {
        assertThat(MyEnrolmentsController.decimal("6,5")).isEqualByComparingTo("6.5");
        assertThat(MyEnrolmentsController.decimal("6.5")).isEqualByComparingTo("6.5");
        assertThat(MyEnrolmentsController.decimal(" 12 ")).isEqualByComparingTo("12");
        assertThat(MyEnrolmentsController.decimal("0,25")).isEqualByComparingTo("0.25");
    }

    @Test
    void refusesWhatIsNoNumberOfHours() {
        assertThat(MyEnrolmentsController.decimal("sex och en halv")).isNull();
        assertThat(MyEnrolmentsController.decimal("-1")).isNull();
        assertThat(MyEnrolmentsController.decimal("6,5,5")).isNull();
        assertThat(MyEnrolmentsController.decimal("")).isNull();
    }
}
