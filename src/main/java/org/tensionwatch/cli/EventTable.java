package org.tensionwatch.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.tensionwatch.domain.ExtractedEvent;

/** Prints extracted events as a table with aligned columns, for people rather than programs. */
final class EventTable {

    private static final String[] HEADER = {"article", "type", "count", "qual", "level", "who", "where", "cc", "when",
        "conf", "evidence"};
    private static final int[] MAX = {28, 14, 7, 8, 7, 30, 24, 3, 10, 4, 70};

    private final List<String[]> rows = new ArrayList<>();

    void add(String article, ExtractedEvent e) {
        rows.add(new String[] {
            article, e.type().name(), e.count() == null ? "-" : e.count().toString(),
            e.qualifier() == null ? "-" : e.qualifier().jsonName(), e.level() == null ? "-" : e.level().jsonName(),
            orDash(e.actor()), orDash(e.location()), orDash(e.countryCode()),
            e.occurredOn() == null ? "-" : e.occurredOn().toString(), String.format("%.2f", e.confidence()),
            e.evidence()});
    }

    void print(PrintStream out) {
        int[] width = new int[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            width[i] = HEADER[i].length();
            for (String[] r : rows) {
                width[i] = Math.min(MAX[i], Math.max(width[i], r[i].length()));
            }
        }
        printRow(out, HEADER, width);
        for (String[] r : rows) {
            printRow(out, r, width);
        }
        out.println(rows.size() + " events");
    }

    private static void printRow(PrintStream out, String[] cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].replaceAll("\\s+", " ");
            if (c.length() > width[i]) {
                c = c.substring(0, width[i] - 1) + "…";
            }
            b.append(i == cells.length - 1 ? c : String.format("%-" + width[i] + "s  ", c));
        }
        out.println(b.toString().stripTrailing());
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
