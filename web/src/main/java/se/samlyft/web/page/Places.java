package se.samlyft.web.page;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import se.samlyft.web.api.CatalogApi;
import se.samlyft.web.api.IdentityApi;

/**
 * Where an offering takes place, in words ("På distans", or the venue and its municipality), and the municipalities of
 * the installation for the search's filter, in Swedish order. Names come from identity's register of organisations.
 */
@Component("places")
public class Places {

    /** A municipality of the register: SCB code and name. */
    public record Municipality(String code, String name) {}

    private final IdentityApi identity;
    private final ProblemMessages texts;

    Places(IdentityApi identity, ProblemMessages texts) {
        this.identity = identity;
        this.texts = texts;
    }

    public String of(CatalogApi.Offering offering) {
        if (offering.online()) {
            return texts.message("place.online");
        }
        String municipality = nameOf(offering.municipalityCode());
        String venue = offering.venue();
        return venue == null || venue.isBlank() ? municipality : venue + ", " + municipality;
    }

    /** An organisation's name from the register, or its tenant id when the register does not know it. */
    public String organisation(String tenant) {
        return identity.nameOf(tenant);
    }

    /** The municipalities of the register, by name in Swedish order. */
    public List<Municipality> municipalities() {
        Comparator<Municipality> byName = SwedishOrder.by(Municipality::name);
        return identity.organisations().stream()
                .filter(organisation -> organisation.municipalityCode() != null)
                .map(organisation -> new Municipality(
                        Objects.requireNonNull(organisation.municipalityCode()),
                        organisation.municipalityName() == null
                                ? organisation.name()
                                : organisation.municipalityName()))
                .distinct()
                .sorted(byName)
                .toList();
    }

    private String nameOf(String code) {
        if (code == null) {
            return "";
        }
        return municipalities().stream()
                .filter(municipality -> municipality.code().equals(code))
                .map(Municipality::name)
                .findFirst()
                .orElse(texts.message("place.municipality-code", code));
    }
}
