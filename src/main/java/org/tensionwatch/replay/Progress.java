package org.tensionwatch.replay;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Shows how a replay is going: on a terminal a bar redrawn in place, otherwise a plain line every few seconds that a
 * log collector can keep. Both show done/total, the rate since this run started, and the time left at that rate.
 */
public final class Progress {

    /** How progress is shown. */
    public enum Style { BAR, LINES, NONE }

    private static final int BAR_WIDTH = 30;
    private final PrintStream out;
    private final Style style;
    private final Clock clock;
    private final Duration every;
    private final int total;
    private final int startedWith;
    private final Instant startedAt;
    private Instant lastShown;
    private int lastShownDone = -1;

    public Progress(PrintStream out, Style style, Clock clock, Duration every, int total, int startedWith) {
        this.out = out;
        this.style = style;
        this.clock = clock;
        this.every = every;
        this.total = total;
        this.startedWith = startedWith;
        this.startedAt = clock.instant();
        this.lastShown = startedAt;
    }

    /** Shows {@code done} articles of the plan if it is time to (the bar a few times a second, lines less often). */
    public void update(int done) {
        Instant now = clock.instant();
        Duration gap = style == Style.BAR ? Duration.ofMillis(200) : every;
        if (style == Style.NONE || Duration.between(lastShown, now).compareTo(gap) < 0) {
            return;
        }
        lastShown = now;
        show(done, now, false);
    }

    /** Shows the final state, unless it is already on screen. */
    public void finish(int done) {
        if (style == Style.NONE) {
            return;
        }
        if (done != lastShownDone) {
            show(done, clock.instant(), true);
        } else if (style == Style.BAR) {
            out.println();
        }
    }

    /** The text shown for {@code done} articles at {@code now}. */
    String line(int done, Instant now) {
        double seconds = Math.max(Duration.between(startedAt, now).toMillis(), 1) / 1000.0;
        double rate = (done - startedWith) / seconds;
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        String eta = rate > 0 && done < total ? clockTime((long) Math.ceil((total - done) / rate)) : "-";
        String counts = String.format(Locale.ROOT, "%,d/%,d articles (%d%%), %,.0f/s, elapsed %s, ETA %s",
                done, total, percent, rate, clockTime((long) seconds), eta);
        if (style != Style.BAR) {
            return "replay: " + counts;
        }
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
        return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + counts;
    }

    private void show(int done, Instant now, boolean last) {
        lastShownDone = done;
        String text = line(done, now);
        if (style == Style.BAR) {
            out.print("\r" + text + (last ? System.lineSeparator() : ""));
        } else {
            out.println(text);
        }
        out.flush();
    }

    static String clockTime(long seconds) {
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
