package uk.chorus.load;

import uk.chorus.support.Latencies;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What a load run saw: latency per kind of request, statuses, retries, and what was acknowledged. */
public final class LoadStats {
    private final Map<String, Latencies> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final Set<String> unfinishedCodes = ConcurrentHashMap.newKeySet();

    void record(String what, long nanos) {
        latencies.computeIfAbsent(what, k -> new Latencies()).add(nanos);
    }

    void count(String what) {
        counters.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    public long counter(String what) {
        AtomicLong value = counters.get(what);
        return value == null ? 0 : value.get();
    }

    public Set<String> acknowledged() {
        return acknowledged;
    }

    public Latencies all() {
        Latencies all = new Latencies();
        latencies.values().forEach(all::addAll);
        return all;
    }

    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-16s %8s %9s %9s %9s%n", "request", "count", "p50 ms", "p95 ms", "p99 ms"));
        new TreeMap<>(latencies).forEach((what, l) -> out.append(String.format("%-16s %8d %9.2f %9.2f %9.2f%n",
                what, l.count(), l.percentileMillis(50), l.percentileMillis(95), l.percentileMillis(99))));
        Latencies all = all();
        out.append(String.format("%-16s %8d %9.2f %9.2f %9.2f%n", "all pages", all.count(), all.percentileMillis(50),
                all.percentileMillis(95), all.percentileMillis(99)));
        out.append("counters: ").append(new TreeMap<>(counters)).append('\n');
        return out.toString();
    }
}
