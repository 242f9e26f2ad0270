package org.tensionwatch.domain;

/** The kinds of occurrence Tension Watch extracts from news, as defined in the project's ontology. */
public enum EventType {
    PROTEST,
    CLASH,
    INJURY,
    FATALITY,
    ARREST,
    RESIGNATION,
    DISMISSAL,
    MILITARY_ALERT,
    DEPLOYMENT,
    APPEAL,
    CONDEMNATION
}
