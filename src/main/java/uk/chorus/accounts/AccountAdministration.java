package uk.chorus.accounts;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;

import java.util.Optional;

/**
 * What an administrator may change about other people, and the rule that keeps the area in its
 * own service: there is always at least one active administrator. Every change is audited in the
 * same transaction, and ends the person's sessions so it takes effect at once.
 */
@Singleton
class AccountAdministration {
    private final Accounts accounts;
    private final StaffSessions sessions;
    private final SurveyLeads leads;
    private final AuditLog audit;

    AccountAdministration(Accounts accounts, StaffSessions sessions, SurveyLeads leads, AuditLog audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.leads = leads;
        this.audit = audit;
    }

    enum Refusal {
        NO_SUCH_ACCOUNT, LAST_ADMINISTRATOR
    }

    /** Changes a role; refused when it would leave no active administrator. */
    @Transactional
    Optional<Refusal> changeRole(Staff admin, long id, Role role) {
        Optional<Account> account = accounts.byId(id);
        if (account.isEmpty()) {
            return Optional.of(Refusal.NO_SUCH_ACCOUNT);
        }
        Account person = account.get();
        if (person.role() == role) {
            return Optional.empty();
        }
        if (removesLastAdministrator(person)) {
            return Optional.of(Refusal.LAST_ADMINISTRATOR);
        }
        accounts.changeRole(id, role);
        sessions.endAllFor(id);
        if (person.role() == Role.LEAD) {
            leads.removeAllFor(id);
        }
        audit.record(admin.email(), "role changed", person.email(), person.role().roleName() + " to " + role.roleName());
        return Optional.empty();
    }

    @Transactional
    Optional<Refusal> setDeactivated(Staff admin, long id, boolean deactivated) {
        Optional<Account> account = accounts.byId(id);
        if (account.isEmpty()) {
            return Optional.of(Refusal.NO_SUCH_ACCOUNT);
        }
        if (deactivated && removesLastAdministrator(account.get())) {
            return Optional.of(Refusal.LAST_ADMINISTRATOR);
        }
        accounts.setDeactivated(id, deactivated);
        sessions.endAllFor(id);
        audit.record(admin.email(), deactivated ? "account deactivated" : "account reactivated",
                account.get().email(), "");
        return Optional.empty();
    }

    private boolean removesLastAdministrator(Account person) {
        return person.role() == Role.ADMIN && !person.deactivated() && accounts.activeAdmins() <= 1;
    }

    @Transactional
    void assignLead(Staff admin, String surveyId, Account lead) {
        leads.assign(surveyId, lead.id());
        audit.record(admin.email(), "lead assigned", surveyId, lead.email());
    }

    @Transactional
    boolean removeLead(Staff admin, String surveyId, long accountId) {
        Optional<Account> lead = accounts.byId(accountId);
        if (lead.isEmpty() || !leads.remove(surveyId, accountId)) {
            return false;
        }
        audit.record(admin.email(), "lead unassigned", surveyId, lead.get().email());
        return true;
    }
}
