package org.tensionwatch.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * API keys for scripts, kept as SHA-256 hashes: {@code tension.security.api-keys} lists entries
 * {@code NAME:ROLE+ROLE:SHA256HEX}, e.g. {@code feeder:ingest:9f86d0...}. The key itself is never stored; a request
 * shows it as {@code X-API-Key: KEY} or {@code Authorization: Bearer KEY}.
 */
public final class ApiKeys {

    /** One key: the name requests are logged and authorized as, its roles, and the SHA-256 of the key. */
    public record ApiKey(String name, Set<String> roles, byte[] sha256) {
    }

    private final List<ApiKey> keys;

    private ApiKeys(List<ApiKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * The keys of the entries.
     *
     * @throws IllegalArgumentException naming the entry that is not {@code NAME:ROLE+ROLE:SHA256HEX} with known roles
     */
    public static ApiKeys parse(List<String> entries) {
        List<ApiKey> keys = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split(":", -1);
            if (parts.length != 3 || parts[0].isBlank()) {
                throw new IllegalArgumentException("tension.security.api-keys: '" + shown(entry)
                        + "' is not NAME:ROLE+ROLE:SHA256HEX (e.g. feeder:ingest:<64 hex digits>)");
            }
            String name = parts[0].trim();
            Set<String> roles = new LinkedHashSet<>();
            for (String role : parts[1].split("\\+")) {
                String r = role.trim().toLowerCase(Locale.ROOT);
                if (!Roles.USER_ROLES.contains(r)) {
                    throw new IllegalArgumentException("tension.security.api-keys: key " + name + " has role '" + role
                            + "'; the roles are " + String.join(", ", new java.util.TreeSet<>(Roles.USER_ROLES)));
                }
                roles.add(r);
            }
            String hex = parts[2].trim().toLowerCase(Locale.ROOT);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("tension.security.api-keys: key " + name
                        + " needs the SHA-256 of the key as 64 hex digits (printf %s KEY | sha256sum), not the key");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("tension.security.api-keys: two keys are named " + name);
            }
            keys.add(new ApiKey(name, Set.copyOf(roles), HexFormat.of().parseHex(hex)));
        }
        return new ApiKeys(keys);
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public int size() {
        return keys.size();
    }

    /** The key whose hash is the SHA-256 of {@code presented}, compared in constant time; empty if none. */
    public Optional<ApiKey> match(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = sha256(presented);
        ApiKey found = null;
        for (ApiKey key : keys) {
            if (MessageDigest.isEqual(key.sha256(), hash)) {
                found = key;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The SHA-256 of a key as 64 hex digits: what {@code tension.security.api-keys} holds for it. */
    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    /** Constant-time comparison of two secrets. */
    public static boolean sameSecret(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(sha256(expected), sha256(presented));
    }

    private static String shown(String entry) {
        return entry.length() > 24 ? entry.substring(0, 24) + "..." : entry;
    }
}
