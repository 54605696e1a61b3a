package se.samlyft.identity.provisioning.keycloak;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import se.samlyft.identity.organisation.Organisation;
import se.samlyft.identity.person.Person;
import se.samlyft.identity.person.PersonProfile;
import se.samlyft.identity.person.PersonStatus;
import se.samlyft.identity.person.Role;
import se.samlyft.identity.provisioning.Directory;
import se.samlyft.identity.provisioning.PersonRefused;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm's organisations and users through Keycloak's admin API, each operation find-or-create and so safe to
 * repeat. A person's user is named by the person id (it never changes; people log in with their e-mail address) or
 * found by its {@code personId} attribute, has
 * the attribute {@code personId} that the realm maps to the {@code person_id} claim, is enabled while employed, is a
 * member of their organisation's Organization, and has exactly the realm roles identity manages that the person has.
 */
public class KeycloakDirectory implements Directory {

    static final String PERSON_ID_ATTRIBUTE = "personId";

    private static final Set<String> MANAGED_ROLES =
            java.util.Arrays.stream(Role.values()).map(Role::realmRole).collect(Collectors.toSet());

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Keycloak keycloak;
    private final String realm;

    public KeycloakDirectory(Keycloak keycloak, String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    /** Creates the organisation's Keycloak Organization, or brings its name and attributes up to date; its id. */
    @Override
    public String ensureOrganisation(Organisation organisation) {
        String alias = organisation.tenant().value();
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put("kind", List.of(organisation.kind().name().toLowerCase(java.util.Locale.ROOT)));
        if (organisation.profile().municipalityCode() != null) {
            attributes.put(
                    "municipalityCode",
                    List.of(organisation.profile().municipalityCode().value()));
        }
        Optional<OrganizationRepresentation> found = findOrganisation(alias);
        if (found.isEmpty()) {
            OrganizationRepresentation created = new OrganizationRepresentation();
            created.setAlias(alias);
            created.setName(organisation.profile().name());
            created.setEnabled(true);
            created.setAttributes(attributes);
            try (Response response = realm().organizations().create(created)) {
                requireSuccess(response, "create the organisation " + alias);
            }
            return findOrganisation(alias)
                    .orElseThrow(() -> new IllegalStateException("Keycloak created no organisation " + alias))
                    .getId();
        }
        OrganizationRepresentation current = found.get();
        if (!organisation.profile().name().equals(current.getName())
                || !attributes.equals(Objects.requireNonNullElse(current.getAttributes(), Map.of()))) {
            current.setName(organisation.profile().name());
            current.setAttributes(attributes);
            try (Response response =
                    realm().organizations().get(current.getId()).update(current)) {
                requireSuccess(response, "update the organisation " + alias);
            }
        }
        return current.getId();
    }

    /**
     * Creates or updates the person's user, their Organization membership and their realm roles.
     *
     * @throws PersonRefused if Keycloak refuses the user (400 or 409), with Keycloak's reason
     */
    @Override
    public void ensurePerson(Person person, String organisationId) {
        try {
            ensureUser(person, organisationId);
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (status == 400 || status == 409) {
                throw new PersonRefused(reasonOf(refused.getResponse()));
            }
            throw refused;
        }
    }

    private void ensureUser(Person person, String organisationId) {
        PersonProfile profile = person.profile();
        String username = person.id().toString();
        UserRepresentation user = findUser(username).orElse(null);
        if (user == null) {
            UserRepresentation created = new UserRepresentation();
            created.setUsername(username);
            describe(created, person);
            try (Response response = realm().users().create(created)) {
                requireUserAccepted(response, "create the user of person " + username);
            }
            user = findUser(username)
                    .orElseThrow(() -> new IllegalStateException("Keycloak created no user " + username));
        } else if (!sameDescription(user, person)) {
            describe(user, person);
            realm().users().get(user.getId()).update(user);
        }
        try (Response response =
                realm().organizations().get(organisationId).members().addMember(user.getId())) {
            if (response.getStatus() != 409) {
                requireUserAccepted(response, "make person " + username + " a member of " + person.organisation());
            }
        }
        syncRoles(realm().users().get(user.getId()), profile.roles());
    }

    /** Deletes the user of an erased person, if there is one. */
    @Override
    public void deletePerson(String personId) {
        Optional<UserRepresentation> user = findUser(personId);
        if (user.isPresent()) {
            try (Response response = realm().users().delete(user.get().getId())) {
                if (response.getStatus() != 404) {
                    requireSuccess(response, "delete the user of person " + personId);
                }
            }
        }
    }

    private void syncRoles(UserResource user, Set<Role> roles) {
        Set<String> wanted = roles.stream().map(Role::realmRole).collect(Collectors.toSet());
        List<RoleRepresentation> current = user.roles().realmLevel().listAll();
        Set<String> held = current.stream().map(RoleRepresentation::getName).collect(Collectors.toSet());
        List<RoleRepresentation> missing = new ArrayList<>();
        for (String role : wanted) {
            if (!held.contains(role)) {
                missing.add(realm().roles().get(role).toRepresentation());
            }
        }
        List<RoleRepresentation> extra = current.stream()
                .filter(role -> MANAGED_ROLES.contains(role.getName()) && !wanted.contains(role.getName()))
                .toList();
        if (!missing.isEmpty()) {
            user.roles().realmLevel().add(missing);
        }
        if (!extra.isEmpty()) {
            user.roles().realmLevel().remove(extra);
        }
    }

    private static void describe(UserRepresentation user, Person person) {
        PersonProfile profile = person.profile();
        user.setEmail(profile.email().value());
        user.setEmailVerified(true);
        user.setFirstName(profile.givenName());
        user.setLastName(profile.familyName());
        user.setEnabled(person.status() == PersonStatus.EMPLOYED);
        Map<String, List<String>> attributes = new HashMap<>();
        if (user.getAttributes() != null) {
            attributes.putAll(user.getAttributes());
        }
        attributes.put(PERSON_ID_ATTRIBUTE, List.of(person.id().toString()));
        user.setAttributes(attributes);
    }

    private static boolean sameDescription(UserRepresentation user, Person person) {
        PersonProfile profile = person.profile();
        List<String> personId =
                user.getAttributes() == null ? null : user.getAttributes().get(PERSON_ID_ATTRIBUTE);
        return profile.email().value().equalsIgnoreCase(String.valueOf(user.getEmail()))
                && profile.givenName().equals(user.getFirstName())
                && profile.familyName().equals(user.getLastName())
                && Boolean.valueOf(person.status() == PersonStatus.EMPLOYED).equals(user.isEnabled())
                && List.of(person.id().toString()).equals(personId);
    }

    /**
     * The user of a person: named by the person id, or (for users created before identity knew the person, such as
     * the demo realm's) carrying the person id in the attribute {@value #PERSON_ID_ATTRIBUTE}.
     */
    private Optional<UserRepresentation> findUser(String personId) {
        Optional<UserRepresentation> byName = realm().users().searchByUsername(personId, true).stream()
                .filter(user -> personId.equals(user.getUsername()))
                .findFirst();
        Optional<UserRepresentation> found = byName.isPresent()
                ? byName
                : realm().users().searchByAttributes(PERSON_ID_ATTRIBUTE + ":" + personId, true).stream()
                        .findFirst();
        return found.map(user -> realm().users().get(user.getId()).toRepresentation());
    }

    private Optional<OrganizationRepresentation> findOrganisation(String alias) {
        int page = 0;
        while (true) {
            List<OrganizationRepresentation> batch = realm().organizations().list(page * 100, 100);
            for (OrganizationRepresentation organisation : batch) {
                if (alias.equals(organisation.getAlias())) {
                    return Optional.of(organisation);
                }
            }
            if (batch.size() < 100) {
                return Optional.empty();
            }
            page++;
        }
    }

    private RealmResource realm() {
        return keycloak.realm(realm);
    }

    /** Like {@link #requireSuccess}, but a refusal of the user itself (400, 409) is the person's, for good. */
    private static void requireUserAccepted(Response response, String what) {
        if (response.getStatus() == 400 || response.getStatus() == 409) {
            throw new PersonRefused("Keycloak refused to " + what + ": " + reasonOf(response));
        }
        requireSuccess(response, what);
    }

    /**
     * Keycloak's reason for a refusal, from its error body ({@code errorMessage}, with the {@code field} it concerns),
     * or the HTTP status when the body says nothing.
     */
    static String reasonOf(Response response) {
        String body;
        try {
            response.bufferEntity();
            body = response.readEntity(String.class);
        } catch (RuntimeException unreadable) {
            body = null;
        }
        if (body != null && !body.isBlank()) {
            try {
                JsonNode error = JSON.readTree(body);
                String message = error.path("errorMessage").asString("");
                if (message.isBlank()) {
                    message = error.path("error_description")
                            .asString(error.path("error").asString(""));
                }
                String field = error.path("field").asString("");
                if (!message.isBlank()) {
                    return field.isBlank() ? message : message + " (" + field + ")";
                }
            } catch (JacksonException notJson) {
                return body.length() > 300 ? body.substring(0, 300) : body;
            }
        }
        return "HTTP " + response.getStatus();
    }

    private static void requireSuccess(Response response, String what) {
        if (response.getStatus() >= 300) {
            throw new IllegalStateException("Keycloak refused to " + what + ": HTTP " + response.getStatus());
        }
    }
}
