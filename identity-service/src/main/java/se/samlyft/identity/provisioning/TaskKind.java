package se.samlyft.identity.provisioning;

/** What a provisioning task brings into step with Keycloak. */
public enum TaskKind {
    /** An organisation's Keycloak Organization (alias = tenant id, name, attributes). */
    ORGANISATION,
    /** A person's Keycloak user: attributes, enabled while employed, Organization membership, realm roles. */
    PERSON,
    /** An erased person's Keycloak user, which is deleted. */
    ERASED_PERSON
}
