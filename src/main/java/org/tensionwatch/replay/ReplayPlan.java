package org.tensionwatch.replay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

/**
 * The articles of an archive that a replay publishes, in the order it publishes them: by publication time (then id),
 * between {@code from} and {@code to} inclusive (UTC days; either may be null). The digest identifies the plan, so a
 * checkpoint written for one plan is never applied to another.
 */
public record ReplayPlan(List<ArchiveEntry> entries, LocalDate from, LocalDate to, String digest) {

    public static ReplayPlan of(List<ArchiveEntry> scanned, LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        List<ArchiveEntry> entries = scanned.stream()
                .filter(e -> within(e, from, to))
                .sorted(ArchiveEntry.REPLAY_ORDER)
                .toList();
        return new ReplayPlan(entries, from, to, digest(entries));
    }

    public int size() {
        return entries.size();
    }

    private static boolean within(ArchiveEntry e, LocalDate from, LocalDate to) {
        LocalDate day = LocalDate.ofInstant(e.publishedAt(), ZoneOffset.UTC);
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    private static String digest(List<ArchiveEntry> entries) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (ArchiveEntry e : entries) {
                sha.update(e.articleId().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
