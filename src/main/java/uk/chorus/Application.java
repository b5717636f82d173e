package uk.chorus;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import uk.chorus.database.DatabaseBootstrap;

public class Application {

    public static void main(String[] args) {
        try {
            ensureDatabase(args);
        } catch (DatabaseBootstrap.Unreachable e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        Micronaut.run(Application.class, args);
    }

    /** Reads the data source settings the service will use (application.yml and env) before it starts. */
    private static void ensureDatabase(String[] args) throws DatabaseBootstrap.Unreachable {
        try (ApplicationContext settings = ApplicationContext.builder(Application.class).args(args).build()) {
            var env = settings.getEnvironment().start();
            DatabaseBootstrap.ensureDatabase(
                    env.getRequiredProperty("datasources.default.url", String.class),
                    env.getRequiredProperty("datasources.default.username", String.class),
                    env.getProperty("datasources.default.password", String.class).orElse(""));
        }
    }
}
