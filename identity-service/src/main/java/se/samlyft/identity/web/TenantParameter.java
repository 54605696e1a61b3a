package se.samlyft.identity.web;

import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

/** A tenant id as a client writes it in a path or a body: a 400 naming the field {@code tenant} when it is no slug. */
public final class TenantParameter {

    private TenantParameter() {}

    public static TenantId of(String value) {
        try {
            return TenantId.of(value);
        } catch (IllegalArgumentException notASlug) {
            throw new InvalidInput(
                    "tenant", "must be a lower-case slug of letters a-z, digits and single dashes, e.g. akademi-norr");
        }
    }
}
