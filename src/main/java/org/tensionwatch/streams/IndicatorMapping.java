package org.tensionwatch.streams;

import org.tensionwatch.avro.MilitaryAlertLevel;
import org.tensionwatch.avro.RegionIndicators;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.indicators.IndicatorCounts;

/** Maps a day's indicators to the Avro record on the indicators topic. */
final class IndicatorMapping {

    private IndicatorMapping() {
    }

    static RegionIndicators toAvro(String regionDayKey, DailyIndicators row) {
        IndicatorCounts c = row.counts();
        AlertLevel level = row.highestAlertLevel();
        return RegionIndicators.newBuilder()
                .setRegion(RegionDay.region(regionDayKey))
                .setWindowStart(RegionDay.day(regionDayKey))
                .setWindowEnd(RegionDay.day(regionDayKey))
                .setInjuries(c.injuries())
                .setFatalities(c.fatalities())
                .setArrests(c.arrests())
                .setResignations(c.resignations())
                .setDismissals(c.dismissals())
                .setProtests(c.protests())
                .setProtestParticipants(c.protestParticipants())
                .setClashes(c.clashes())
                .setDeployments(c.deployments())
                .setAppeals(c.appeals())
                .setCondemnations(c.condemnations())
                .setAlertLevel(level == null ? null : MilitaryAlertLevel.valueOf(level.name()))
                .setEvents(c.events())
                .setReports(c.reports())
                .setSources(row.distinctSources())
                .setTensionIndex(null)
                .build();
    }
}
