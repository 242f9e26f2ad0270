package org.tensionwatch.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ActorGroupsTest {

    private final ActorGroups groups = ActorGroups.defaults();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
        "peacekeepers; peacekeepers",
        "KFOR soldiers; peacekeepers",
        "NATO troops; peacekeepers",
        "Nato-led peacekeeping force; peacekeepers",
        "a peacekeeper; peacekeepers",
        "police; police",
        "police officers; police",
        "riot police; police",
        "Kosovo policemen; police",
        "local police; police",
        "protesters; protesters",
        "demonstrators; protesters",
        "ethnic Serb protesters; protesters",
        "soldiers; soldiers",
        "Serbian army; soldiers",
        "Serb mayors; mayor",
        "ethnic Serbs; serb",
        "local officials; official",
        "people; unknown",
        "at least 20 people; unknown",
        "'   '; unknown",
        "NULL; unknown"})
    void shouldNormalizeActorStringsIntoMatchingKeys(String actor, String key) {
        assertThat(groups.keyOf(actor)).isEqualTo(key);
    }

    @Test
    void shouldLetAnAddedGroupTakePrecedence() {
        ActorGroups withCarabinieri = groups.withGroup("police", "carabinieri");

        assertThat(withCarabinieri.keyOf("Italian carabinieri")).isEqualTo("police");
        assertThat(groups.keyOf("Italian carabinieri")).isEqualTo("carabinieri");
    }
}
