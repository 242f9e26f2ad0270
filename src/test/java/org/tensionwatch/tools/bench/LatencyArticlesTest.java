package org.tensionwatch.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.ArticleText;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.ExtractedEvent;
import org.tensionwatch.extraction.RuleBasedExtractor;

/** The latency benchmark's articles: the background raises nothing, each alert article a fatality in its own region. */
class LatencyArticlesTest {

    private final RuleBasedExtractor extractor = new RuleBasedExtractor();
    private final LatencyArticles articles = LatencyArticles.of(extractor, 8, "test");

    @Test
    void enoughRegionsForTheDefaultRunEachOnce() {
        assertThat(articles.alertRegions()).isGreaterThanOrEqualTo(100);
        Set<String> regions = new HashSet<>();
        articles.backgroundPlaces().forEach(p -> regions.add(p.region()));
        for (int n = 0; n < articles.alertRegions(); n++) {
            assertThat(regions.add(articles.alert(n, Instant.now()).region())).as("alert region %d new", n).isTrue();
        }
    }

    @Test
    void backgroundArticlesYieldOnlyQuietEventsAndAreEachUnique() {
        Instant now = Instant.parse("2026-12-04T10:00:00Z");
        Set<String> urls = new HashSet<>();
        for (int n = 0; n < 40; n++) {
            LatencyArticles.Article a = articles.background(n, now);
            assertThat(urls.add(a.url())).isTrue();
            for (ExtractedEvent e : extract(a)) {
                assertThat(e.type()).isIn(EventType.PROTEST, EventType.APPEAL);
                assertThat(e.countryCode()).isEqualTo(a.region());
            }
        }
    }

    @Test
    void alertArticlesReportDeathsInTheirRegion() {
        Instant now = Instant.parse("2026-12-04T10:00:00Z");
        for (int n = 0; n < 10; n++) {
            LatencyArticles.Article a = articles.alert(n, now);
            assertThat(extract(a)).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo(EventType.FATALITY);
                assertThat(e.countryCode()).isEqualTo(a.region());
                assertThat(e.count()).isBetween(2L, 4L);
            });
        }
    }

    @Test
    void nearestRankPercentiles() {
        List<Double> sorted = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
        assertThat(LatencyBenchmark.percentile(sorted, 50)).isEqualTo(5.0);
        assertThat(LatencyBenchmark.percentile(sorted, 95)).isEqualTo(10.0);
        assertThat(LatencyBenchmark.percentile(sorted, 99)).isEqualTo(10.0);
        assertThat(LatencyBenchmark.percentile(List.of(3.0), 99)).isEqualTo(3.0);
    }

    private List<ExtractedEvent> extract(LatencyArticles.Article a) {
        return extractor.extract(new ArticleText(a.title(), a.body(), LocalDate.of(2026, 12, 4)));
    }
}
