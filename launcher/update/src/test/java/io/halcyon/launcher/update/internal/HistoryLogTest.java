package io.halcyon.launcher.update.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.halcyon.launcher.update.GateCounts;
import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.Phase;
import io.halcyon.launcher.update.UpdateRecord;

/** The durable history: every field survives the file, numbering goes on across processes, a torn last line is left out. */
public class HistoryLogTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final List<String> log = new ArrayList<>();

    private static UpdateRecord record(String who, Outcome outcome, String detail) {
        return new UpdateRecord(0, Instant.parse("2026-12-06T10:15:30.123456Z"), who, "io.halcyon.block.dma", "dma", "1.0.0",
                "1.0.1", outcome, detail, 2_345_678, List.of("io.halcyon.block.dma"),
                List.of(new Phase("install", 3_100_000), new Phase("gate", 12_000_000)),
                new GateCounts(12, 30, "register tests", 3, 1, 2, 0), false);
    }

    @Test
    public void aRecordReadBackEqualsTheOneWrittenWhateverItsTextHolds() throws Exception {
        HistoryLog history = new HistoryLog(file(), log::add);
        UpdateRecord written = history.append(record("shell \"ops\"\tteam", Outcome.ROLLED_BACK,
                "health gate: dma DmaEngine bytesMoved() read 0x1 \\ then\nnext line, {\"json\": true}"));
        assertEquals(1, written.sequence());
        assertEquals(List.of(written), new HistoryLog(file(), log::add).all());
        assertEquals("one line per record", 1, lines().size());
    }

    @Test
    public void numberingGoesOnInTheNextProcess() {
        new HistoryLog(file(), log::add).append(record("first host", Outcome.UPDATED, ""));
        new HistoryLog(file(), log::add).append(record("first host", Outcome.UPDATED, ""));
        UpdateRecord third = new HistoryLog(file(), log::add).append(record("next host", Outcome.REFUSED, "no"));
        assertEquals(3, third.sequence());
        assertEquals(List.of(1L, 2L, 3L), new HistoryLog(file(), log::add).all().stream().map(UpdateRecord::sequence).toList());
    }

    @Test
    public void aLineTornByAKilledHostIsLeftOutAndTheNextRecordStartsAfreshLine() throws Exception {
        HistoryLog history = new HistoryLog(file(), log::add);
        history.append(record("before the kill", Outcome.UPDATED, ""));
        String torn = RecordLine.of(record("torn", Outcome.UPDATED, "")).substring(0, 60);
        Files.writeString(file(), torn, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        UpdateRecord after = new HistoryLog(file(), log::add).append(record("after the restart", Outcome.UPDATED, ""));
        assertEquals("numbered after the last complete record", 2, after.sequence());
        List<UpdateRecord> all = new HistoryLog(file(), log::add).all();
        assertEquals(List.of("before the kill", "after the restart"), all.stream().map(UpdateRecord::who).toList());
        assertEquals(3, lines().size());
        assertTrue(log.toString(), log.stream().anyMatch(l -> l.contains("line 2 is no complete record")));
    }

    @Test
    public void numberingReadsOnlyTheFilesEndEvenWhenItsLastRecordIsLongerThanAFirstLook() {
        HistoryLog history = new HistoryLog(file(), log::add);
        for (int i = 0; i < 100; i++) {
            history.append(record("host", Outcome.UPDATED, ""));
        }
        // A last record longer than the first look at the file's end: the look widens until it holds it.
        history.append(record("host", Outcome.ROLLED_BACK, "x".repeat(40_000)));
        assertEquals(102, new HistoryLog(file(), log::add).append(record("next host", Outcome.UPDATED, "")).sequence());
        assertEquals(102, new HistoryLog(file(), log::add).all().size());
    }

    @Test
    public void aMissingFileIsAnEmptyHistory() {
        assertEquals(List.of(), new HistoryLog(file(), log::add).all());
    }

    private Path file() {
        return folder.getRoot().toPath().resolve("history.jsonl");
    }

    private List<String> lines() throws java.io.IOException {
        return Files.readAllLines(file(), StandardCharsets.UTF_8);
    }
}
