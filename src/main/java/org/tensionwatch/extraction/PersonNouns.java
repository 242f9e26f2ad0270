package org.tensionwatch.extraction;

import java.util.Set;

/** Nouns that denote people or groups of people, the heads a casualty, arrest or crowd figure can count. */
final class PersonNouns {

    static final Set<String> PLURAL = set(
            "people", "persons", "civilians", "soldiers", "troops", "servicemen", "servicemembers", "personnel",
            "officers", "policemen", "policewomen", "police", "gendarmes", "protesters", "protestors", "demonstrators",
            "marchers", "rioters", "students", "workers", "residents", "villagers", "children", "women", "men",
            "members", "lawmakers", "legislators", "deputies", "mps", "officials", "judges", "prosecutors",
            "journalists", "reporters", "militants", "fighters", "rebels", "insurgents", "gunmen", "attackers",
            "suspects", "migrants", "refugees", "peacekeepers", "guards", "supporters", "activists", "settlers",
            "pilgrims", "worshippers", "passengers", "miners", "farmers", "teachers", "doctors", "nurses", "patients",
            "prisoners", "detainees", "inmates", "ministers", "employees", "staff", "mayors", "councillors",
            "councilors", "citizens", "nationals", "others", "individuals", "youths", "teenagers", "boys", "girls",
            "babies", "infants", "adults", "victims", "casualties", "crew", "sailors", "marines", "commandos",
            "paratroopers", "recruits", "conscripts", "volunteers", "militiamen", "jihadists", "extremists",
            "separatists", "agents", "dissidents", "bloggers", "monks", "priests", "clerics", "fans", "hooligans",
            "looters", "opponents", "critics", "representatives", "delegates", "senators", "diplomats", "employees",
            "truckers", "drivers", "pensioners", "veterans", "reservists", "contractors", "cadets", "bystanders",
            "pedestrians", "locals", "inhabitants", "families", "relatives", "friends", "officers", "agents",
            "commanders", "generals", "leaders", "members", "voters", "participants", "mourners", "tourists",
            "hostages", "captives", "wounded", "dead", "injured", "reinforcements", "shopkeepers", "traders", "merchants",
            "organisers", "organizers", "ringleaders", "demonstrators", "gardaí", "gardai", "rangers");

    static final Set<String> SINGULAR = set(
            "person", "civilian", "soldier", "serviceman", "officer", "policeman", "policewoman", "gendarme",
            "protester", "protestor", "demonstrator", "student", "worker", "resident", "villager", "child", "woman",
            "man", "member", "lawmaker", "legislator", "deputy", "mp", "official", "judge", "prosecutor",
            "journalist", "reporter", "militant", "fighter", "rebel", "insurgent", "gunman", "attacker", "suspect",
            "migrant", "refugee", "peacekeeper", "guard", "activist", "settler", "teacher", "doctor", "nurse",
            "prisoner", "detainee", "minister", "employee", "mayor", "citizen", "youth", "teenager", "boy", "girl",
            "baby", "infant", "chief", "director", "head", "commander", "general", "governor", "ambassador",
            "spokesman", "spokeswoman", "spokesperson", "secretary", "president", "premier", "leader", "editor",
            "manager", "ceo", "dissident", "blogger", "priest", "cleric", "driver", "pilot", "diplomat", "senator",
            "councillor", "councilor", "opponent", "critic", "representative", "hostage", "colonel", "captain",
            "sergeant", "lieutenant", "major", "inspector", "superintendent", "chairman", "chairwoman", "organiser",
            "organizer", "ringleader", "trader", "shopkeeper", "cameraman", "photographer", "lawyer", "businessman",
            "garda", "ranger", "rider", "teen");

    /** Office holders, the people a dismissal or resignation is about (plural forms). */
    static final Set<String> ROLES_PLURAL = set(
            "officials", "lawmakers", "legislators", "deputies", "mps", "members", "ministers", "judges",
            "prosecutors", "officers", "policemen", "mayors", "councillors", "councilors", "representatives",
            "employees", "staff", "commanders", "generals", "diplomats", "senators", "directors", "chiefs",
            "governors", "ambassadors", "workers", "delegates", "leaders", "staffers", "executives", "heads");

    private PersonNouns() {
    }

    private static Set<String> set(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    static boolean isPlural(String lowerWord) {
        return PLURAL.contains(lowerWord);
    }

    static boolean isSingular(String lowerWord) {
        return SINGULAR.contains(lowerWord);
    }
}
