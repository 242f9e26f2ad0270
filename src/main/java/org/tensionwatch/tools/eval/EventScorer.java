package org.tensionwatch.tools.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * Scores predicted events against gold annotations exactly as the project's reference scorer
 * {@code score_events.py} does: article-level type sets, (type, count) pair sets, and a greedy one-to-one
 * event matching that first pairs gold events with a count to predictions of the same type and count, then
 * gold events without a count to any remaining prediction of the same type; {@code placed} matches the same
 * way where an event must also have the gold's country and, where the gold has a day, a day within one of it.
 */
public final class EventScorer {

    /**
     * Scores predictions; predictions for articles absent from the gold are ignored, as in the reference.
     *
     * @param gold gold events by article file name, in the reference's order (sorted by gold file name)
     * @param predictions predicted events in file order
     */
    public ScoreResult score(Map<String, List<ScoredEvent>> gold, List<ScoredEvent> predictions) {
        return score(gold, predictions, Map.of());
    }

    /**
     * Scores predictions as above; a prediction without a day is read as its article's publication day.
     *
     * @param published publication days by article file name
     */
    public ScoreResult score(Map<String, List<ScoredEvent>> gold, List<ScoredEvent> predictions,
            Map<String, LocalDate> published) {
        Map<String, List<ScoredEvent>> preds = new LinkedHashMap<>();
        int predictedEvents = 0;
        for (ScoredEvent p : predictions) {
            if (gold.containsKey(p.article())) {
                ScoredEvent dated = p.when() == null ? p.onDay(published.get(p.article())) : p;
                preds.computeIfAbsent(p.article(), k -> new ArrayList<>()).add(dated);
                predictedEvents++;
            }
        }
        int[] type = new int[3];
        int[] count = new int[3];
        int[] ev = new int[3];
        int[] placed = new int[3];
        int[] when = new int[2];
        int[] country = new int[2];
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
            List<ScoredEvent[]> pairs = match(g, p, (ge, pe) -> true);
            add(ev, pairs.size(), p.size(), g.size());
            for (ScoredEvent[] pair : pairs) {
                if (pair[0].when() != null) {
                    when[0]++;
                    when[1] += pair[0].when().equals(pair[1].when()) ? 1 : 0;
                }
                if (pair[0].country() != null) {
                    country[0]++;
                    country[1] += pair[0].country().equals(pair[1].country()) ? 1 : 0;
                }
            }
            add(placed, match(g, p, EventScorer::placed).size(), p.size(), g.size());
        }
        Map<String, Prf> byType = new TreeMap<>();
        perType.forEach((t, c) -> byType.put(t, new Prf(c[0], c[1], c[2])));
        return new ScoreResult(gold.size(), predictedEvents, prf(type), prf(count), prf(ev), prf(placed),
                new ScoreResult.Accuracy(when[1], when[0]), new ScoreResult.Accuracy(country[1], country[0]), byType);
    }

    /** Right about where and when: the gold's country, and a day within one of the gold's. */
    static boolean placed(ScoredEvent gold, ScoredEvent predicted) {
        if (gold.country() != null && !gold.country().equals(predicted.country())) {
            return false;
        }
        if (gold.when() == null) {
            return true;
        }
        return predicted.when() != null && Math.abs(gold.when().toEpochDay() - predicted.when().toEpochDay()) <= 1;
    }

    /**
     * The reference's matching: exact counts first, then null-count gold, each gold taking the first free prediction
     * that also passes {@code ok}; the pairs as (gold, prediction).
     */
    static List<ScoredEvent[]> match(List<ScoredEvent> gold, List<ScoredEvent> pred,
            BiPredicate<ScoredEvent, ScoredEvent> ok) {
        boolean[] used = new boolean[pred.size()];
        boolean[] matchedGold = new boolean[gold.size()];
        List<ScoredEvent[]> matched = new ArrayList<>();
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
                    if ((g.count() == null || Objects.equals(p.count(), g.count())) && ok.test(g, p)) {
                        used[i] = true;
                        matchedGold[gi] = true;
                        matched.add(new ScoredEvent[] {g, p});
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
