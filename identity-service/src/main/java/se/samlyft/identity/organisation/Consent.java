package se.samlyft.identity.organisation;

/**
 * Who agreed to a membership on the member's behalf: the member's own coordinator accepting an invitation, or a
 * platform administrator recording a decision the member made outside the platform. {@code UNRECORDED} marks the
 * periods entered before memberships needed consent.
 */
public enum Consent {
    MEMBER,
    PLATFORM_ADMINISTRATOR,
    UNRECORDED
}
