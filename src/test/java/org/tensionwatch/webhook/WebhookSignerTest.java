package org.tensionwatch.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    private static final String SECRET = "whsec_known_answer";
    private static final byte[] BODY = "{\"id\":\"injuries-spike|XK|2026-10-01\",\"status\":\"raised\"}".getBytes(StandardCharsets.UTF_8);
    private static final long TIMESTAMP = 1_700_000_000L;
    // printf '%s' '1700000000.{"id":"injuries-spike|XK|2026-10-01","status":"raised"}' | openssl dgst -sha256 -hmac whsec_known_answer
    private static final String EXPECTED = "sha256=f031056d0e5c447718559e430bfc7c8e049f07b815a67310f994ed9a6ecb918d";

    private final WebhookSigner signer = new WebhookSigner(SECRET);

    @Test
    void shouldSignTimestampDotBodyWithHmacSha256AsOpensslDoes() {
        assertThat(signer.sign(TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void shouldVerifyAFreshSignatureAndRejectATamperedBodyAnOtherSecretAndAnOldTimestamp() {
        Instant now = Instant.ofEpochSecond(TIMESTAMP + 60);
        Duration tolerance = Duration.ofMinutes(5);
        assertThat(signer.verify(String.valueOf(TIMESTAMP), EXPECTED, BODY, now, tolerance)).isTrue();

        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("raised", "cleared").getBytes(StandardCharsets.UTF_8);
        assertThat(signer.verify(String.valueOf(TIMESTAMP), EXPECTED, tampered, now, tolerance)).isFalse();
        assertThat(new WebhookSigner("another secret").verify(String.valueOf(TIMESTAMP), EXPECTED, BODY, now, tolerance)).isFalse();
        // the same signature with the timestamp moved: the timestamp is signed too
        assertThat(signer.verify(String.valueOf(TIMESTAMP + 1), EXPECTED, BODY, now, tolerance)).isFalse();
        // a replay an hour later
        assertThat(signer.verify(String.valueOf(TIMESTAMP), EXPECTED, BODY, now.plus(Duration.ofHours(1)), tolerance)).isFalse();
        assertThat(signer.verify(null, EXPECTED, BODY, now, tolerance)).isFalse();
        assertThat(signer.verify("yesterday", EXPECTED, BODY, now, tolerance)).isFalse();
    }
}
