package org.tensionwatch.kafka;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One version of everything the service derives from the articles: events, canonical events, indicators and alerts.
 * The current derivation uses the configured topic names and application ids as they are; a named one, e.g. {@code v2},
 * writes to topics of its own ({@code tension.v2.events}, {@code tension.v2.indicators}, ...) under Streams application
 * ids of its own ({@code tension-watch-v2-extraction}, ...), and reads the one shared articles topic from the beginning.
 * So a second instance with a new extractor or new settings derives a new version beside the current one, which keeps
 * serving until the serving instance is started with the new derivation.
 *
 * @param label the derivation's name; empty for the current one
 */
public record Derivation(String label) {

    /** The Streams applications of a derivation, by the suffix of their application ids. */
    public static final String EXTRACTION = "extraction";
    // "-v2": the state of the one-repartition topology (stores by region) is not that of the earlier four-step one;
    // a new application id rebuilt it from the (compacted) events topic instead of reading old state wrongly.
    // "-v3": no repartition, the events topic is partitioned by region (EventPartitioning); the tasks and their state
    // are those of the events topic's partitions now, rebuilt under the new id
    public static final String INDICATORS = "indicators-v3";
    // "-v2": the alerts keep a region's events one value per day (store alerts-region-days), no longer one value per
    // region that outgrew the 1 MB changelog record limit; under the old id the new store would start empty while the
    // committed offsets stay, so alerts would be decided on a partial history; a new id rebuilds it from the
    // (compacted) canonical-events topic
    public static final String ALERTS = "alerts-v2";

    /** The current derivation: topic names and application ids exactly as configured. */
    public static final Derivation CURRENT = new Derivation("");

    private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    public Derivation {
        Objects.requireNonNull(label, "label == null");
        if (!label.isEmpty() && !LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("a derivation is named by 1 to 32 lower-case letters, digits and '-', "
                    + "starting with a letter or digit (e.g. v2 or 2026-11), not '" + label + "'");
        }
        if (label.equals("current")) {
            throw new IllegalArgumentException("'current' names the derivation without a label; choose another name");
        }
    }

    /** The derivation named {@code label}; {@code null}, blank or {@code current} give the current one. */
    public static Derivation of(String label) {
        if (label == null || label.isBlank() || label.strip().equals("current")) {
            return CURRENT;
        }
        return new Derivation(label.strip());
    }

    public boolean isCurrent() {
        return label.isEmpty();
    }

    /**
     * The derived topics' names of this derivation: the label goes before the last dot-separated part of each name
     * ({@code tension.indicators} becomes {@code tension.v2.indicators}; a name without a dot gets it as a prefix). The
     * articles topic is shared by every derivation and keeps its name.
     */
    public Topics.Names topicNames(Topics.Names configured) {
        return new Topics.Names(configured.articles(), topic(configured.events()), topic(configured.canonicalEvents()),
                topic(configured.indicators()), topic(configured.alerts()), topic(configured.settledAlerts()),
                topic(configured.deadLetter()));
    }

    /** One derived topic's name in this derivation, from its configured name. */
    public String topic(String configured) {
        if (isCurrent()) {
            return configured;
        }
        int lastDot = configured.lastIndexOf('.');
        return configured.substring(0, lastDot + 1) + label + "." + configured.substring(lastDot + 1);
    }

    /** The prefix of this derivation's Streams application ids and consumer groups, from the configured one. */
    public String applicationIdPrefix(String configured) {
        return isCurrent() ? configured : configured + "-" + label;
    }

    /** The application id of one of the derivation's Streams applications ({@link #EXTRACTION} ...). */
    public String applicationId(String configuredPrefix, String application) {
        return applicationIdPrefix(configuredPrefix) + "-" + application;
    }

    /** How the derivation is named to a user: its label, or {@code current}. */
    @Override
    public String toString() {
        return isCurrent() ? "current" : label;
    }
}
