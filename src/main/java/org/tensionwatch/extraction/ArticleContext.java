package org.tensionwatch.extraction;

import java.time.LocalDate;

/**
 * What the analysis of one sentence needs to know about the whole article.
 *
 * @param published the publication day, against which dates resolve
 * @param defaultCountry the country the article is mostly about, for events whose sentence names no place; may be null
 */
public record ArticleContext(LocalDate published, String defaultCountry) {
}
