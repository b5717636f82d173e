package uk.chorus.accounts;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first administrator, from CHORUS_ADMIN_EMAIL and CHORUS_ADMIN_PASSWORD, made at start-up
 * only while no administrator exists. Later changes to the variables change nothing.
 */
@Singleton
class FirstAdmin implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);
    private final Accounts accounts;
    private final Passwords passwords;
    private final AuditLog audit;
    private final String email;
    private final String password;

    FirstAdmin(Accounts accounts, Passwords passwords, AuditLog audit,
               @Value("${chorus.admin.email:}") String email, @Value("${chorus.admin.password:}") String password) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.email = email;
        this.password = password;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (accounts.anyAdmin()) {
            return;
        }
        if (email.isBlank() || password.isBlank()) {
            LOG.warn("No administrator yet: set CHORUS_ADMIN_EMAIL and CHORUS_ADMIN_PASSWORD and restart to create one.");
            return;
        }
        String problem = Passwords.problemWith(password);
        if (problem != null) {
            LOG.error("CHORUS_ADMIN_PASSWORD is not usable ({}); no administrator was created.", problem);
            return;
        }
        accounts.create(email, "Administrator", Role.ADMIN, passwords.hash(password)).ifPresent(id -> {
            audit.record("system", "account created", Accounts.normalise(email), "first administrator");
            LOG.info("Created the first administrator, {}. Sign in at /sign-in.", Accounts.normalise(email));
        });
    }
}
