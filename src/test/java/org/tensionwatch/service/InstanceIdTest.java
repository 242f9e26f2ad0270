package org.tensionwatch.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceIdTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepTheIdGeneratedOnTheFirstStartForEveryRestartOnTheSameDataDirectory() {
        String first = InstanceId.of(Optional.empty(), dataDir);
        assertThat(first).startsWith("tension-");
        assertThat(InstanceId.of(Optional.empty(), dataDir)).isEqualTo(first);
        assertThat(dataDir.resolve(InstanceId.FILE_NAME)).hasContent(first);
    }

    @Test
    void shouldGiveAnotherDataDirectoryAnotherId(@TempDir Path other) {
        assertThat(InstanceId.of(Optional.empty(), other)).isNotEqualTo(InstanceId.of(Optional.empty(), dataDir));
    }

    @Test
    void shouldTakeTheConfiguredIdOverTheKeptOne() {
        InstanceId.of(Optional.empty(), dataDir);
        assertThat(InstanceId.of(Optional.of("tension-0"), dataDir)).isEqualTo("tension-0");
    }

    @Test
    void shouldRefuseAnIdKafkaCouldNotCarrySayingWhereItCameFrom() throws IOException {
        assertThatThrownBy(() -> InstanceId.of(Optional.of("pod 0/a"), dataDir))
                .hasMessageContaining("tension.streams.instance-id").hasMessageContaining("'pod 0/a'");
        Files.writeString(dataDir.resolve(InstanceId.FILE_NAME), "bad id\n");
        assertThatThrownBy(() -> InstanceId.of(Optional.empty(), dataDir)).hasMessageContaining(InstanceId.FILE_NAME);
    }
}
