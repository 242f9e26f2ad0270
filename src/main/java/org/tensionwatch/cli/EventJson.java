package org.tensionwatch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensionwatch.domain.ExtractedEvent;

/** Writes an extracted event as one line of the JSON Lines format the scorer and the gold files share. */
final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    static Map<String, Object> fields(String article, ExtractedEvent e, String extractor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("article", article);
        m.put("type", e.type().name());
        m.put("count", e.count());
        m.put("qualifier", e.qualifier() == null ? null : e.qualifier().jsonName());
        m.put("level", e.level() == null ? null : e.level().jsonName());
        m.put("who", e.actor());
        m.put("where", e.location());
        m.put("country", e.countryCode());
        m.put("when", e.occurredOn() == null ? null : e.occurredOn().toString());
        m.put("earliest", e.occurredWithin() == null ? null : e.occurredWithin().earliest().toString());
        m.put("latest", e.occurredWithin() == null ? null : e.occurredWithin().latest().toString());
        m.put("evidence", e.evidence());
        m.put("confidence", Math.round(e.confidence() * 100) / 100.0);
        m.put("plover_type", e.plover().ploverType());
        m.put("plover_mode", e.plover().ploverMode());
        m.put("cameo", e.plover().cameoRoot());
        m.put("extractor", extractor);
        return m;
    }

    static String line(String article, ExtractedEvent e, String extractor) {
        try {
            return MAPPER.writeValueAsString(fields(article, e, extractor));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write event as JSON", ex);
        }
    }
}
