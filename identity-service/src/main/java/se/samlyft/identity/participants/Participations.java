package se.samlyft.identity.participants;

import java.util.List;
import java.util.UUID;

/**
 * Who took part in a programme, asked of reporting on behalf of the caller: reporting answers only the project leader
 * of the programme's owner, refuses anyone else (403 naming the rule) and does not know an unknown programme (404).
 */
public interface Participations {

    List<Participation> of(UUID programmeId);
}
