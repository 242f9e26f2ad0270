package org.tensionwatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DerivationTest {

    @Test
    void shouldKeepTheConfiguredNamesForTheCurrentDerivation() {
        Derivation current = Derivation.of(null);

        assertThat(current).isSameAs(Derivation.CURRENT).isEqualTo(Derivation.of(" ")).isEqualTo(Derivation.of("current"));
        assertThat(current.topicNames(Topics.Names.DEFAULTS)).isEqualTo(Topics.Names.DEFAULTS);
        assertThat(current.applicationIdPrefix("tension-watch")).isEqualTo("tension-watch");
        assertThat(current).hasToString("current");
    }

    @Test
    void shouldGiveANamedDerivationTopicsAndApplicationIdsOfItsOwnButTheSharedArticles() {
        Derivation v2 = Derivation.of("v2");

        assertThat(v2.topicNames(Topics.Names.DEFAULTS)).isEqualTo(new Topics.Names("tension.articles", "tension.v2.events",
                "tension.v2.canonical-events", "tension.v2.indicators", "tension.v2.alerts", "tension.v2.settled-alerts",
                "tension.v2.dead-letter"));
        assertThat(v2.applicationIdPrefix("tension-watch")).isEqualTo("tension-watch-v2");
    }

    @Test
    void shouldPutTheLabelBeforeTheLastPartOfACustomTopicName() {
        Derivation d = Derivation.of("2026-11");

        assertThat(d.topic("acme.prod.indicators")).isEqualTo("acme.prod.2026-11.indicators");
        assertThat(d.topic("indicators")).isEqualTo("2026-11.indicators");
    }

    @Test
    void shouldRefuseALabelThatCannotNameTopicsClearly() {
        assertThatThrownBy(() -> Derivation.of("V2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case").hasMessageContaining("'V2'");
        assertThatThrownBy(() -> Derivation.of("v2.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Derivation.of("-v2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Derivation.of("x".repeat(33))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Derivation("current")).isInstanceOf(IllegalArgumentException.class);
    }
}
