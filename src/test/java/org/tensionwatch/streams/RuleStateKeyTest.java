package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rule states are keyed ruleId|REGION and settled|ruleId|REGION, as stored by existing deployments. */
class RuleStateKeyTest {

    @Test
    void shouldEncodeAsTheStoreHoldsIt() {
        assertThat(new RuleStateKey(false, "injuries-spike", "XK").encode()).isEqualTo("injuries-spike|XK");
        assertThat(new RuleStateKey(true, "injuries-spike", "XK").encode()).isEqualTo("settled|injuries-spike|XK");
    }

    @Test
    void shouldRoundTrip() {
        for (RuleStateKey key : new RuleStateKey[] {new RuleStateKey(false, "injuries-spike", "GB-NIR"),
                new RuleStateKey(true, "injuries-spike", "GB-NIR"), new RuleStateKey(false, "settled", "XK"),
                new RuleStateKey(true, "settled", "XK")}) {
            assertThat(RuleStateKey.parse(key.encode())).isEqualTo(key);
        }
    }
}
