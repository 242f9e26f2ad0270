package org.tensionwatch.ingest;

/** An article refused because it is not in English, the only language the extractor reads. */
public final class NotEnglishException extends IllegalArgumentException {

    private final String language;

    public NotEnglishException(String language, String message) {
        super(message);
        this.language = language;
    }

    /** The language detected, ISO 639-1 where it has a code there. */
    public String language() {
        return language;
    }
}
