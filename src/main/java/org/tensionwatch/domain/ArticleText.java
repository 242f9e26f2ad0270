package org.tensionwatch.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the extractor reads: an article's headline and body, and the day it was published, against
 * which relative dates ("on Monday", "last week") are resolved.
 */
public record ArticleText(String title, String body, LocalDate publishedOn) {
    public ArticleText {
        title = title == null ? "" : title;
        Objects.requireNonNull(body, "body == null");
        Objects.requireNonNull(publishedOn, "publishedOn == null");
    }
}
