package uk.chorus.accounts;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.chorus.audit.AuditLog;

import java.util.Optional;

/**
 * The first administrator, from CHORUS_ADMIN_EMAIL and CHORUS_ADMIN_PASSWORD, at start-up while
 * there is no active administrator: a new account is made, or an existing account with that
 * email is made administrator again (and reactivated), so an area that locked itself out gets
 * back in by restarting with the variables set. It always says what it did, or why not.
 */
@Singleton
class FirstAdmin implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);
    private final Accounts accounts;
    private final Passwords passwords;
    private final AuditLog audit;
    private final String email;
    private final String password;
    private final boolean demo;

    FirstAdmin(Accounts accounts, Passwords passwords, AuditLog audit,
               @Value("${chorus.admin.email:}") String email, @Value("${chorus.admin.password:}") String password,
               @Value("${chorus.demo:false}") boolean demo) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.email = email;
        this.password = password;
        this.demo = demo;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        ensure();
    }

    @Transactional
    void ensure() {
        if (accounts.activeAdmins() > 0) {
            if (!email.isBlank()) {
                LOG.info("CHORUS_ADMIN_EMAIL is set, but an administrator already exists: nothing was changed.");
            }
            return;
        }
        if (email.isBlank()) {
            if (demo) {
                return; // the demo makes its own administrator
            }
            LOG.warn("No administrator yet: set CHORUS_ADMIN_EMAIL and CHORUS_ADMIN_PASSWORD and restart to create one.");
            return;
        }
        String normalised = Accounts.normalise(email);
        Optional<Account> existing = accounts.byEmail(normalised);
        if (existing.isPresent()) {
            Account person = existing.get();
            accounts.changeRole(person.id(), Role.ADMIN);
            accounts.setDeactivated(person.id(), false);
            audit.record("system", "role changed", normalised, person.role().roleName()
                    + " to admin (CHORUS_ADMIN_EMAIL at start-up, no active administrator)");
            LOG.warn("There was no active administrator: {} (was {}) is an administrator again. Their password is "
                    + "unchanged.", normalised, person.role().roleName());
            return;
        }
        String problem = Passwords.problemWith(password);
        if (problem != null) {
            LOG.error("CHORUS_ADMIN_PASSWORD must be {} to 200 characters long; no administrator was created.",
                    Passwords.MINIMUM_LENGTH);
            return;
        }
        accounts.create(normalised, "Administrator", Role.ADMIN, passwords.hash(password)).ifPresent(id -> {
            audit.record("system", "account created", normalised, "first administrator");
            LOG.info("Created the first administrator, {}. Sign in at /sign-in.", normalised);
        });
    }
}
