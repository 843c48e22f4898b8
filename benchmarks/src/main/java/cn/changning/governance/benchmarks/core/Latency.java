package cn.changning.governance.benchmarks.core;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A latency distribution in microseconds (HdrHistogram, 3 significant digits, up to 10 minutes),
 * safe to record into from many threads. Figures are reported in milliseconds.
 */
public final class Latency {

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final String name;
    private final Histogram histogram = new Histogram(MAX_MICROS, 3);

    public Latency(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public void recordNanos(long nanos) {
        long micros = Math.max(1, Math.min(MAX_MICROS, nanos / 1_000));
        synchronized (histogram) {
            histogram.recordValue(micros);
        }
    }

    /** One distribution of several recorded apart, e.g. the clients of two instances together. */
    public static Latency merged(String name, Latency... parts) {
        Latency merged = new Latency(name);
        for (Latency part : parts) {
            synchronized (part.histogram) {
                merged.histogram.add(part.histogram);
            }
        }
        return merged;
    }

    public void recordMillis(double millis) {
        recordNanos((long) (millis * 1_000_000));
    }

    public long count() {
        synchronized (histogram) {
            return histogram.getTotalCount();
        }
    }

    /** The value at a percentile, in ms. */
    public double percentileMs(double percentile) {
        synchronized (histogram) {
            return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    public double maxMs() {
        synchronized (histogram) {
            return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
        }
    }

    public double meanMs() {
        synchronized (histogram) {
            return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMean() / 1000.0;
        }
    }

    /** count, mean, p50, p90, p99, p99.9, max: what the table and the JSON show. */
    public Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("count", count());
        s.put("meanMs", round(meanMs()));
        s.put("p50Ms", round(percentileMs(50)));
        s.put("p90Ms", round(percentileMs(90)));
        s.put("p99Ms", round(percentileMs(99)));
        s.put("p999Ms", round(percentileMs(99.9)));
        s.put("maxMs", round(maxMs()));
        return s;
    }

    /** Points (percentile, ms) for a percentile plot, on HdrHistogram's log-spaced percentile ladder. */
    public List<double[]> percentileCurve() {
        List<double[]> points = new ArrayList<>();
        synchronized (histogram) {
            if (histogram.getTotalCount() == 0) {
                return points;
            }
            for (HistogramIterationValue v : histogram.percentiles(5)) {
                double p = v.getPercentileLevelIteratedTo();
                if (p >= 99.9999) {
                    break;
                }
                points.add(new double[]{p, v.getValueIteratedTo() / 1000.0});
            }
            points.add(new double[]{100.0, histogram.getMaxValue() / 1000.0});
        }
        return points;
    }

    static double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return Math.round(v * 100.0) / 100.0;
    }
}
