package org.tensionwatch.streams;

import org.tensionwatch.avro.MilitaryAlertLevel;
import org.tensionwatch.avro.RegionIndicators;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.indicators.Indicator;
import org.tensionwatch.indicators.IndicatorCounts;

/**
 * Maps a day's indicators to the Avro record on the indicators topic: every {@link Indicator} into the field of its
 * name (a field the schema lacks fails here), and the tension index.
 */
final class IndicatorMapping {

    private IndicatorMapping() {
    }

    /**
     * The record of a day.
     *
     * @param tensionIndex the region's index on that day, {@code null} for a day left without events
     */
    static RegionIndicators toAvro(String regionDayKey, DailyIndicators row, Double tensionIndex) {
        IndicatorCounts c = row.counts();
        RegionIndicators record = new RegionIndicators();
        record.setRegion(RegionDay.region(regionDayKey));
        record.setWindowStart(RegionDay.day(regionDayKey));
        record.setWindowEnd(RegionDay.day(regionDayKey));
        for (Indicator indicator : Indicator.all()) {
            record.put(indicator.fieldName(), value(indicator, c));
        }
        record.setTensionIndex(tensionIndex);
        return record;
    }

    /** An indicator's value as the record holds it: a long, or the alert level's Avro symbol (or null). */
    static Object value(Indicator indicator, IndicatorCounts counts) {
        if (indicator == Indicator.ALERT_LEVEL) {
            AlertLevel level = counts.highestAlertLevel();
            return level == null ? null : MilitaryAlertLevel.valueOf(level.name());
        }
        return indicator.count(counts);
    }
}
