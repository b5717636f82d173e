package uk.chorus.results;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a wave's disclosure model (the attack and secondary suppression) off the request thread,
 * so a lead publishing or auditing a large wave watches a progress page instead of a browser
 * that seems to hang for minutes. One check runs at a time: each is two cores' worth of solving,
 * and a second would only slow the first. Asking again for the same check while it runs (a
 * refresh, a double click) joins it instead of starting another. Checks live in memory only:
 * after a restart a lead presses the button again; nothing a family wrote depends on them.
 */
@Singleton
class DisclosureChecks {
    private static final Logger LOG = LoggerFactory.getLogger(DisclosureChecks.class);

    /** What the lead asked for: only the audit, publishing when it passes, or sending to a forum to agree. */
    enum Purpose { AUDIT, PUBLISH, SEND_TO_AGREE }

    /** One check: what it is for, how far it has gone, and (when done) what it found or published. */
    static final class Check implements DisclosureModel.Progress {
        final String id = UUID.randomUUID().toString();
        final String surveyId;
        final Purpose purpose;
        final boolean onPublicPage;
        final boolean round;
        final String by;
        // The version the lead's page showed as the newest: a repeated click publishes nothing more.
        final int over;
        final CompletableFuture<PublishedFigures.Result> outcome = new CompletableFuture<>();
        private volatile int roundsDone;
        private volatile int mostRounds;
        private volatile int atFault = -1;
        private volatile boolean started;

        private Check(String surveyId, Purpose purpose, boolean onPublicPage, boolean round, String by, int over) {
            this.over = over;
            this.surveyId = surveyId;
            this.purpose = purpose;
            this.onPublicPage = onPublicPage;
            this.round = round;
            this.by = by;
        }

        @Override
        public void roundDone(int round, int most, DisclosureAudit.Report report) {
            this.mostRounds = most;
            this.atFault = report.faults().size();
            this.roundsDone = round;
        }

        boolean started() {
            return started;
        }

        int roundsDone() {
            return roundsDone;
        }

        int mostRounds() {
            return mostRounds;
        }

        /** Figures still at fault after the last round, or -1 before the first round ends. */
        int atFault() {
            return atFault;
        }

        /** The outcome, when the check has finished; empty while it runs. */
        Optional<PublishedFigures.Result> result() {
            return outcome.isDone() && !outcome.isCompletedExceptionally() ? Optional.of(outcome.join()) : Optional.empty();
        }

        boolean failed() {
            return outcome.isCompletedExceptionally();
        }

        private String key() {
            return surveyId + "|" + purpose + "|" + onPublicPage + "|" + round;
        }
    }

    private final PublishedFigures figures;
    private final ResultsConfiguration configuration;
    private final ResultReviews reviews;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("disclosure-check").daemon(true).factory());
    private final ConcurrentMap<String, Check> running = new ConcurrentHashMap<>();
    // A finished check stays findable for a while, so its progress page can show the outcome.
    private final Cache<String, Check> byId = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(2))
            .maximumSize(200).build();

    DisclosureChecks(PublishedFigures figures, ResultsConfiguration configuration, ResultReviews reviews) {
        this.reviews = reviews;
        this.figures = figures;
        this.configuration = configuration;
    }

    /** Starts a check, or joins the same one already running. */
    Check start(String surveyId, Purpose purpose, boolean onPublicPage, boolean round, @Nullable String by, int over) {
        Check wanted = new Check(surveyId, purpose, onPublicPage, round, by, over);
        Check check = running.computeIfAbsent(wanted.key(), key -> {
            byId.put(wanted.id, wanted);
            worker.execute(() -> run(wanted));
            return wanted;
        });
        return check;
    }

    Optional<Check> find(String id) {
        return Optional.ofNullable(byId.getIfPresent(id));
    }

    /**
     * Waits a little for a check to finish, so a small wave's publication is answered at once and
     * only a large one goes to the progress page.
     */
    Optional<PublishedFigures.Result> await(Check check, Duration patience) {
        try {
            return Optional.of(check.outcome.get(patience.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    Duration patience() {
        return configuration.getPublishPatience();
    }

    int mostRounds() {
        return configuration.getDisclosureRounds();
    }

    private void run(Check check) {
        check.started = true;
        try {
            PublishedFigures.Result result = switch (check.purpose) {
                case PUBLISH -> figures.publish(check.surveyId, check.onPublicPage, check.round, check.by, check.over, check);
                case SEND_TO_AGREE -> figures.sendToAgree(check.surveyId, check.onPublicPage, check.round, check.by,
                        reviews, check);
                case AUDIT -> new PublishedFigures.Result(figures.decide(check.surveyId, check.round, check).orElse(null), 0);
            };
            check.outcome.complete(result);
        } catch (RuntimeException e) {
            LOG.error("The disclosure check of {} failed.", check.surveyId, e);
            check.outcome.completeExceptionally(e);
        } finally {
            running.remove(check.key(), check);
        }
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
    }
}
