package uk.chorus.accounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.web.FormErrors;
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

    @Post(uri = "/role", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> changeRole(HttpRequest<byte[]> request, Authentication authentication, long id) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Optional<Account> account = accounts.byId(id);
        if (account.isEmpty()) {
            return Pages.notFound();
        }
        Optional<Role> role = Role.fromName(StaffForms.first(form.get(), "role"));
        if (role.isEmpty()) {
            return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY, account.get(), account.get().role(),
                    FormErrors.of("role", messages.get("accounts.role.missing")));
        }
        boolean confirmed = "yes".equals(StaffForms.first(form.get(), "confirm"));
        if (role.get() != account.get().role() && account.get().role().changingRemovesAccess() && !confirmed) {
            return Pages.render("accounts/account-confirm", Pages.model("titleKey", "accounts.confirm.role.title",
                    "staff", Staff.of(authentication), "account", account.get(), "action", "/staff/accounts/" + id + "/role",
                    "role", role.get().roleName(), "fromKey", account.get().role().labelKey(),
                    "toKey", role.get().labelKey(), "lossKey", "accounts.confirm.loss." + account.get().role().roleName()));
        }
        return administration.changeRole(Staff.of(authentication), id, role.get())
                .<MutableHttpResponse<?>>map(refusal -> refused(authentication, account.get(), refusal))
                .orElseGet(() -> Pages.seeOther("/staff/accounts"));
    }

    @Post(uri = "/deactivate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> deactivate(HttpRequest<byte[]> request, Authentication authentication, long id) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Optional<Account> account = accounts.byId(id);
        if (account.isEmpty()) {
            return Pages.notFound();
        }
        if (!"yes".equals(StaffForms.first(form.get(), "confirm"))) {
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
    MutableHttpResponse<?> resetLink(HttpRequest<byte[]> request, Authentication authentication, long id) {
        if (StaffForms.read(authentication, request).isEmpty()) {
            return Pages.expiredForm();
        }
        Optional<Account> account = accounts.byId(id).filter(a -> !a.deactivated());
        if (account.isEmpty()) {
            return Pages.notFound();
        }
        String link = resets.linkFor(Staff.of(authentication), account.get());
        return render(authentication, HttpStatus.OK, account.get(), account.get().role(), FormErrors.none(),
                Map.of("resetLink", link, "resetHours", PasswordResets.ADMIN_LIFETIME.toHours()));
    }

    @Post(uri = "/reactivate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> reactivate(HttpRequest<byte[]> request, Authentication authentication, long id) {
        if (StaffForms.read(authentication, request).isEmpty()) {
            return Pages.expiredForm();
        }
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
