package se.samlyft.identity.participants.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.identity.participants.ListedParticipant;
import se.samlyft.identity.participants.ParticipantLists;
import se.samlyft.identity.person.Sex;
import se.samlyft.identity.web.IdentityPolicy;
import se.samlyft.platform.export.Format;
import se.samlyft.platform.export.Sheet;
import se.samlyft.platform.tenancy.TenantId;

/**
 * {@code /api/identity/programmes/{id}/participants}: the funder's participant list of a programme (personal identity
 * number, sex, start and end month of each participant), as JSON or ({@code format=csv|xlsx}) a file to download. Only
 * for the project leader of the programme's owner; every number on it is written to the audit log first.
 */
@RestController
@RequestMapping("/api/identity/programmes")
class ParticipantListController {

    private final ParticipantLists lists;

    ParticipantListController(ParticipantLists lists) {
        this.lists = lists;
    }

    /** The list as JSON: the programme and its participants, the earliest start first. */
    record ParticipantListView(UUID programmeId, List<ListedParticipant> participants) {}

    @GetMapping("/{programmeId}/participants")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ParticipantListView.class)))
    ResponseEntity<?> participants(@PathVariable UUID programmeId, @RequestParam(defaultValue = "json") String format) {
        Format answer = Format.of(format);
        TenantId owner = IdentityPolicy.requireMayBeProjectLeader();
        List<ListedParticipant> participants = lists.of(programmeId, IdentityPolicy.caller(), owner);
        return answer.answer(
                () -> new ParticipantListView(programmeId, participants),
                () -> List.of(sheet(participants)),
                "deltagarforteckning-" + programmeId);
    }

    private static Sheet sheet(List<ListedParticipant> participants) {
        Sheet.Builder sheet = Sheet.titled("Deltagare", "Personnummer", "Kön", "Startmånad", "Slutmånad");
        for (ListedParticipant participant : participants) {
            sheet.row(
                    participant.personalIdentityNumber(),
                    swedish(participant.sex()),
                    participant.startMonth().toString(),
                    month(participant.endMonth()));
        }
        return sheet.build();
    }

    private static @Nullable String month(@Nullable YearMonth month) {
        return month == null ? null : month.toString();
    }

    private static String swedish(Sex sex) {
        return switch (sex) {
            case WOMAN -> "Kvinna";
            case MAN -> "Man";
            case NON_BINARY -> "Icke-binär";
            case NOT_STATED -> "Ej angivet";
        };
    }
}
