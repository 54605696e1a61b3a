package se.samlyft.reporting.participation.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.reporting.participation.Participation;
import se.samlyft.reporting.participation.ParticipationSummary;

/** The participation read model in PostgreSQL; row-level security limits it to the transaction's tenant scope. */
@Repository
@Transactional(readOnly = true)
class JdbcParticipation implements Participation {

    private final JdbcClient jdbc;

    JdbcParticipation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ParticipationSummary summary() {
        Map<String, Long> byState = new LinkedHashMap<>();
        jdbc.sql("select state, count(*) as enrolments from participation group by state")
                .query(row -> {
                    byState.put(row.getString("state"), row.getLong("enrolments"));
                });
        return new ParticipationSummary(byState);
    }
}
