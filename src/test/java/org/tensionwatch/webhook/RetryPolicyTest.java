package org.tensionwatch.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10));

    @Test
    void shouldRetryTimeoutsTooManyRequestsAndServerErrorsButNotOtherClientErrors() {
        assertThat(RetryPolicy.retryableStatus(408)).isTrue();
        assertThat(RetryPolicy.retryableStatus(429)).isTrue();
        assertThat(RetryPolicy.retryableStatus(500)).isTrue();
        assertThat(RetryPolicy.retryableStatus(503)).isTrue();
        assertThat(RetryPolicy.retryableStatus(400)).isFalse();
        assertThat(RetryPolicy.retryableStatus(401)).isFalse();
        assertThat(RetryPolicy.retryableStatus(404)).isFalse();
        assertThat(RetryPolicy.retryableStatus(410)).isFalse();
    }

    @Test
    void shouldStopAfterMaxAttempts() {
        assertThat(policy.hasAttemptAfter(4)).isTrue();
        assertThat(policy.hasAttemptAfter(5)).isFalse();
        assertThat(new RetryPolicy(1, Duration.ZERO, Duration.ZERO).hasAttemptAfter(1)).isFalse();
    }

    @Test
    void shouldDoubleTheCeilingUpToTheMaximum() {
        assertThat(policy.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.ceiling(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.ceiling(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.ceiling(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.ceiling(1000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldJitterBetweenHalfAndAllOfTheCeilingAndActuallyVary() {
        RandomGenerator random = new SplittableRandom(42);
        java.util.Set<Duration> seen = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Duration wait = policy.backoffAfter(3, Optional.empty(), random);
            assertThat(wait).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
            seen.add(wait);
        }
        assertThat(seen).hasSizeGreaterThan(100);
    }

    @Test
    void shouldHonourRetryAfterUpToTheMaximum() {
        RandomGenerator random = new SplittableRandom(1);
        assertThat(policy.backoffAfter(1, Optional.of(Duration.ofSeconds(7)), random)).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.backoffAfter(1, Optional.of(Duration.ofHours(1)), random)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldBoundTheWorstCaseOfOneStep() {
        // 5 attempts of at most 3 s, 4 waits of at most 10 s
        assertThat(policy.worstCase(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(55));
    }

    @Test
    void shouldRejectNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
