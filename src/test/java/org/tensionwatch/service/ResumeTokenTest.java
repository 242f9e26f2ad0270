package org.tensionwatch.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResumeTokenTest {

    @Test
    void shouldWriteEveryPartitionInOrderAndReadItBack() {
        ResumeToken token = new ResumeToken(Map.of(2, 9L, 0, 15L, 1, 3L));
        assertThat(token.toString()).isEqualTo("0-15.1-3.2-9");
        assertThat(ResumeToken.parse("0-15.1-3.2-9")).isEqualTo(token);
        assertThat(ResumeToken.parse(" 0-0 ").nextOffsets()).containsExactly(Map.entry(0, 0L));
    }

    @Test
    void shouldRefuseWhatIsNotATokenWithAMessageThatShowsTheForm() {
        for (String bad : new String[] {"", "abc", "0-", "-1", "0-1.", "0-1..1-2", "0:1", "0-1,1-2", "0--1", "0-99999999999999999999"}) {
            assertThatThrownBy(() -> ResumeToken.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0-15.1-3.2-9");
        }
        assertThatThrownBy(() -> ResumeToken.parse("0-1.0-2")).hasMessageContaining("partition 0 twice");
        assertThatThrownBy(() -> ResumeToken.parse("0-1".repeat(2000))).hasMessageContaining("not a resume token");
    }
}
