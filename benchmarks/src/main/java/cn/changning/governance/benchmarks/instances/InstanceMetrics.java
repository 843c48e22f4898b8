package cn.changning.governance.benchmarks.instances;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of an instance's {@code /actuator/prometheus} (the text format), for counting what that instance did:
 * the difference of two scrapes. Only sample lines are read; comments and exemplars are skipped.
 */
public record InstanceMetrics(List<Sample> samples) {

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final HttpClient SCRAPER = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*?)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One scrape of {@code <managementUrl>/actuator/prometheus} (unauthenticated, as the services expose it). */
    public static InstanceMetrics scrape(String managementUrl) {
        String url = managementUrl + "/actuator/prometheus";
        try {
            HttpResponse<String> r = SCRAPER.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode());
            }
            return parse(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static InstanceMetrics parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            double value;
            try {
                value = Double.parseDouble(m.group(3));
            } catch (NumberFormatException e) {
                continue; // NaN and the like are parsed by Double; anything else is not a sample we count
            }
            samples.add(new Sample(m.group(1), Map.copyOf(labels), value));
        }
        return new InstanceMetrics(List.copyOf(samples));
    }

    /** The sum of the named series whose labels pass the filter. */
    public double sum(String name, Predicate<Map<String, String>> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && labels.test(s.labels())).mapToDouble(Sample::value).sum();
    }

    /** The named series summed by one label's value. */
    public Map<String, Double> sumBy(String name, String label) {
        Map<String, Double> by = new LinkedHashMap<>();
        samples.stream().filter(s -> s.name().equals(name) && s.labels().containsKey(label))
                .forEach(s -> by.merge(s.labels().get(label), s.value(), Double::sum));
        return by;
    }
}
