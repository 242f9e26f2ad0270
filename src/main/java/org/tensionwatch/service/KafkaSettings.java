package org.tensionwatch.service;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensionwatch.alerts.AlertRule;
import org.tensionwatch.alerts.AlertRuleSpec;
import org.tensionwatch.kafka.Derivation;

/**
 * What the Kafka side of this instance is, read once from the settings: the derivation (which topics and
 * Streams application ids it writes and serves), its instance id in the Streams groups, where peers reach
 * it and the alert rules in force. A bean of its own so that the beans that only need a name or an
 * address ({@code FeedService}, {@code WebhookDispatcher}, the query routing) do not depend on the running
 * cluster or the Streams applications; a setting that makes no sense stops the start here.
 */
@Singleton
public class KafkaSettings {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSettings.class);

    @Inject
    TensionConfig config;

    @ConfigProperty(name = "quarkus.http.port")
    int httpPort;

    private Derivation derivation;
    private String instanceId;
    private List<AlertRule> alertRules;

    @PostConstruct
    void read() {
        derivation = derivation(config.derivation());
        instanceId = InstanceId.of(config.streams().instanceId(), config.dataDir());
        LOG.info("Instance id {} in the Streams groups", instanceId);
        alertRules = alertRules(config.alerts());
    }

    /** The derivation of {@code tension.derivation}; a label that cannot name topics stops the start. */
    static Derivation derivation(Optional<String> setting) {
        try {
            return Derivation.of(setting.orElse(null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tension.derivation: " + e.getMessage(), e);
        }
    }

    /** The enabled rules of {@code tension.alerts.rules}, by name; a rule that makes no sense stops the start. */
    static List<AlertRule> alertRules(TensionConfig.Alerts settings) {
        List<AlertRule> rules = new ArrayList<>();
        for (Map.Entry<String, TensionConfig.Alerts.Rule> entry : new TreeMap<>(settings.rules()).entrySet()) {
            TensionConfig.Alerts.Rule r = entry.getValue();
            if (r.enabled()) {
                rules.add(new AlertRuleSpec(entry.getKey(), true, r.indicator(), r.window(), r.threshold(), r.rise(),
                        r.baselineDays(), r.minBaseline(), r.minSources(), r.severity(), r.escalate().orElse(List.of()),
                        r.clearBelow(), r.clearRise(), r.cooldownDays()).toRule());
            }
        }
        return List.copyOf(rules);
    }

    /** The version of the derived topics this instance writes and serves. */
    public Derivation derivation() {
        return derivation;
    }

    /** This instance's static member id in the Streams groups (stable across restarts). */
    public String instanceId() {
        return instanceId;
    }

    /** The prefix of this instance's Streams application ids and consumer groups, which the derivation is part of. */
    public String applicationIdPrefix() {
        return derivation.applicationIdPrefix(config.streams().applicationId());
    }

    /** The application id of one of the Streams applications ({@code Derivation.EXTRACTION}, ...). */
    public String applicationId(String name) {
        return derivation.applicationId(config.streams().applicationId(), name);
    }

    /** Where other instances reach this one, or {@code null} when it runs alone. */
    public HostInfo advertisedHost() {
        return config.streams().advertisedHost().map(host -> new HostInfo(host, httpPort)).orElse(null);
    }

    /** The alert rules in force. */
    public List<AlertRule> alertRules() {
        return alertRules;
    }
}
