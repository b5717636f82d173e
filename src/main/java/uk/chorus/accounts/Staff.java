package uk.chorus.accounts;

import io.micronaut.security.authentication.Authentication;

/** The signed-in person as the staff features see them. */
public record Staff(long accountId, String email, String name, Role role, String csrfToken) {

    public static Staff of(Authentication authentication) {
        Object id = authentication.getAttributes().get(SessionAuthenticationFetcher.ACCOUNT_ID);
        String role = authentication.getRoles().iterator().next();
        return new Staff(((Number) id).longValue(), authentication.getName(),
                String.valueOf(authentication.getAttributes().get("name")), Role.fromName(role).orElseThrow(),
                String.valueOf(authentication.getAttributes().get(SessionAuthenticationFetcher.CSRF)));
    }

    public boolean is(Role wanted) {
        return role == wanted;
    }

    public boolean isAnyOf(Role... wanted) {
        for (Role r : wanted) {
            if (role == r) {
                return true;
            }
        }
        return false;
    }

    public boolean isForumMember() {
        return isAnyOf(Role.PARENT_FORUM, Role.YOUTH_FORUM);
    }

    /** The staff pages this person's menu links to. Each page still checks the role itself. */
    public Menu menu() {
        boolean lead = is(Role.LEAD);
        return new Menu(lead, lead, true, lead || isForumMember(), lead || is(Role.SERVICE_CONTACT),
                lead || is(Role.ADMIN), is(Role.ADMIN), lead || isForumMember() || is(Role.SERVICE_CONTACT),
                lead ? "/staff/reports" : "/reports", lead);
    }

    /**
     * {@code inspections}: Young Inspectors' visits, which forums and services see without the rest of feedback;
     * {@code reportsHref}: leads build reports, every other role reads the published ones;
     * {@code languages}: survey translations and the questions respondents did not understand.
     */
    public record Menu(boolean themes, boolean feedback, boolean reports, boolean codesign, boolean pledges,
                       boolean requests, boolean accounts, boolean inspections, String reportsHref, boolean languages) {
    }
}
