package uk.chorus.accounts;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import uk.chorus.web.FormErrors;
import uk.chorus.web.FormFailure;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Administrators: one person's role and whether their account is active. A change that takes
 * access away is confirmed on its own page first, naming what will change; the last active
 * administrator can be neither demoted nor deactivated.
 */
@Secured(Role.ADMIN_NAME)
@Controller(value = "/staff/accounts/{id}", produces = MediaType.TEXT_HTML)
class AccountController {
    private final Accounts accounts;
    private final AccountAdministration administration;
    private final PasswordResets resets;
    private final Messages messages;

    AccountController(Accounts accounts, AccountAdministration administration, PasswordResets resets,
                      Messages messages) {
        this.accounts = accounts;
        this.administration = administration;
        this.resets = resets;
        this.messages = messages;
    }

    public record Choice(String value, String label, boolean checked, String id) {
    }

    @Get
    MutableHttpResponse<?> show(Authentication authentication, long id) {
        return accounts.byId(id).<MutableHttpResponse<?>>map(account -> render(authentication, HttpStatus.OK, account,
                account.role(), FormErrors.none())).orElseGet(Pages::notFound);
    }

    /** A new role for the person, confirmed on its own page when it takes access away. */
    @Introspected
    record RoleChange(@Pattern(regexp = Role.ANY_NAME, message = "{accounts.role.missing}") String role, String confirm) {
        boolean confirmed() {
            return "yes".equals(confirm);
        }
    }

    @Post(uri = "/role", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> changeRole(@Valid @StaffForm RoleChange form, Authentication authentication, long id) {
        Optional<Account> account = accounts.byId(id);
        if (account.isEmpty()) {
            return Pages.notFound();
        }
        Role role = Role.fromName(form.role()).orElseThrow();
        if (role != account.get().role() && account.get().role().changingRemovesAccess() && !form.confirmed()) {
            return Pages.render("accounts/account-confirm", Pages.model("titleKey", "accounts.confirm.role.title",
                    "staff", Staff.of(authentication), "account", account.get(), "action", "/staff/accounts/" + id + "/role",
                    "role", role.roleName(), "fromKey", account.get().role().labelKey(),
                    "toKey", role.labelKey(), "lossKey", "accounts.confirm.loss." + account.get().role().roleName()));
        }
        return administration.changeRole(Staff.of(authentication), id, role)
                .<MutableHttpResponse<?>>map(refusal -> refused(authentication, account.get(), refusal))
                .orElseGet(() -> Pages.seeOther("/staff/accounts"));
    }

    /** No role chosen: the person's page again, with the error. */
    @Error(exception = ConstraintViolationException.class)
    MutableHttpResponse<?> invalid(HttpRequest<?> request, Authentication authentication, ConstraintViolationException e) {
        FormFailure failure = FormFailure.of(request, e, messages);
        return accounts.byId(failure.id("id")).<MutableHttpResponse<?>>map(account -> render(authentication,
                HttpStatus.UNPROCESSABLE_ENTITY, account, account.role(), failure.errors())).orElseGet(Pages::notFound);
    }

    @Post(uri = "/deactivate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> deactivate(@StaffForm Confirmation form, Authentication authentication, long id) {
        Optional<Account> account = accounts.byId(id);
        if (account.isEmpty()) {
            return Pages.notFound();
        }
        if (!form.confirmed()) {
            return Pages.render("accounts/account-confirm", Pages.model("titleKey", "accounts.confirm.deactivate.title",
                    "staff", Staff.of(authentication), "account", account.get(), "deactivating", true,
                    "action", "/staff/accounts/" + id + "/deactivate"));
        }
        return administration.setDeactivated(Staff.of(authentication), id, true)
                .<MutableHttpResponse<?>>map(refusal -> refused(authentication, account.get(), refusal))
                .orElseGet(() -> Pages.seeOther("/staff/accounts"));
    }

    /** A link to choose a new password, for the administrator to pass on to someone whose email is not reaching them. */
    @Post(uri = "/reset-link", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> resetLink(@StaffForm CsrfOnly form, Authentication authentication, long id) {
        Optional<Account> account = accounts.byId(id).filter(a -> !a.deactivated());
        if (account.isEmpty()) {
            return Pages.notFound();
        }
        String link = resets.linkFor(Staff.of(authentication), account.get());
        return render(authentication, HttpStatus.OK, account.get(), account.get().role(), FormErrors.none(),
                Map.of("resetLink", link, "resetHours", PasswordResets.ADMIN_LIFETIME.toHours()));
    }

    @Post(uri = "/reactivate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> reactivate(@StaffForm CsrfOnly form, Authentication authentication, long id) {
        return administration.setDeactivated(Staff.of(authentication), id, false)
                .<MutableHttpResponse<?>>map(refusal -> Pages.notFound())
                .orElseGet(() -> Pages.seeOther("/staff/accounts"));
    }

    private MutableHttpResponse<?> refused(Authentication authentication, Account account,
                                           AccountAdministration.Refusal refusal) {
        if (refusal == AccountAdministration.Refusal.NO_SUCH_ACCOUNT) {
            return Pages.notFound();
        }
        return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY, account, account.role(),
                FormErrors.of("role", messages.get("accounts.last.admin")));
    }

    private MutableHttpResponse<?> render(Authentication authentication, HttpStatus status, Account account,
                                          Role selected, FormErrors errors) {
        return render(authentication, status, account, selected, errors, Map.of());
    }

    private MutableHttpResponse<?> render(Authentication authentication, HttpStatus status, Account account,
                                          Role selected, FormErrors errors, Map<String, Object> extra) {
        List<Choice> roles = Arrays.stream(Role.values())
                .map(r -> new Choice(r.roleName(), messages.get(r.labelKey()), r == selected,
                        r.ordinal() == 0 ? "role" : "role-" + r.roleName()))
                .toList();
        Map<String, Object> model = errors.addTo(Pages.model("titleKey", "accounts.person.title",
                "staff", Staff.of(authentication), "account", account, "roles", roles, "backUrl", "/staff/accounts"));
        model.putAll(extra);
        return Pages.render(status, "accounts/account", model);
    }
}
