package uk.chorus.themes;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.chorus.changes.Change;
import uk.chorus.changes.ChangeLog;
import uk.chorus.feedback.FeedbackErased;
import uk.chorus.feedback.FeedbackReceived;
import uk.chorus.responses.RawAnswersExpired;
import uk.chorus.responses.ResponseErased;
import uk.chorus.responses.ResponseSubmitted;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the search index in step with PostgreSQL by following the change log: each entry after
 * the one the index last committed is applied by reading the current state (a submitted response
 * is read and indexed; an erased one is deleted). Searches see each applied batch at once (a
 * near-real-time reader refresh, no fsync); the index is committed with the id it is current to
 * on a timer and at a graceful stop. Applying an entry twice changes nothing, so a crash anywhere
 * between the database and the index loses nothing: the next start replays from the index's last
 * commit. It runs when this instance records a change, and every two seconds for changes other
 * instances made, one run at a time on its own thread. A rebuild reads everything afresh, with its
 * progress shown to the lead who started it; a failed start or rebuild is tried again with growing
 * waits, and until one succeeds the instance says it is not ready.
 */
@Singleton
public class IndexFollower {
    private static final Logger LOG = LoggerFactory.getLogger(IndexFollower.class);
    private static final int BATCH = 500;
    private final TextIndex index;
    private final TextSources sources;
    private final ThemeStore themes;
    private final ThemeLearner learner;
    private final ChangeLog changes;
    private final ApplicationEventPublisher<IndexChanged> published;
    private static final Duration LONGEST_RETRY_WAIT = Duration.ofMinutes(5);
    private static final long CATCH_UP_DELAY_MS = 50;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "search-index");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Duration firstRetryWait;
    private volatile long applied = -1;
    private volatile long committed = -1;
    private volatile boolean erasedSinceCommit;
    private volatile long latestSeen = -1;
    private volatile String installation;
    private volatile Rebuild rebuild = Rebuild.NONE;
    private volatile boolean started;
    private volatile boolean stopping;
    // Ready once the index has applied every change it could see at least once since start-up.
    private volatile boolean caughtUp;
    private volatile int failuresInARow;
    private final AtomicLong failures = new AtomicLong();

    IndexFollower(TextIndex index, TextSources sources, ThemeStore themes, ThemeLearner learner, ChangeLog changes,
                  ApplicationEventPublisher<IndexChanged> published,
                  @io.micronaut.context.annotation.Value("${chorus.themes.first-retry-wait:2s}") Duration firstRetryWait,
                  MeterRegistry meters) {
        this.index = index;
        this.sources = sources;
        this.themes = themes;
        this.learner = learner;
        this.changes = changes;
        this.published = published;
        this.firstRetryWait = firstRetryWait;
        Gauge.builder("chorus.search.index.lag", this, f -> f.state().lag())
                .description("Change-log entries recorded but not yet applied to this instance's search index")
                .register(meters);
        Gauge.builder("chorus.search.index.ready", this, f -> f.state().ready() ? 1 : 0)
                .description("1 once the search index has caught up with the change log and is not failing")
                .register(meters);
        FunctionCounter.builder("chorus.themes.retagged", retagged, AtomicLong::get)
                .description("Comments indexed again because a retrained tagger gave them other learned themes")
                .register(meters);
        FunctionCounter.builder("chorus.search.index.failures", failures, AtomicLong::get)
                .description("Failed starts and rebuilds of the search index (each retried with a growing wait)")
                .register(meters);
    }

    /** Where the index stands, for readiness and metrics. */
    public record State(boolean ready, boolean failed, long applied, long latest, long failures) {
        /** Changes recorded in the log that the index has not applied yet (as far as last seen). */
        public long lag() {
            return applied < 0 || latest < 0 ? Math.max(latest, 0) : Math.max(0, latest - applied);
        }
    }

    public State state() {
        boolean failed = failuresInARow > 0;
        return new State(caughtUp && !failed && applied >= 0, failed, applied, latestSeen, failures.get());
    }

    /** Progress of the latest rebuild. */
    public record Rebuild(boolean running, long done, long total, @Nullable Instant started, @Nullable Instant finished,
                          @Nullable String by) {
        static final Rebuild NONE = new Rebuild(false, 0, 0, null, null, null);

        public int percent() {
            return total == 0 ? (running ? 0 : 100) : (int) Math.min(100, done * 100 / total);
        }
    }

    /** Heard after the index has taken in changes: cached counts are stale. */
    public record IndexChanged() {
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        started = true;
        worker.submit(this::startUp);
    }

    private void startUp() {
        if (stopping) {
            return;
        }
        try {
            installation = themes.installation();
            Map<String, String> committed = index.committed();
            // Unclamped: an index ahead of every id this database has committed is from a later copy.
            long latest = changes.newest();
            long at = Long.parseLong(committed.getOrDefault(TextIndex.CHANGE_ID, "-1"));
            boolean sameDatabase = installation.equals(committed.get(TextIndex.INSTALLATION));
            if (!sameDatabase || at > latest || at < 0) {
                LOG.info(at < 0 ? "The search index is empty: building it from the database."
                        : "The search index was built from another database or a later copy: rebuilding it.");
                rebuildNow("start-up");
            } else {
                applied = at;
                this.committed = at;
                failuresInARow = 0;
                catchUp();
            }
        } catch (RuntimeException e) {
            LOG.error("The search index could not start; searches will find nothing until it can", e);
            retryLater(this::startUp);
        }
    }

    /** After a failure: the same again after a wait that doubles each time (at most five minutes). */
    private void retryLater(Runnable again) {
        failures.incrementAndGet();
        int inARow = ++failuresInARow;
        long millis = Math.min(LONGEST_RETRY_WAIT.toMillis(),
                firstRetryWait.toMillis() << Math.min(inARow - 1, 20));
        if (!stopping) {
            LOG.warn("The search index will try again in {} ms (failure {} in a row)", millis, inARow);
            worker.schedule(again, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Any change this instance records: follow it now (after its transaction has committed). */
    @EventListener
    void onChange(Change change) {
        nudge();
    }

    @Scheduled(fixedDelay = "2s", initialDelay = "5s")
    void poll() {
        nudge();
    }

    /**
     * Makes what searches already see durable, saying which change it is current to. Not after
     * every batch: an fsync each time would slow both the index and the database beside it, and a
     * crash loses nothing that replaying the log from the last commit cannot put back.
     */
    @Scheduled(fixedDelay = "${chorus.themes.commit-every:10s}", initialDelay = "10s")
    void commitPeriodically() {
        if (started && !stopping) {
            worker.submit(this::commitIfBehind);
        }
    }

    private void commitIfBehind() {
        long upTo = applied;
        if (upTo >= 0 && upTo > committed && !rebuild.running()) {
            try {
                index.commit(upTo, installation);
                committed = upTo;
                erasedSinceCommit = false;
            } catch (RuntimeException e) {
                LOG.warn("Committing the search index failed and will be tried again: {}", e.getMessage());
            }
        }
    }

    /** Asks for a catch-up; several asks while one is waiting make one run. */
    void nudge() {
        if (started && !stopping && queued.compareAndSet(false, true)) {
            // A moment's wait gathers the commits of a busy minute into fewer, larger catch-ups.
            worker.schedule(() -> {
                queued.set(false);
                catchUp();
            }, CATCH_UP_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Applies every change after the last one applied, making each batch visible to searches. */
    private void catchUp() {
        if (applied < 0 || rebuild.running()) {
            return;
        }
        try {
            // One horizon for the whole catch-up (reading it is not free); what lies above it is
            // taken by the next run.
            long horizon = changes.horizon();
            latestSeen = changes.latest(horizon);
            boolean any = false;
            List<ChangeLog.Entry> entries = changes.after(applied, BATCH, horizon);
            for (; !entries.isEmpty() && !stopping; entries = changes.after(applied, BATCH, horizon)) {
                Prefetched prefetched = prefetch(entries);
                boolean erased = false;
                for (ChangeLog.Entry entry : entries) {
                    apply(entry, prefetched);
                    erased |= ERASURES.contains(entry.kind());
                }
                if (erased) {
                    // The erased words leave the segment files at the commit just after this catch-up,
                    // not at whatever merge happens to run later (and not at the next timed commit).
                    index.expungeDeleted();
                    erasedSinceCommit = true;
                }
                // Searches see the batch before anyone is told it is applied: a reader that checks
                // "applied" and then counts comments must find them all.
                index.refresh();
                applied = entries.get(entries.size() - 1).id();
                any = true;
            }
            if (entries.isEmpty()) {
                caughtUp = true;
            }
            latestSeen = Math.max(latestSeen, applied);
            if (erasedSinceCommit) {
                commitIfBehind();
            }
            if (any) {
                published.publishEvent(new IndexChanged());
            }
        } catch (RuntimeException e) {
            LOG.warn("Catching the search index up stopped at change {} and will try again: {}", applied, e.getMessage());
        }
    }

    /** Changes after which a family's words must leave the index files, not only its searches. */
    private static final java.util.Set<String> ERASURES = java.util.Set.of(ResponseErased.KIND, RawAnswersExpired.KIND,
            FeedbackErased.KIND);

    /** A batch's new responses and their comments' decisions, read in two queries rather than two each. */
    private record Prefetched(Map<Long, List<IndexedText>> responses, Map<String, Map<String, Boolean>> decisions) {
    }

    private Prefetched prefetch(List<ChangeLog.Entry> entries) {
        List<Long> submitted = entries.stream().filter(e -> e.kind().equals(ResponseSubmitted.KIND)
                && e.subjectId() != null).map(ChangeLog.Entry::subjectId).distinct().toList();
        Map<Long, List<IndexedText>> responses = sources.responses(submitted);
        List<String> textIds = responses.values().stream().flatMap(List::stream).map(IndexedText::id).toList();
        return new Prefetched(responses, themes.decisionsFor(textIds));
    }

    private void apply(ChangeLog.Entry entry, Prefetched prefetched) {
        Long subject = entry.subjectId();
        switch (entry.kind()) {
            case ResponseSubmitted.KIND -> prefetched.responses().getOrDefault(subject, List.of()).forEach(text -> {
                Map<String, Boolean> decisions = prefetched.decisions().get(text.id());
                index.upsert(decisions == null ? text : withDecisions(text, decisions));
            });
            case ResponseErased.KIND -> index.delete(TextIndex.RESPONSE, Long.toString(subject));
            case RawAnswersExpired.KIND -> index.delete(TextIndex.SURVEY, entry.surveyId());
            case FeedbackReceived.KIND -> sources.feedbackItem(subject).forEach(text -> index.upsert(decided(text)));
            case FeedbackErased.KIND -> index.delete(TextIndex.ITEM, Long.toString(subject));
            case uk.chorus.pledges.PledgeReviewed.KIND -> {
                // A review replaces the organisation's earlier one whole.
                index.delete(TextIndex.PLEDGE_ORGANISATION, Long.toString(subject));
                sources.pledgeReview(subject).forEach(text -> index.upsert(decided(text)));
            }
            case ThemeDecided.KIND -> {
                themes.textOfDecision(subject).ifPresent(this::reindex);
                // A lead's decision is a labelled example: the tagger learns from it in the background.
                learner.retrainSoon();
            }
            case ThemeChanged.KIND -> learner.retrainSoon(); // rule hits are features: a new definition changes them
            default -> {
                // Nothing in the index depends on other changes (drafts, theme definitions).
            }
        }
    }

    /**
     * After a retraining, the comments already indexed get the new model's learned themes. Heard on
     * the learner's background thread, which reads every comment's stored words, vector and learned
     * themes from one snapshot; those whose themes would now differ are indexed again from the
     * database on the follower's own thread, a batch at a time (catch-ups run in between), reusing
     * their vectors. Several retrainings during one pass give one more pass.
     */
    @EventListener
    void onRetrained(ThemeLearner.Retrained event) {
        if (!started || stopping || retagging.getAndSet(true)) {
            retagAgain.set(true);
            return;
        }
        try {
            do {
                retagAgain.set(false);
                retag();
            } while (retagAgain.get() && !stopping);
        } catch (RuntimeException e) {
            // The model is trained whatever happens here; a rebuild tags every comment afresh.
            LOG.warn("Retagging the indexed comments after a retraining stopped: {}", e.getMessage());
        } finally {
            retagging.set(false);
        }
    }

    private final AtomicBoolean retagging = new AtomicBoolean();
    private final AtomicBoolean retagAgain = new AtomicBoolean();

    private void retag() {
        long began = System.nanoTime();
        List<TextIndex.Tagged> pending = new java.util.ArrayList<>();
        long[] seen = {0};
        long[] changed = {0};
        index.forEachTagged(comment -> {
            seen[0]++;
            if (!stopping && !learner.learned(comment.id(), comment.text(), comment.vector()).equals(comment.learned())) {
                pending.add(comment);
                changed[0]++;
                if (pending.size() == BATCH) {
                    reindexAll(pending);
                }
            }
        });
        reindexAll(pending);
        retagged.addAndGet(changed[0]);
        LOG.info("Retagging after the tagger learned: {} of {} comments have other learned themes ({} ms)",
                changed[0], seen[0], (System.nanoTime() - began) / 1_000_000);
    }

    /**
     * Indexes a batch again on the follower's thread and waits for it, so that at most one batch of
     * vectors is held however many comments changed, and catch-ups run between batches.
     */
    private void reindexAll(List<TextIndex.Tagged> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<TextIndex.Tagged> taken = List.copyOf(batch);
        batch.clear();
        try {
            worker.submit(() -> {
                if (stopping || rebuild.running() || applied < 0) {
                    return; // a rebuild tags every comment with the model of the moment anyway
                }
                taken.forEach(before -> sources.comment(before.id()).ifPresent(text ->
                        // The vector is reused only for the same words (an edit since the snapshot embeds afresh).
                        index.upsert(decided(text), before.text().equals(text.text()) ? before.vector() : null)));
                index.refresh();
                published.publishEvent(new IndexChanged());
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retagging", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException("Retagging a batch failed", e);
        }
    }

    /** Comments indexed again because a retrained tagger gave them other themes, since start-up. */
    private final AtomicLong retagged = new AtomicLong();

    /** Indexes one comment again from the database, with its current decisions. */
    private void reindex(String textId) {
        sources.comment(textId).ifPresent(t -> index.upsert(decided(t)));
    }

    private IndexedText decided(IndexedText text) {
        Map<String, Boolean> decisions = themes.decisionsFor(text.id());
        return decisions.isEmpty() ? text : withDecisions(text, decisions);
    }

    private static IndexedText withDecisions(IndexedText text, Map<String, Boolean> decisions) {
        Set<String> confirmed = new HashSet<>();
        Set<String> rejected = new HashSet<>();
        decisions.forEach((theme, yes) -> (yes ? confirmed : rejected).add(theme));
        return text.withDecisions(confirmed, rejected);
    }

    /** Starts a rebuild in the background (unless one is running); its progress is in rebuild(). */
    public boolean startRebuild(String by) {
        if (rebuild.running()) {
            return false;
        }
        rebuild = new Rebuild(true, 0, 0, Instant.now(), null, by);
        // A rebuild asked for by a person starts now, whatever retries were waiting.
        failuresInARow = 0;
        worker.submit(() -> rebuildNow(by));
        return true;
    }

    public Rebuild rebuild() {
        return rebuild;
    }

    /**
     * Empties the index and reads every comment afresh, then commits, current to the change-log
     * entry that was newest when it began; anything recorded since is caught up afterwards.
     * Searches go on reading the old index until the new one is committed.
     */
    private void rebuildNow(String by) {
        Instant began = rebuild.running() ? rebuild.started() : Instant.now();
        try {
            long from = changes.latest();
            long total = sources.count();
            rebuild = new Rebuild(true, 0, total, began, null, by);
            Map<String, Map<String, Boolean>> decisions = themes.allDecisions();
            index.deleteAll();
            long[] done = {0};
            long[] comments = {0};
            sources.forEach(text -> {
                Map<String, Boolean> decided = decisions.get(text.id());
                index.add(decided == null ? text : withDecisions(text, decided));
                comments[0]++;
            }, () -> {
                if (++done[0] % 500 == 0) {
                    rebuild = new Rebuild(true, Math.min(done[0], total), Math.max(total, done[0]), began, null, by);
                }
            });
            index.commit(from, installation == null ? themes.installation() : installation);
            installation = themes.installation();
            applied = from;
            committed = from;
            failuresInARow = 0;
            index.refresh();
            rebuild = new Rebuild(false, done[0], done[0], began, Instant.now(), by);
            LOG.info("The search index holds {} comments, rebuilt in {} ms.", comments[0],
                    Instant.now().toEpochMilli() - began.toEpochMilli());
            published.publishEvent(new IndexChanged());
            catchUp();
        } catch (RuntimeException e) {
            // The index's last commit still holds what it held before; nothing more is committed
            // on top of the half-done rebuild until a rebuild succeeds.
            applied = -1;
            caughtUp = false;
            rebuild = new Rebuild(false, rebuild.done(), rebuild.total(), began, Instant.now(), by);
            LOG.error("Rebuilding the search index failed; it will be tried again, or start one from the search page", e);
            retryLater(() -> {
                if (applied < 0 && !rebuild.running()) {
                    rebuild = new Rebuild(true, 0, 0, Instant.now(), null, by);
                    rebuildNow(by);
                }
            });
        }
    }

    /** Waits (at most a few seconds) until the index has applied every change recorded so far: for tests. */
    public boolean awaitCurrent(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (!rebuild.running() && applied >= 0 && applied >= changes.latest()) {
                return true;
            }
            nudge();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    public long applied() {
        return applied;
    }

    /**
     * A graceful stop: the batch being applied finishes (interrupting Lucene's file I/O would close
     * the index under it), and what was applied is committed, so the next start replays little.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        commitIfBehind();
    }
}
