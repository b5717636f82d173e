package uk.chorus.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.Paging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The Accounts page: everyone (50 a page, narrowed by role or typed text), invitations, lead assignments and the forms for them. */
@Singleton
class AccountsPage {
    static final int PAGE_SIZE = 50;
    private final Accounts accounts;
    private final Invitations invitations;
    private final SurveyLeads leads;
    private final SurveyCatalogue catalogue;
    private final Messages messages;

    AccountsPage(Accounts accounts, Invitations invitations, SurveyLeads leads, SurveyCatalogue catalogue,
                 Messages messages) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.leads = leads;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    public record Choice(String value, String label, boolean selected) {
    }

    /** An invitation in the list: its status as a tag, and when it was made or runs out. */
    public record ShownInvitation(long id, String email, String roleKey, String statusKey, String tagColour,
                                  String sent, String until, boolean waiting) {
    }

    /** Which accounts the list shows: a role's name or "deactivated" (or everyone), and typed text. */
    record Listing(@Nullable String show, @Nullable String who, @Nullable Integer page) {
        static final Listing FIRST = new Listing(null, null, null);

        boolean includes(Account account) {
            String typed = who == null ? "" : who.strip().toLowerCase(Locale.ROOT);
            boolean shown = show == null || show.isEmpty() ? true
                    : "deactivated".equals(show) ? account.deactivated()
                    : !account.deactivated() && account.role().roleName().equals(show);
            return shown && (typed.isEmpty() || account.email().contains(typed)
                    || account.displayName().toLowerCase(Locale.ROOT).contains(typed));
        }

        String href(int page) {
            return UriBuilder.of("/staff/accounts").queryParam("show", show == null ? "" : show)
                    .queryParam("who", who == null ? "" : who.strip()).queryParam("page", page).toString() + "#everyone";
        }
    }

    private static ShownInvitation shown(Invitations.Listed invitation) {
        return new ShownInvitation(invitation.id(), invitation.email(), invitation.role().labelKey(),
                "accounts.invitation.status." + invitation.status().name().toLowerCase(Locale.ROOT),
                switch (invitation.status()) {
                    case WAITING -> "blue";
                    case ACCEPTED -> "green";
                    case EXPIRED -> "grey";
                    case WITHDRAWN -> "red";
                }, uk.chorus.web.Dates.dateTime(invitation.createdAt()), uk.chorus.web.Dates.dateTime(invitation.expiresAt()),
                invitation.waiting());
    }

    /** The page, with what was typed into the invitation form (email, role) kept when it has errors. */
    MutableHttpResponse<?> render(Authentication authentication, HttpStatus status, FormErrors errors,
                                  String email, String roleName, Listing listing) {
        // Administrator last, so the role a slip of the hand picks is never the most powerful one.
        List<Choice> roles = Arrays.stream(Role.values())
                .sorted(Comparator.comparing((Role r) -> r == Role.ADMIN).thenComparing(Role::ordinal))
                .map(r -> new Choice(r.roleName(), messages.get(r.labelKey()), r.roleName().equals(roleName)))
                .toList();
        List<Choice> surveys = catalogue.all().stream()
                .map(s -> new Choice(s.id(), s.definition().title(), false)).toList();
        List<Account> everyone = accounts.all();
        List<Account> shown = everyone.stream().filter(listing::includes).toList();
        Paging paging = Paging.of(listing.page(), shown.size(), PAGE_SIZE);
        List<Choice> shows = new ArrayList<>(List.of(new Choice("",
                messages.get("accounts.show.everyone", everyone.size()), listing.show() == null || listing.show().isEmpty())));
        Arrays.stream(Role.values()).forEach(r -> shows.add(new Choice(r.roleName(), messages.get("accounts.show.count",
                messages.get(r.labelKey()), everyone.stream().filter(a -> !a.deactivated() && a.role() == r).count()),
                r.roleName().equals(listing.show()))));
        shows.add(new Choice("deactivated", messages.get("accounts.show.count", messages.get("accounts.status.deactivated"),
                everyone.stream().filter(Account::deactivated).count()), "deactivated".equals(listing.show())));
        var model = errors.addTo(Pages.model("titleKey", "accounts.title", "staff", Staff.of(authentication),
                "accounts", shown.subList(paging.offset(), (int) paging.to()), "shows", shows,
                "who", listing.who() == null ? "" : listing.who().strip(),
                "showing", shown.isEmpty() ? null : messages.get("paging.showing", paging.from(), paging.to(), paging.total()),
                "paging", paging.links(listing::href, messages.get("accounts.pages")), "roles", roles, "surveys", surveys, "assignments", leads.all(),
                "invitations", invitations.recent().stream().map(AccountsPage::shown).toList(), "email", email));
        return Pages.render(status, "accounts/accounts", model);
    }
}
