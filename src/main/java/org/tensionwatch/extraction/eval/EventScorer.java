package org.tensionwatch.extraction.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores predicted events against gold annotations exactly as the project's reference scorer
 * {@code score_events.py} does: article-level type sets, (type, count) pair sets, and a greedy one-to-one
 * event matching that first pairs gold events with a count to predictions of the same type and count, then
 * gold events without a count to any remaining prediction of the same type.
 */
public final class EventScorer {

    /**
     * Scores predictions; predictions for articles absent from the gold are ignored, as in the reference.
     *
     * @param gold gold events by article file name, in the reference's order (sorted by gold file name)
     * @param predictions predicted events in file order
     */
    public ScoreResult score(Map<String, List<ScoredEvent>> gold, List<ScoredEvent> predictions) {
        Map<String, List<ScoredEvent>> preds = new LinkedHashMap<>();
        int predictedEvents = 0;
        for (ScoredEvent p : predictions) {
            if (gold.containsKey(p.article())) {
                preds.computeIfAbsent(p.article(), k -> new ArrayList<>()).add(p);
                predictedEvents++;
            }
        }
        int[] type = new int[3];
        int[] count = new int[3];
        int[] ev = new int[3];
        Map<String, int[]> perType = new TreeMap<>();
        for (Map.Entry<String, List<ScoredEvent>> entry : gold.entrySet()) {
            List<ScoredEvent> g = entry.getValue();
            List<ScoredEvent> p = preds.getOrDefault(entry.getKey(), List.of());
            Set<String> gt = types(g);
            Set<String> pt = types(p);
            Set<String> both = new HashSet<>(gt);
            both.retainAll(pt);
            add(type, both.size(), pt.size(), gt.size());
            Set<String> union = new HashSet<>(gt);
            union.addAll(pt);
            for (String t : union) {
                int[] c = perType.computeIfAbsent(t, k -> new int[3]);
                c[0] += gt.contains(t) && pt.contains(t) ? 1 : 0;
                c[1] += pt.contains(t) ? 1 : 0;
                c[2] += gt.contains(t) ? 1 : 0;
            }
            Set<List<Object>> gc = pairs(g);
            Set<List<Object>> pc = pairs(p);
            Set<List<Object>> pairBoth = new HashSet<>(gc);
            pairBoth.retainAll(pc);
            add(count, pairBoth.size(), pc.size(), gc.size());
            add(ev, match(g, p), p.size(), g.size());
        }
        Map<String, Prf> byType = new TreeMap<>();
        perType.forEach((t, c) -> byType.put(t, new Prf(c[0], c[1], c[2])));
        return new ScoreResult(gold.size(), predictedEvents, prf(type), prf(count), prf(ev), byType);
    }

    /** The reference's matching: exact counts first, then null-count gold, each gold taking the first free prediction. */
    static int match(List<ScoredEvent> gold, List<ScoredEvent> pred) {
        boolean[] used = new boolean[pred.size()];
        boolean[] matchedGold = new boolean[gold.size()];
        int matched = 0;
        for (boolean strict : new boolean[] {true, false}) {
            for (int gi = 0; gi < gold.size(); gi++) {
                if (matchedGold[gi]) {
                    continue;
                }
                ScoredEvent g = gold.get(gi);
                if (strict && g.count() == null) {
                    continue;
                }
                for (int i = 0; i < pred.size(); i++) {
                    ScoredEvent p = pred.get(i);
                    if (used[i] || !p.type().equals(g.type())) {
                        continue;
                    }
                    if (g.count() == null || Objects.equals(p.count(), g.count())) {
                        used[i] = true;
                        matchedGold[gi] = true;
                        matched++;
                        break;
                    }
                }
            }
        }
        return matched;
    }

    private static Set<String> types(List<ScoredEvent> events) {
        Set<String> out = new HashSet<>();
        for (ScoredEvent e : events) {
            out.add(e.type());
        }
        return out;
    }

    private static Set<List<Object>> pairs(List<ScoredEvent> events) {
        Set<List<Object>> out = new HashSet<>();
        for (ScoredEvent e : events) {
            if (e.count() != null) {
                out.add(List.of(e.type(), e.count()));
            }
        }
        return out;
    }

    private static void add(int[] acc, int tp, int p, int g) {
        acc[0] += tp;
        acc[1] += p;
        acc[2] += g;
    }

    private static Prf prf(int[] acc) {
        return new Prf(acc[0], acc[1], acc[2]);
    }
}
