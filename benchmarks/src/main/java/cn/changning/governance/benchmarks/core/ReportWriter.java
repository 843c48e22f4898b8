package cn.changning.governance.benchmarks.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a report three ways: a plain-text table (console and {@code report.txt}), {@code report.json}
 * with every figure and each latency's percentile curve, and {@code report.html} with the tables and
 * one inline-SVG percentile plot per scenario (no scripts, nothing fetched at view time).
 */
public final class ReportWriter {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};

    private ReportWriter() {
    }

    public static void write(Report report, Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("report.txt"), table(report), StandardCharsets.UTF_8);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(folder.resolve("report.json").toFile(), json(report));
            Files.writeString(folder.resolve("report.html"), html(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report to " + folder, e);
        }
    }

    // ---- text

    public static String table(Report report) {
        StringBuilder b = new StringBuilder();
        b.append("Benchmark report, started ").append(report.startedAt()).append('\n');
        report.environment().forEach((k, v) -> b.append("  ").append(k).append(": ").append(v).append('\n'));
        b.append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"group", "scenario", "load", "warm-up/measured", "status", "figures"});
        for (ScenarioResult r : report.results()) {
            List<String> figs = new ArrayList<>();
            r.figures().forEach((k, v) -> figs.add(k + "=" + format(v)));
            for (Latency l : r.latencies()) {
                figs.add(String.format(Locale.ROOT, "%s[n=%d p50=%.1f p99=%.1f p99.9=%.1f max=%.1f ms]", l.name(), l.count(),
                        l.percentileMs(50), l.percentileMs(99), l.percentileMs(99.9), l.maxMs()));
            }
            rows.add(new String[]{r.group(), r.name(), r.loadDescription(),
                    String.format(Locale.ROOT, "%.0fs/%.0fs", r.warmupSeconds(), r.durationSeconds()),
                    r.status().name(), String.join("; ", figs)});
        }
        b.append(align(rows));
        b.append("\nNotes\n");
        for (ScenarioResult r : report.results()) {
            for (String n : r.notes()) {
                b.append("  - ").append(r.group()).append(" / ").append(r.name()).append(": ").append(n).append('\n');
            }
        }
        b.append("\nGoals (ratios to raw limits measured in this run)\n");
        List<String[]> goals = new ArrayList<>();
        goals.add(new String[]{"goal", "requirement", "measured", "reference", "ratio", "status"});
        for (Goal g : report.goals()) {
            goals.add(new String[]{g.name(), g.requirement(), format(g.measured()), format(g.reference()),
                    Double.isNaN(g.ratio()) ? "-" : String.format(Locale.ROOT, "%.3f", g.ratio()), g.status()});
        }
        b.append(align(goals));
        for (Goal g : report.goals()) {
            b.append("  - ").append(g.name()).append(": ").append(g.status()).append(". ").append(g.explanation()).append('\n');
        }
        return b.toString();
    }

    /** Columns padded to their widest cell; the last column is left as is (it may be long). */
    private static String align(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns - 1; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                b.append(i < columns - 1 ? pad(row[i], width[i]) + " | " : row[i]);
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    static String format(Object v) {
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "-";
            }
            return Math.abs(d) >= 100 ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%.2f", d);
        }
        if (v instanceof Long || v instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
        }
        return String.valueOf(v);
    }

    // ---- JSON

    static Map<String, Object> json(Report report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("startedAt", report.startedAt().toString());
        root.put("environment", report.environment());
        List<Map<String, Object>> scenarios = new ArrayList<>();
        for (ScenarioResult r : report.results()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("group", r.group());
            s.put("name", r.name());
            s.put("status", r.status().name());
            s.put("load", r.loadDescription());
            s.put("warmupSeconds", r.warmupSeconds());
            s.put("durationSeconds", r.durationSeconds());
            s.put("figures", sanitize(r.figures()));
            Map<String, Object> latencies = new LinkedHashMap<>();
            for (Latency l : r.latencies()) {
                Map<String, Object> m = new LinkedHashMap<>(sanitize(l.summary()));
                m.put("percentileCurve", l.percentileCurve());
                latencies.put(l.name(), m);
            }
            s.put("latencies", latencies);
            s.put("notes", r.notes());
            scenarios.add(s);
        }
        root.put("scenarios", scenarios);
        List<Map<String, Object>> goals = new ArrayList<>();
        for (Goal g : report.goals()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", g.name());
            m.put("requirement", g.requirement());
            m.put("measured", nanToNull(g.measured()));
            m.put("reference", nanToNull(g.reference()));
            m.put("ratio", nanToNull(g.ratio()));
            m.put("status", g.status());
            m.put("explanation", g.explanation());
            goals.add(m);
        }
        root.put("goals", goals);
        return root;
    }

    private static Map<String, Object> sanitize(Map<String, Object> figures) {
        Map<String, Object> out = new LinkedHashMap<>();
        figures.forEach((k, v) -> out.put(k, v instanceof Double d ? nanToNull(d) : v));
        return out;
    }

    private static Object nanToNull(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
    }

    // ---- HTML

    static String html(Report report) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Benchmark report</title><style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #ccc;padding:3px 6px;font-size:13px;vertical-align:top}th{background:#eee}")
                .append(".MET{color:#080;font-weight:bold}.MISSED{color:#c00;font-weight:bold}.na{color:#888}")
                .append("pre{background:#f6f6f6;padding:1em;overflow:auto;font-size:12px}</style></head><body>")
                .append("<h1>Benchmark report</h1><p>Started ").append(esc(report.startedAt().toString())).append("</p><ul>");
        report.environment().forEach((k, v) -> b.append("<li>").append(esc(k)).append(": ").append(esc(String.valueOf(v))).append("</li>"));
        b.append("</ul><h2>Goals</h2><table><tr><th>goal</th><th>requirement</th><th>measured</th><th>reference</th><th>ratio</th><th>status</th><th>why</th></tr>");
        for (Goal g : report.goals()) {
            b.append("<tr><td>").append(esc(g.name())).append("</td><td>").append(esc(g.requirement())).append("</td><td>")
                    .append(format(g.measured())).append("</td><td>").append(format(g.reference())).append("</td><td>")
                    .append(Double.isNaN(g.ratio()) ? "-" : String.format(Locale.ROOT, "%.3f", g.ratio()))
                    .append("</td><td class=\"").append(g.status().equals(Goal.MET) ? "MET" : g.status().equals(Goal.MISSED) ? "MISSED" : "na")
                    .append("\">").append(g.status()).append("</td><td>").append(esc(g.explanation())).append("</td></tr>");
        }
        b.append("</table><h2>Scenarios</h2>");
        String group = null;
        for (ScenarioResult r : report.results()) {
            if (!r.group().equals(group)) {
                group = r.group();
                b.append("<h3>").append(esc(group)).append("</h3>");
            }
            b.append("<h4>").append(esc(r.name())).append(" <small class=\"na\">").append(r.status()).append("</small></h4>")
                    .append("<p>Load: ").append(esc(r.loadDescription()))
                    .append(String.format(Locale.ROOT, "; warm-up %.0f s, measured %.0f s", r.warmupSeconds(), r.durationSeconds()))
                    .append("</p><table><tr><th>figure</th><th>value</th></tr>");
            r.figures().forEach((k, v) -> b.append("<tr><td>").append(esc(k)).append("</td><td>").append(esc(format(v))).append("</td></tr>"));
            b.append("</table>");
            if (!r.latencies().isEmpty()) {
                b.append("<table><tr><th>latency</th><th>n</th><th>p50 ms</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th></tr>");
                for (Latency l : r.latencies()) {
                    b.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td></tr>",
                            esc(l.name()), l.count(), l.percentileMs(50), l.percentileMs(90), l.percentileMs(99),
                            l.percentileMs(99.9), l.maxMs()));
                }
                b.append("</table>").append(plot(r.latencies()));
            }
            for (String n : r.notes()) {
                b.append("<p class=\"na\">").append(esc(n)).append("</p>");
            }
        }
        b.append("<h2>Console table</h2><pre>").append(esc(table(report))).append("</pre></body></html>\n");
        return b.toString();
    }

    /** Latency by percentile, x on HdrHistogram's usual log scale of 1/(1-p): 0, 90, 99, 99.9, 99.99 %. */
    static String plot(List<Latency> latencies) {
        int w = 760;
        int h = 300;
        int left = 60;
        int bottom = 40;
        int top = 15;
        int right = 170;
        double maxX = 4; // log10(1/(1-0.9999))
        double maxY = 0;
        for (Latency l : latencies) {
            for (double[] p : l.percentileCurve()) {
                maxY = Math.max(maxY, p[1]);
            }
        }
        if (maxY <= 0) {
            return "";
        }
        maxY = niceCeiling(maxY);
        double plotW = w - left - right;
        double plotH = h - top - bottom;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"11\">", w, h));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" stroke=\"#999\"/>", left, top, plotW, plotH));
        String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%"};
        for (int i = 0; i <= 4; i++) {
            double x = left + plotW * i / maxX;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#eee\"/>", x, top, x, top + plotH));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">%s</text>", x, top + plotH + 15, labels[i]));
        }
        for (int i = 0; i <= 4; i++) {
            double y = top + plotH - plotH * i / 4;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#eee\"/>", left, y, left + plotW, y));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", left - 4, y + 4, format(maxY * i / 4)));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">percentile</text>", left + plotW / 2, h - 5));
        s.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%.0f\" transform=\"rotate(-90 12 %.0f)\" text-anchor=\"middle\">ms</text>",
                top + plotH / 2, top + plotH / 2));
        int i = 0;
        for (Latency l : latencies) {
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (double[] p : l.percentileCurve()) {
                double q = Math.min(p[0], 99.99);
                double x = left + plotW * Math.min(maxX, Math.log10(1 / (1 - q / 100))) / maxX;
                double y = top + plotH - plotH * p[1] / maxY;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            s.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(colour).append("\" points=\"").append(points).append("\"/>");
            double ly = top + 12 + i * 15;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.0f\" y=\"%.0f\" width=\"10\" height=\"3\" fill=\"%s\"/>", left + plotW + 8, ly - 4, colour));
            s.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\">%s</text>", left + plotW + 22, ly, esc(l.name())));
            i++;
        }
        return s.append("</svg>").toString();
    }

    private static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (v <= step * magnitude) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
