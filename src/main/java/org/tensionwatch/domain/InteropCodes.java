package org.tensionwatch.domain;

/**
 * The equivalent codes of an event in the event-data standards analysts line Tension Watch up with:
 * PLOVER event type and mode (POLECAT) and CAMEO root code (GDELT, ICEWS).
 *
 * @param ploverType e.g. "PROTEST", "ASSAULT", "MOBILIZE"
 * @param ploverMode e.g. "demonstrate", "beat", or {@code null} where PLOVER has none that fits
 * @param cameoRoot two-digit CAMEO root code, e.g. "14" for protest
 */
public record InteropCodes(String ploverType, String ploverMode, String cameoRoot) {
}
