package org.tensionwatch.replay;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * How far a replay got: the number of articles of its plan that the broker has acknowledged. Written atomically
 * (a temporary file moved over the old one) after every flush, so an interrupted replay resumes after the last
 * acknowledged article.
 */
public final class Checkpoint {

    private final Path file;

    public Checkpoint(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * The number of articles already published for this plan: 0 with no checkpoint; an
     * {@link IllegalStateException} when the checkpoint belongs to another plan (the archive or the dates changed).
     */
    public int publishedSoFar(ReplayPlan plan) {
        if (!Files.exists(file)) {
            return 0;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file, e);
        }
        String digest = p.getProperty("plan.digest");
        if (!plan.digest().equals(digest)) {
            throw new IllegalStateException("checkpoint " + file + " was written for another archive or date range "
                    + "(plan " + digest + ", now " + plan.digest() + "); use --restart to replay from the start");
        }
        int published;
        try {
            published = Integer.parseInt(p.getProperty("published", ""));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("checkpoint " + file + " has no valid 'published' count", e);
        }
        if (published < 0 || published > plan.size()) {
            throw new IllegalStateException("checkpoint " + file + " says " + published + " of " + plan.size() + " published");
        }
        return published;
    }

    /** Records that the first {@code published} articles of the plan are on the broker. */
    public void save(ReplayPlan plan, int published) {
        Properties p = new Properties();
        p.setProperty("plan.digest", plan.digest());
        p.setProperty("plan.size", String.valueOf(plan.size()));
        p.setProperty("published", String.valueOf(published));
        if (published > 0) {
            p.setProperty("last.article", plan.entries().get(published - 1).articleId());
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".checkpoint", ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "tension-watch replay checkpoint");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete checkpoint " + file, e);
        }
    }
}
