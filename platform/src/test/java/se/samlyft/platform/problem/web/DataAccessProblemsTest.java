package se.samlyft.platform.problem.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

class DataAccessProblemsTest {

    @Test
    void answersADuplicateOfAUniqueValueWith409() {
        var problem = DataAccessProblems.problemOf(new DuplicateKeyException("course_code_key"), false);

        assertThat(problem).isNotNull();
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getDetail()).doesNotContain("course_code_key");
    }

    @Test
    void answersALostUpdateWith412WhenTheRequestNamedItsVersionAndWith409Otherwise() {
        var changed = new OptimisticLockingFailureException("version 3 of course 42 is gone");

        assertThat(DataAccessProblems.problemOf(changed, true).getStatus()).isEqualTo(412);
        assertThat(DataAccessProblems.problemOf(changed, false).getStatus()).isEqualTo(409);
    }

    @Test
    void leavesADatabaseThatIsDownToTheServerError() {
        assertThat(DataAccessProblems.problemOf(new DataAccessResourceFailureException("connection refused"), false))
                .isNull();
    }
}
