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
}
