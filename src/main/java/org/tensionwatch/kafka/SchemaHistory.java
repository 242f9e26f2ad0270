package org.tensionwatch.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Earlier versions of the project's Avro schemas, kept as {@code schemas/history/NAME-vN.avsc} and
 * packaged on the classpath, so that messages written before a schema change stay readable.
 */
public final class SchemaHistory {

    private SchemaHistory() {
    }

    /** Every earlier version of the named record's schema, oldest first; empty when it never changed. */
    public static List<Schema> olderVersionsOf(String recordName) {
        List<Schema> schemas = new ArrayList<>();
        for (int version = 1; ; version++) {
            String resource = "schemas/history/" + recordName + "-v" + version + ".avsc";
            try (InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    return schemas;
                }
                schemas.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }
}
