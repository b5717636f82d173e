package uk.chorus.support;

import java.util.Arrays;

/** Recorded latencies in microseconds, read back as percentiles. */
public final class Latencies {
    private long[] micros = new long[1 << 16];
    private int size;

    public synchronized void add(long nanos) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = nanos / 1_000;
    }

    public synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.micros[i] * 1_000);
        }
    }

    public synchronized int count() {
        return size;
    }

    /** The p-th percentile in milliseconds. */
    public synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        int index = (int) Math.min(size - 1, Math.ceil(p / 100.0 * size) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
