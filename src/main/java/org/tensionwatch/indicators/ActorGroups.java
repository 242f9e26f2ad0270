package org.tensionwatch.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Normalizes actor and victim-group strings into matching keys, so that "KFOR soldiers", "NATO troops" and
 * "peacekeepers" all become {@code peacekeepers}.
 *
 * <p>The string is lower-cased, punctuation and hyphens become spaces, articles, quantifiers and adjectives such as
 * "ethnic" are dropped, and each word is made singular. The first synonym group (in order) one of whose phrases occurs
 * in the words gives the key; otherwise the key is the head noun, the last word ("Serb mayors" -> {@code mayor}).
 * Generic nouns ("people", "persons") and null or blank strings give {@link #UNKNOWN}. Keying on the head noun means
 * that "Serb protesters" and "Albanian protesters" share a key: outlets vary adjectives far more often than two groups
 * of the same kind suffer the same thing in one region on one day.
 */
public final class ActorGroups {

    /** The key of an actor that the report does not name. */
    public static final String UNKNOWN = "unknown";

    private static final Set<String> NOISE = Set.of(
            "the", "a", "an", "of", "and", "ethnic", "local", "some", "several", "many", "other", "few", "at", "least",
            "more", "than", "about", "nearly", "around", "almost", "over", "up", "to", "dozens", "dozen", "hundreds", "hundred",
            "thousands", "thousand", "scores", "numerous", "unidentified", "unnamed");

    private static final Set<String> GENERIC = Set.of(
            "people", "person", "individual", "someone", "unknown", "victim", "casualty", "other");

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Distinct actor strings are few (outlets reuse wordings), and the merger asks for every report on every merge. */
    private static final int MAX_CACHED_KEYS = 10_000;

    private static final ActorGroups DEFAULTS = new ActorGroups(defaultGroups());

    private final Map<String, List<List<String>>> groups;
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final Map<String, String> clusterKeys = new ConcurrentHashMap<>();
    /** Groups that are part of a larger one, for matching: the same people are reported under either. */
    private static final Map<String, String> PARENTS = Map.of("peacekeepers", "soldiers");

    private ActorGroups(Map<String, List<List<String>>> groups) {
        this.groups = groups;
    }

    /** Synonym groups for peacekeepers, police, protesters, soldiers, journalists and civilians, in that order. */
    public static ActorGroups defaults() {
        return DEFAULTS;
    }

    /** These groups plus one that takes precedence over them, e.g. {@code withGroup("police", "carabinieri")}. */
    public ActorGroups withGroup(String key, String... phrases) {
        Objects.requireNonNull(key, "key == null");
        Map<String, List<List<String>>> copy = new LinkedHashMap<>();
        copy.put(key, Arrays.stream(phrases).map(ActorGroups::words).toList());
        groups.forEach(copy::putIfAbsent);
        return new ActorGroups(Collections.unmodifiableMap(copy));
    }

    /** The matching key of an actor string; {@link #UNKNOWN} for {@code null}, blank or generic ones. */
    public String keyOf(String actor) {
        if (actor == null) {
            return UNKNOWN;
        }
        String key = keys.get(actor);
        if (key == null) {
            key = computeKeyOf(actor);
            if (keys.size() >= MAX_CACHED_KEYS) {
                keys.clear();
            }
            keys.put(actor, key);
        }
        return key;
    }

    /**
     * The group a report is matched under, a coarser key than {@link #keyOf}: peacekeepers are soldiers (outlets call
     * the same KFOR troops both), and a group named only by a proper noun ("Serbs", "Rangers", "Oli") says who they
     * are, not what happened to whom, so it is {@link #UNKNOWN} and may be any group of the occurrence.
     */
    public String clusterKeyOf(String actor) {
        if (actor == null) {
            return UNKNOWN;
        }
        String key = clusterKeys.get(actor);
        if (key == null) {
            key = keyOf(actor);
            if (PARENTS.containsKey(key)) {
                key = PARENTS.get(key);
            } else if (!key.equals(UNKNOWN) && !groups.containsKey(key) && properHead(actor)) {
                key = UNKNOWN;
            }
            if (clusterKeys.size() >= MAX_CACHED_KEYS) {
                clusterKeys.clear();
            }
            clusterKeys.put(actor, key);
        }
        return key;
    }

    private static boolean properHead(String actor) {
        String[] words = NOT_A_WORD.split(actor.strip());
        String head = words.length == 0 ? "" : words[words.length - 1];
        return !head.isEmpty() && Character.isUpperCase(head.charAt(0));
    }

    private String computeKeyOf(String actor) {
        List<String> words = words(actor);
        if (words.isEmpty()) {
            return UNKNOWN;
        }
        for (Map.Entry<String, List<List<String>>> group : groups.entrySet()) {
            for (List<String> phrase : group.getValue()) {
                if (!phrase.isEmpty() && Collections.indexOfSubList(words, phrase) >= 0) {
                    return group.getKey();
                }
            }
        }
        String head = words.get(words.size() - 1);
        return GENERIC.contains(head) ? UNKNOWN : head;
    }

    private static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        String cleaned = NOT_A_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        List<String> words = new ArrayList<>();
        for (String word : cleaned.split(" ")) {
            if (!word.isEmpty() && !NOISE.contains(word) && !word.chars().allMatch(Character::isDigit)) {
                words.add(singular(word));
            }
        }
        return words;
    }

    static String singular(String word) {
        if (word.length() <= 3 || word.endsWith("ss") || word.endsWith("us")) {
            return word;
        }
        if (word.endsWith("men")) {
            return word.substring(0, word.length() - 3) + "man";
        }
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("ches") || word.endsWith("shes") || word.endsWith("sses") || word.endsWith("xes")) {
            return word.substring(0, word.length() - 2);
        }
        return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }

    private static Map<String, List<List<String>>> defaultGroups() {
        Map<String, List<List<String>>> groups = new LinkedHashMap<>();
        // peacekeepers first: "KFOR soldiers" and "NATO troops" are peacekeepers before they are soldiers
        put(groups, "peacekeepers", "peacekeeper", "peacekeeping", "kfor", "nato", "unmik", "unifil", "blue helmet",
                "un troop", "un soldier");
        // police before soldiers: "military police" are police
        put(groups, "police", "police", "policeman", "policewoman", "police officer", "gendarme", "gendarmerie",
                "law enforcement", "officer", "cop");
        put(groups, "protesters", "protester", "protestor", "demonstrator", "rioter", "marcher", "crowd");
        put(groups, "soldiers", "soldier", "troop", "serviceman", "servicemember", "army", "military", "armed force");
        put(groups, "journalists", "journalist", "reporter", "cameraman", "photographer", "press");
        put(groups, "civilians", "civilian", "resident", "villager", "locals", "passerby", "bystander");
        return Collections.unmodifiableMap(groups);
    }

    private static void put(Map<String, List<List<String>>> groups, String key, String... phrases) {
        groups.put(key, Arrays.stream(phrases).map(ActorGroups::words).toList());
    }
}
