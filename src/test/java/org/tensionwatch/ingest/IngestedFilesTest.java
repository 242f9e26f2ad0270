package org.tensionwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestedFilesTest {

    @TempDir
    Path dir;

    @Test
    void shouldTakeAFileOnceAcrossARestart() throws Exception {
        Path file = Files.writeString(dir.resolve("a.md"), "Police detain protesters\n\nText.");
        Path ledgerFile = dir.resolve("ledger");
        IngestedFiles ledger = IngestedFiles.open(ledgerFile);
        assertThat(ledger.taken(file)).isFalse();
        ledger.remember(file);
        assertThat(ledger.taken(file)).isTrue();
        assertThat(IngestedFiles.open(ledgerFile).taken(file)).as("after a restart").isTrue();
    }

    @Test
    void shouldTakeAFileAgainOnlyWhenItsContentChanges() throws Exception {
        Path file = Files.writeString(dir.resolve("a.md"), "First version");
        IngestedFiles ledger = IngestedFiles.open(dir.resolve("ledger"));
        ledger.remember(file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(ledger.taken(file)).as("touched, same content").isTrue();
        Files.writeString(file, "Corrected version");
        assertThat(ledger.taken(file)).isFalse();
        assertThat(ledger.notTaken(List.of(file))).containsExactly(file);
    }
}
