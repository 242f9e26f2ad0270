package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * The waiting reports' store answers like Kafka's in-memory store: the merge reads by key, and a restart reads all
 * entries in key order (each region and type's reports in offset order). Its restore from the changelog runs on a real
 * broker in {@link WaitingReportsRestartIT}.
 */
class HashBufferStoreTest {

    @Test
    void shouldGetPutAndDeleteByKeyAndListInKeyOrder() {
        KeyValueStore<Bytes, byte[]> store = open();
        for (String key : List.of("XK|INJURY|003", "RS|ARREST|001", "XK|INJURY|001", "XK|CLASH|002")) {
            store.put(bytes(key), bytes("value of " + key).get());
        }
        store.put(bytes("XK|CLASH|002"), null);
        assertThat(store.delete(bytes("RS|ARREST|001"))).isEqualTo(bytes("value of RS|ARREST|001").get());

        assertThat(store.get(bytes("XK|INJURY|003"))).isEqualTo(bytes("value of XK|INJURY|003").get());
        assertThat(store.get(bytes("XK|CLASH|002"))).isNull();
        assertThat(store.approximateNumEntries()).isEqualTo(2);
        assertThat(keys(store.all())).containsExactly("XK|INJURY|001", "XK|INJURY|003");
        assertThat(keys(store.reverseAll())).containsExactly("XK|INJURY|003", "XK|INJURY|001");
        assertThat(store.putIfAbsent(bytes("XK|INJURY|001"), bytes("other").get()))
                .isEqualTo(bytes("value of XK|INJURY|001").get());
    }

    @Test
    void shouldListARangeInclusiveOfBothEndsAndStayUnchangedByWritesWhileOpen() {
        KeyValueStore<Bytes, byte[]> store = open();
        store.putAll(List.of(KeyValue.pair(bytes("a|1"), new byte[] {1}), KeyValue.pair(bytes("a|2"), new byte[] {2}),
                KeyValue.pair(bytes("b|1"), new byte[] {3})));

        try (KeyValueIterator<Bytes, byte[]> range = store.range(bytes("a|1"), bytes("a|2"))) {
            store.delete(bytes("a|2"));
            assertThat(range.peekNextKey()).isEqualTo(bytes("a|1"));
            assertThat(keys(range)).containsExactly("a|1", "a|2");
        }
        assertThat(keys(store.reverseRange(bytes("a|"), bytes("a|~")))).containsExactly("a|1");
    }

    private static KeyValueStore<Bytes, byte[]> open() {
        KeyValueStore<Bytes, byte[]> store = HashBufferStore.supplier("waiting").get();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }

    private static Bytes bytes(String text) {
        return Bytes.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> keys(KeyValueIterator<Bytes, byte[]> iterator) {
        List<String> keys = new ArrayList<>();
        iterator.forEachRemaining(entry -> keys.add(new String(entry.key.get(), StandardCharsets.UTF_8)));
        iterator.close();
        return keys;
    }
}
