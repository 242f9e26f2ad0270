package org.tensionwatch.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads gold annotation directories and prediction files in the formats the reference scorer reads, with its
 * leniencies: gold files in name order, article names reduced to their last path element, types upper-cased,
 * counts that are not numbers taken as missing, unreadable prediction lines skipped.
 */
public final class GoldFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Gold events and publication days of a directory of gold files. */
    public record Gold(Map<String, List<ScoredEvent>> events, Map<String, LocalDate> published) {
    }

    private GoldFiles() {
    }

    /** Reads every {@code *.json} file of the directory, in file-name order. */
    public static Gold readGold(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        Map<String, List<ScoredEvent>> events = new LinkedHashMap<>();
        Map<String, LocalDate> published = new LinkedHashMap<>();
        for (Path f : files) {
            JsonNode doc = MAPPER.readTree(f.toFile());
            String article = doc.path("article").asText();
            List<ScoredEvent> list = new ArrayList<>();
            for (JsonNode e : doc.path("events")) {
                list.add(event(article, e));
            }
            events.put(article, list);
            String pub = doc.path("published").asText(null);
            if (pub != null && pub.length() >= 10) {
                try {
                    published.put(article, LocalDate.parse(pub.substring(0, 10)));
                } catch (java.time.DateTimeException ignored) {
                    // the caller falls back to the article's own date
                }
            }
        }
        return new Gold(events, published);
    }

    /** Reads a JSON Lines predictions file; returns the events and counts unreadable lines in {@code bad[0]}. */
    public static List<ScoredEvent> readPredictions(Path file, int[] bad) throws IOException {
        List<ScoredEvent> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            try {
                JsonNode e = MAPPER.readTree(l);
                if (!e.has("article") || !e.has("type")) {
                    bad[0]++;
                    continue;
                }
                String raw = e.get("article").asText();
                String article = raw.substring(raw.lastIndexOf('/') + 1);
                out.add(event(article, e));
            } catch (IOException | RuntimeException ex) {
                bad[0]++;
            }
        }
        return out;
    }

    private static ScoredEvent event(String article, JsonNode e) {
        String country = e.path("country").asText(null);
        return new ScoredEvent(article, e.get("type").asText().toUpperCase(Locale.ROOT), number(e.get("count")),
                country == null || country.isBlank() ? null : country.toUpperCase(Locale.ROOT), day(e.get("when")));
    }

    /** A day as the reference reads it: the first ten characters as an ISO date, else missing. */
    static LocalDate day(JsonNode n) {
        if (n == null || n.isNull() || n.asText().length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(n.asText().substring(0, 10));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** A count as the reference reads it: a number or numeric string, else missing. */
    static Double number(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            try {
                return Double.parseDouble(n.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (n.isBoolean()) {
            return n.asBoolean() ? 1.0 : 0.0;
        }
        return null;
    }
}
