package uk.chorus.database;

import org.junit.jupiter.api.Test;
import uk.chorus.support.TestDatabase;

import java.sql.Connection;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** First start on a fresh machine: the database is created; a missing server is one clear sentence. */
class DatabaseBootstrapTest {

    @Test
    void createsTheDatabaseWhenItIsMissing() throws Exception {
        String name = "chorus_first_start_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        TestDatabase.forget(name);
        String url = TestDatabase.urlOf(name);
        DatabaseBootstrap.ensureDatabase(url, TestDatabase.USER, TestDatabase.PASSWORD);
        try (Connection connection = TestDatabase.connect(url)) {
            assertThat(connection.getCatalog()).isEqualTo(name);
        }
        // A second start finds it and does nothing.
        DatabaseBootstrap.ensureDatabase(url, TestDatabase.USER, TestDatabase.PASSWORD);
    }

    @Test
    void anUnreachableServerIsOneSentenceSayingWhatToDo() {
        assertThatThrownBy(() -> DatabaseBootstrap.ensureDatabase("jdbc:postgresql://127.0.0.1:1/chorus?connectTimeout=2",
                TestDatabase.USER, TestDatabase.PASSWORD))
                .isInstanceOf(DatabaseBootstrap.Unreachable.class)
                .hasMessage("Chorus cannot reach PostgreSQL at 127.0.0.1:1. Start one with `docker compose up -d db`, "
                        + "or set DATABASE_URL to a database that is running.");
    }

    @Test
    void aUrlThatIsNotPostgresIsNamed() {
        assertThatThrownBy(() -> DatabaseBootstrap.ensureDatabase("jdbc:mysql://localhost/chorus", "u", "p"))
                .hasMessageStartingWith("DATABASE_URL is not a PostgreSQL JDBC URL");
    }
}
