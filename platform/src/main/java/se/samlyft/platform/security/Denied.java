package se.samlyft.platform.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * A refusal by a service's permission policy that names the rule it applied, for example "Only the person's manager
 * or a coordinator of the organisation may decide an approval." The 403 problem's detail is the rule.
 */
public final class Denied extends AccessDeniedException {

    public Denied(String rule) {
        super(rule);
    }

    /** The rule, as the problem's detail says it. */
    public String rule() {
        return getMessage();
    }
}
