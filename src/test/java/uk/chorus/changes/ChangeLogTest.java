package uk.chorus.changes;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.chorus.responses.ResponseSubmitted;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffFixture;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Changes are written to the log in the transaction that made them and heard by listeners once,
 * only after that transaction commits, never when it rolls back; writers do not wait for each
 * other, and a follower reads only below a horizon no open writer's ids can fall under, so it
 * never passes a change that commits later.
 */
@MicronautTest(transactional = false)
class ChangeLogTest extends ChorusTest {
    @Inject
    ChangeLog changes;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    Heard heard;

    record Probe(String surveyId, Long subjectId) implements Change {
        @Override
        public String kind() {
            return "probe";
        }
    }

    @Singleton
    static class Heard {
        final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ResponseSubmitted event) {
            events.add(event);
        }

        @EventListener
        void on(Probe event) {
            events.add(event);
        }
    }

    @BeforeEach
    void forget() {
        heard.events.clear();
    }

    @Test
    void aSubmittedResponseIsLoggedAndHeardOnce() {
        String reference = StaffFixture.respond(server.getURI(), "family-voice-2026", StaffFixture.FAMILY_VOICE_ANSWERS);
        long id = count("SELECT id FROM responses WHERE reference = '" + reference + "'");
        assertThat(count("SELECT count(*) FROM change_log WHERE kind = 'response-submitted' AND subject_id = " + id))
                .isEqualTo(1);
        assertThat(heard.events).containsExactly(new ResponseSubmitted(id, "family-voice-2026"));
    }

    @Test
    void aChangeThatBelongsToNoSurveyKeepsItsSubject() {
        transactions.executeWrite(status -> {
            changes.record(new Probe(null, 5L));
            changes.record(new Probe("s", null));
            return null;
        });
        List<ChangeLog.Entry> read = changes.after(0, 10_000).stream().filter(e -> e.kind().equals("probe")).toList();
        assertThat(read.get(read.size() - 2).subjectId()).isEqualTo(5L);
        assertThat(read.get(read.size() - 2).surveyId()).isNull();
        assertThat(read.get(read.size() - 1).subjectId()).isNull();
        assertThat(read.get(read.size() - 1).surveyId()).isEqualTo("s");
    }

    @Test
    void listenersHearOnlyAfterCommit() {
        Probe probe = new Probe("s", 1L);
        transactions.executeWrite(status -> {
            changes.record(probe);
            assertThat(heard.events).as("heard before the transaction committed").isEmpty();
            return null;
        });
        assertThat(heard.events).containsExactly(probe);
    }

    @Test
    void aRolledBackChangeIsNeitherLoggedNorHeard() {
        long logged = count("SELECT count(*) FROM change_log");
        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            changes.record(new Probe("s", 2L));
            throw new IllegalStateException("the write failed");
        })).hasMessageContaining("the write failed");
        assertThat(count("SELECT count(*) FROM change_log")).isEqualTo(logged);
        assertThat(heard.events).isEmpty();
    }

    @Test
    void aChangeMustBeRecordedInsideItsTransaction() {
        assertThatThrownBy(() -> changes.record(new Probe("s", 3L)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void writersDoNotWaitForEachOtherAndAFollowerNeverPassesAChangeStillBeingWritten() throws Exception {
        CountDownLatch firstRecorded = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            Future<?> first = pool.submit(() -> transactions.executeWrite(status -> {
                changes.record(new Probe("first", 10L));
                firstRecorded.countDown();
                await(releaseFirst);
                return null;
            }));
            assertThat(firstRecorded.await(10, TimeUnit.SECONDS)).isTrue();
            // The second takes a larger id and commits while the first is still open: no waiting.
            pool.submit(() -> transactions.executeWrite(status -> {
                changes.record(new Probe("second", 11L));
                return null;
            })).get(10, TimeUnit.SECONDS);
            assertThat(count("SELECT count(*) FROM change_log WHERE kind = 'probe' AND survey_id = 'second'"))
                    .as("committed").isEqualTo(1);
            // A follower reading now stops below the first's id, so it cannot pass it and miss it.
            assertThat(probesFrom(10)).isEmpty();
            assertThat(changes.latest()).isLessThan(firstProbeIdOnceCommitted(first, releaseFirst));
            assertThat(probesFrom(10)).extracting(ChangeLog.Entry::surveyId).containsExactly("first", "second");
            assertThat(changes.latest()).isEqualTo(changes.newest());
        }
    }

    @Test
    void aRolledBackWriterHoldsNothingBack() {
        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            changes.record(new Probe("s", 20L));
            throw new IllegalStateException("the write failed");
        })).hasMessageContaining("the write failed");
        transactions.executeWrite(status -> {
            changes.record(new Probe("after-rollback", 21L));
            return null;
        });
        assertThat(changes.after(0, 10_000)).extracting(ChangeLog.Entry::surveyId).contains("after-rollback");
        assertThat(changes.latest()).isEqualTo(changes.newest());
    }

    private List<ChangeLog.Entry> probesFrom(long subjectAtLeast) {
        return changes.after(0, 10_000).stream().filter(e -> e.kind().equals("probe") && e.subjectId() != null
                && e.subjectId() >= subjectAtLeast && e.subjectId() < 20).toList();
    }

    /** Lets the first transaction commit and answers the id it wrote. */
    private long firstProbeIdOnceCommitted(Future<?> first, CountDownLatch releaseFirst) throws Exception {
        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        return count("SELECT id FROM change_log WHERE kind = 'probe' AND survey_id = 'first'");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
