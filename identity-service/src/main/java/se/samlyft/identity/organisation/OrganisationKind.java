package se.samlyft.identity.organisation;

/** What an organisation is; a municipality alone has a municipality code, a federation alone has members. */
public enum OrganisationKind {
    MUNICIPALITY(Employer.MUNICIPAL),
    COUNTY_COUNCIL(Employer.REGIONAL),
    PRIVATE_PROVIDER(Employer.PRIVATE),
    FEDERATION(Employer.NONE);

    private final Employer employer;

    OrganisationKind(Employer employer) {
        this.employer = employer;
    }

    /** The employer category of the organisation's staff. */
    public Employer employer() {
        return employer;
    }
}
