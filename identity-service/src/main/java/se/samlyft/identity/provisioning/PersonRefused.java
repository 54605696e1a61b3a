package se.samlyft.identity.provisioning;

/**
 * Keycloak refused a person's user (HTTP 400 or 409): a name it does not accept, an e-mail address another user has.
 * Trying again cannot help until the person changes, so the person's login is shown as failed with Keycloak's reason.
 */
public class PersonRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PersonRefused(String reason) {
        super(reason);
    }
}
