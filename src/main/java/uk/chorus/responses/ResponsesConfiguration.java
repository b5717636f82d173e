package uk.chorus.responses;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Limits of the API write path (CHORUS_WRITE_QUEUE, CHORUS_WRITE_BATCH). */
@ConfigurationProperties("chorus.responses")
public class ResponsesConfiguration {
    static final int DEFAULT_WRITE_QUEUE = 2000;
    static final int DEFAULT_WRITE_BATCH = 200;
    static final int DEFAULT_WRITERS = 2;

    private int writeQueue = DEFAULT_WRITE_QUEUE;
    private int writeBatch = DEFAULT_WRITE_BATCH;
    private int writers = DEFAULT_WRITERS;

    /** Submissions waiting to be written; beyond this the API answers 503 with Retry-After. */
    public int getWriteQueue() {
        return writeQueue;
    }

    public void setWriteQueue(int writeQueue) {
        this.writeQueue = Math.max(1, writeQueue);
    }

    /** The most submissions committed in one transaction. */
    public int getWriteBatch() {
        return writeBatch;
    }

    public void setWriteBatch(int writeBatch) {
        this.writeBatch = Math.max(1, writeBatch);
    }

    public int getWriters() {
        return writers;
    }

    public void setWriters(int writers) {
        this.writers = Math.max(1, writers);
    }
}
