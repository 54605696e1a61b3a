package se.samlyft.identity.participants.web;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import se.samlyft.identity.participants.Participation;
import se.samlyft.identity.participants.Participations;
import se.samlyft.identity.web.IdentityPolicy;
import se.samlyft.platform.problem.Busy;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.security.Denied;
import se.samlyft.platform.tenancy.TenantId;

/**
 * The programme's participants as reporting answers them to the caller: {@code GET
 * /api/reports/programmes/{id}/participants} on reporting's API, with the caller's own bearer token, so reporting
 * decides whether the caller is the project leader of the programme's owner exactly as for its reports. A 403 becomes
 * a refusal naming the rule, a 404 an unknown programme, anything else (reporting down or failing) a 503 problem.
 */
class ReportingParticipations implements Participations {

    private final RestClient reporting;

    ReportingParticipations(RestClient reporting) {
        this.reporting = reporting;
    }

    /** Reporting's answer, read tolerantly: the fields identity needs. */
    record Answer(List<Line> participants) {

        record Line(
                UUID personId,
                String organisation,
                String startMonth,
                @Nullable String endMonth) {}
    }

    @Override
    public List<Participation> of(UUID programmeId) {
        Answer answer;
        try {
            answer = reporting
                    .get()
                    .uri("/api/reports/programmes/{id}/participants", programmeId)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status == 404) {
                            throw NotFound.of("programme", programmeId);
                        }
                        if (status == 401 || status == 403) {
                            throw new Denied(IdentityPolicy.PARTICIPANT_LIST_RULE);
                        }
                        throw new Busy("Reporting, which knows the programme's participants, answered " + status
                                + "; try again shortly.");
                    })
                    .body(Answer.class);
        } catch (ResourceAccessException unreachable) {
            throw new Busy("Reporting, which knows the programme's participants, did not answer; try again shortly.");
        }
        if (answer == null) {
            throw new Busy("Reporting answered no participants; try again shortly.");
        }
        return answer.participants().stream()
                .map(line -> new Participation(
                        line.personId(),
                        TenantId.of(line.organisation()),
                        YearMonth.parse(line.startMonth()),
                        line.endMonth() == null ? null : YearMonth.parse(line.endMonth())))
                .toList();
    }

    private static String token() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getTokenValue();
        }
        throw new Denied(IdentityPolicy.PARTICIPANT_LIST_RULE);
    }
}
