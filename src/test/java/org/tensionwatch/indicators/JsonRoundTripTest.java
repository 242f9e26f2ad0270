package org.tensionwatch.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.Qualifier;

class JsonRoundTripTest {

    /** Both date styles: ISO strings (as Quarkus configures Jackson) and Jackson's numeric default. */
    static Stream<ObjectMapper> mappers() {
        return Stream.of(
                new ObjectMapper().registerModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS),
                new ObjectMapper().registerModule(new JavaTimeModule()));
    }

    private static CanonicalEvent injuries() {
        List<CanonicalEvent> events = List.of();
        for (EventReport report : List.of(
                Reports.injury("a1").source("Agency A").exactly(30).build(),
                Reports.injury("a2").source("Agency B").count(25, Qualifier.ABOUT).actor(null).build(),
                Reports.injury("a3").undatedPublishedOn("2023-05-30").count(12, Qualifier.VAGUE).build())) {
            events = CanonicalEventMerger.withDefaults().merge(events, report).events();
        }
        return events.get(0);
    }

    private static <T> T roundTrip(ObjectMapper mapper, T value, Class<T> type) throws Exception {
        return mapper.readValue(mapper.writeValueAsString(value), type);
    }

    @ParameterizedTest
    @MethodSource("mappers")
    void shouldRoundTripAnEventReport(ObjectMapper mapper) throws Exception {
        EventReport report = Reports.of(EventType.MILITARY_ALERT, "a1").level(AlertLevel.HIGHEST).build();

        assertThat(roundTrip(mapper, report, EventReport.class)).isEqualTo(report);
    }

    @ParameterizedTest
    @MethodSource("mappers")
    void shouldRoundTripACanonicalEventWithItsReports(ObjectMapper mapper) throws Exception {
        CanonicalEvent event = injuries();

        assertThat(roundTrip(mapper, event, CanonicalEvent.class)).isEqualTo(event);
        assertThat(mapper.writeValueAsString(event)).doesNotContain("magnitude");
    }

    @ParameterizedTest
    @MethodSource("mappers")
    void shouldRoundTripDailyIndicatorsIncludingTheEmptyRow(ObjectMapper mapper) throws Exception {
        DailyIndicators row = DailyIndicatorsAggregator.add(Rows.clashDay("2023-05-29", 30), injuriesOfOtherGroup());

        assertThat(roundTrip(mapper, row, DailyIndicators.class)).isEqualTo(row);
        assertThat(roundTrip(mapper, DailyIndicators.empty(), DailyIndicators.class))
                .isEqualTo(DailyIndicators.empty());
    }

    @ParameterizedTest
    @MethodSource("mappers")
    void shouldRoundTripWindowsAndTheIndex(ObjectMapper mapper) throws Exception {
        List<DailyIndicators> rows = List.of(Rows.clashDay("2023-05-29", 30));
        WindowIndicators week = RollingWindow.of("XK", rows).endingOn(LocalDate.parse("2023-05-30"), RollingPeriod.P7D);
        DailyIndex index = TensionIndex.withDefaults()
                .compute(rows, LocalDate.parse("2023-05-29"), LocalDate.parse("2023-05-29")).get(0);

        assertThat(roundTrip(mapper, week, WindowIndicators.class)).isEqualTo(week);
        assertThat(roundTrip(mapper, index, DailyIndex.class)).isEqualTo(index);
    }

    private static CanonicalEvent injuriesOfOtherGroup() {
        return CanonicalEventMerger.withDefaults()
                .merge(List.of(), Reports.injury("z1").actor("journalists").exactly(2).build())
                .events().get(0);
    }
}
