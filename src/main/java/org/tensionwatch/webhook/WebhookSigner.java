package org.tensionwatch.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies the way Stripe and GitHub do: {@code sha256=} followed by the lower-case hex
 * HMAC-SHA256, keyed with the shared secret, of {@code "<timestamp>.<body>"}, where the timestamp
 * is the unix time in seconds sent in {@code X-TensionWatch-Timestamp}. Signing the timestamp with
 * the body lets a receiver reject a captured request replayed later.
 */
public final class WebhookSigner {

    public static final String TIMESTAMP_HEADER = "X-TensionWatch-Timestamp";
    public static final String SIGNATURE_HEADER = "X-TensionWatch-Signature";
    public static final String DELIVERY_HEADER = "X-TensionWatch-Delivery";
    static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public WebhookSigner(String secret) {
        Objects.requireNonNull(secret, "secret == null");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the webhook secret is empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The value of {@code X-TensionWatch-Signature} for a body sent at {@code timestamp} (unix seconds). */
    public String sign(long timestamp, byte[] body) {
        Mac mac = mac();
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        mac.update(body);
        return PREFIX + HexFormat.of().formatHex(mac.doFinal());
    }

    /**
     * What a receiver does: the signature matches (compared in constant time) and the timestamp is
     * no further than {@code tolerance} from {@code now}.
     */
    public boolean verify(String timestampHeader, String signatureHeader, byte[] body, Instant now, Duration tolerance) {
        if (timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.US_ASCII));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
