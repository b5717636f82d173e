package uk.chorus.responses;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import uk.chorus.changes.ChangeLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for API submissions. Requests arriving together are written in one transaction
 * with one statement, and each request is answered only after that transaction has committed:
 * nothing is acknowledged that is not durable, and the database does one commit for many
 * responses instead of one each. The queue is bounded; when it is full the caller is told to
 * come back later rather than the service running out of memory. Made at start-up, not at the
 * first submission, so its meters (queue, batch sizes) are there to scrape from the start.
 */
@Singleton
@io.micronaut.context.annotation.Context
class ResponseBatchWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseBatchWriter.class);
    private static final int REFERENCE_ATTEMPTS = 3;
    private static final String INSERT = "INSERT INTO responses (reference, survey_id, survey_version_id, channel, "
            + "submission_id, answers, codes, numbers, language) SELECT r, s, v, 'api', u, CAST(a AS jsonb), "
            + "string_to_array(c, ',')::integer[], string_to_array(n, ',')::integer[], l "
            + "FROM unnest(?::text[], ?::text[], ?::bigint[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) "
            + "AS t(r, s, v, u, a, c, n, l) "
            + "ON CONFLICT (submission_id) DO NOTHING RETURNING id, reference";
    private static final String EARLIER = "SELECT submission_id, reference, survey_id FROM responses "
            + "WHERE submission_id = ANY(?::uuid[])";

    private final TransactionOperations<Connection> transactions;
    private final ChangeLog changes;
    private final BlockingQueue<Pending> queue;
    private final int batchSize;
    private final List<Thread> writers = new ArrayList<>();
    private final DistributionSummary batchSizes;
    private final Timer commits;
    private final Counter failures;
    private final Counter refused;
    private volatile boolean running = true;

    ResponseBatchWriter(TransactionOperations<Connection> transactions, ChangeLog changes,
                        ResponsesConfiguration configuration, MeterRegistry meters) {
        this.transactions = transactions;
        this.changes = changes;
        this.queue = new ArrayBlockingQueue<>(configuration.getWriteQueue());
        this.batchSize = configuration.getWriteBatch();
        this.batchSizes = DistributionSummary.builder("chorus.responses.write.batch.size")
                .description("API submissions committed together in one transaction (group commit)")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.commits = Timer.builder("chorus.responses.write.commit")
                .description("Time to write and commit one group of API submissions").register(meters);
        this.failures = Counter.builder("chorus.responses.write.failures")
                .description("Groups of API submissions whose transaction failed (each request got an error)")
                .register(meters);
        this.refused = Counter.builder("chorus.responses.write.refused")
                .description("API submissions refused with 503 because the write queue was full").register(meters);
        Gauge.builder("chorus.responses.write.queue", queue, BlockingQueue::size)
                .description("API submissions waiting for the group-commit writer").register(meters);
        Gauge.builder("chorus.responses.write.queue.capacity", queue, q -> q.size() + q.remainingCapacity())
                .description("Most API submissions that may wait").register(meters);
        for (int i = 0; i < configuration.getWriters(); i++) {
            writers.add(Thread.ofPlatform().name("response-writer-" + i).daemon().start(this::writeLoop));
        }
    }

    /** One submission to store; the outcome says whether it was new or seen before. */
    record Pending(UUID submissionId, String surveyId, long versionId, String answersJson, AnswerCoding.Coded coded,
                   String language, CompletableFuture<Written> result) {
    }

    sealed interface Written {
        record Created(String reference, String surveyId) implements Written {
        }

        record Earlier(String reference, String surveyId) implements Written {
        }
    }

    /** Thrown when the queue is full: the service is at capacity and says so with a 503. */
    static final class Overloaded extends RuntimeException {
        Overloaded() {
            super("The response queue is full", null, false, false);
        }
    }

    CompletableFuture<Written> submit(UUID submissionId, String surveyId, long versionId, String answersJson,
                                      AnswerCoding.Coded coded, String language) {
        CompletableFuture<Written> result = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(submissionId, surveyId, versionId, answersJson, coded, language, result))) {
            refused.increment();
            throw new Overloaded();
        }
        return result;
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                long started = System.nanoTime();
                Map<UUID, Written> outcomes = transactions.executeWrite(status -> insert(status.getConnection(), batch));
                commits.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                batchSizes.record(batch.size());
                complete(batch, outcomes);
                return;
            } catch (RuntimeException e) {
                // A clash of random references rolls the whole batch back; new references fix it.
                if (attempt < REFERENCE_ATTEMPTS && Drafts.isUniqueViolation(e)) {
                    continue;
                }
                LOG.warn("Writing {} responses failed: {}", batch.size(), e.getMessage());
                failures.increment();
                batch.forEach(p -> p.result().completeExceptionally(e));
                return;
            }
        }
    }

    /** Answers each request; the same submission id twice in one batch is created once, repeated once. */
    private static void complete(List<Pending> batch, Map<UUID, Written> outcomes) {
        Set<UUID> created = new HashSet<>();
        for (Pending p : batch) {
            Written written = outcomes.get(p.submissionId());
            if (written instanceof Written.Created c && !created.add(p.submissionId())) {
                written = new Written.Earlier(c.reference(), c.surveyId());
            }
            if (written == null) {
                p.result().completeExceptionally(new IllegalStateException("No outcome for " + p.submissionId()));
            } else {
                p.result().complete(written);
            }
        }
    }

    private static String surveyOf(List<Pending> batch, UUID id) {
        return batch.stream().filter(p -> p.submissionId().equals(id)).findFirst().orElseThrow().surveyId();
    }

    private Map<UUID, Written> insert(Connection connection, List<Pending> batch) throws SQLException {
        int n = batch.size();
        String[] references = new String[n];
        String[] surveys = new String[n];
        Long[] versions = new Long[n];
        UUID[] ids = new UUID[n];
        String[] answers = new String[n];
        String[] codes = new String[n];
        String[] numbers = new String[n];
        String[] languages = new String[n];
        Map<String, UUID> byReference = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Pending p = batch.get(i);
            references[i] = Codes.newReference();
            surveys[i] = p.surveyId();
            versions[i] = p.versionId();
            ids[i] = p.submissionId();
            answers[i] = p.answersJson();
            // As text: JDBC cannot send an array of arrays of differing lengths; PostgreSQL splits them.
            codes[i] = joined(p.coded().codes());
            numbers[i] = joined(p.coded().numbers());
            languages[i] = p.language();
            byReference.put(references[i], p.submissionId());
        }
        Map<UUID, Written> outcomes = new HashMap<>();
        List<ResponseSubmitted> submitted = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, connection.createArrayOf("text", references));
            insert.setArray(2, connection.createArrayOf("text", surveys));
            insert.setArray(3, connection.createArrayOf("bigint", versions));
            insert.setArray(4, connection.createArrayOf("uuid", ids));
            insert.setArray(5, connection.createArrayOf("text", answers));
            insert.setArray(6, connection.createArrayOf("text", codes));
            insert.setArray(7, connection.createArrayOf("text", numbers));
            insert.setArray(8, connection.createArrayOf("text", languages));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    String reference = rs.getString(2);
                    UUID id = byReference.get(reference);
                    String surveyId = surveyOf(batch, id);
                    outcomes.put(id, new Written.Created(reference, surveyId));
                    submitted.add(new ResponseSubmitted(rs.getLong(1), surveyId));
                }
            }
        }
        // Submission ids seen before (or twice in this batch) were not inserted: report the earlier row.
        Set<UUID> repeated = new HashSet<>();
        for (UUID id : ids) {
            if (!outcomes.containsKey(id)) {
                repeated.add(id);
            }
        }
        if (!repeated.isEmpty()) {
            try (PreparedStatement earlier = connection.prepareStatement(EARLIER)) {
                earlier.setArray(1, connection.createArrayOf("uuid", repeated.toArray()));
                try (ResultSet rs = earlier.executeQuery()) {
                    while (rs.next()) {
                        outcomes.put(rs.getObject(1, UUID.class),
                                new Written.Earlier(rs.getString(2), rs.getString(3)));
                    }
                }
            }
        }
        // In the same transaction: followers hear of these responses exactly when they are committed.
        changes.recordAll(submitted);
        return outcomes;
    }

    private static String joined(int[] values) {
        StringBuilder text = new StringBuilder(values.length * 3);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(values[i]);
        }
        return text.toString();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}
