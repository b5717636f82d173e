package uk.chorus.accounts;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;

/**
 * Accounts made by the service itself rather than by an invitation: the demo's one account per
 * role. Each is audited like any other account being created.
 */
@Singleton
public class AccountSetup {
    private final Accounts accounts;
    private final Passwords passwords;
    private final SurveyLeads leads;
    private final AuditLog audit;

    AccountSetup(Accounts accounts, Passwords passwords, SurveyLeads leads, AuditLog audit) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.leads = leads;
        this.audit = audit;
    }

    /** Makes the account unless one with that email exists; returns its id either way. */
    @Transactional
    public long ensure(String email, String name, Role role, String password) {
        return accounts.byEmail(email).map(Account::id).orElseGet(() -> {
            long id = accounts.create(email, name, role, passwords.hash(password)).orElseThrow();
            audit.record("system", "account created", Accounts.normalise(email), role.roleName() + " (demo)");
            return id;
        });
    }

    @Transactional
    public void assignLead(String surveyId, long accountId) {
        leads.assign(surveyId, accountId);
    }
}
