package io.halcyon.launcher.update.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.halcyon.launcher.update.UpdateRecord;

/**
 * Every update record of the host, in an append-only file of one JSON line per record
 * ({@link RecordLine}). A record is written and forced to the disk when its request ends, before the
 * caller hears of it, so a host killed right after (SIGKILL, power) still has it. Several host
 * processes may share the file (one state directory, several {@code launcher/halcyon} runs): each
 * append takes the file's lock and numbers its record after the last one in the file. A line that does
 * not parse (a host killed in the middle of writing it) is left out when the file is read, and the next
 * record starts on a line of its own.
 */
final class HistoryLog {

    private final Path file;
    private final Consumer<String> log;

    HistoryLog(Path file, Consumer<String> log) {
        this.file = file;
        this.log = log;
    }

    Path file() {
        return file;
    }

    /** Appends {@code r} with the next sequence number and returns it so numbered. */
    synchronized UpdateRecord append(UpdateRecord r) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            String existing = read(channel);
            List<UpdateRecord> earlier = parse(existing, false);
            long sequence = earlier.isEmpty() ? 1 : earlier.get(earlier.size() - 1).sequence() + 1;
            UpdateRecord numbered = new UpdateRecord(sequence, r.at(), r.who(), r.bundle(), r.block(), r.fromVersion(), r.toVersion(),
                    r.outcome(), r.detail(), r.pauseNanos(), r.refreshed(), r.phases(), r.gate(), r.unchecked());
            String line = (existing.isEmpty() || existing.endsWith("\n") ? "" : "\n") + RecordLine.of(numbered) + "\n";
            channel.position(channel.size());
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
            return numbered;
        } catch (IOException e) {
            throw new UncheckedIOException("update history " + file + ": cannot append: " + e.getMessage(), e);
        }
    }

    /** Every complete record in the file, oldest first. */
    synchronized List<UpdateRecord> all() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new UncheckedIOException("update history " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private List<UpdateRecord> parse(String text, boolean tell) {
        List<UpdateRecord> records = new ArrayList<>();
        int lineNumber = 0;
        for (String line : text.split("\n")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                records.add(RecordLine.parse(line));
            } catch (IllegalArgumentException e) {
                if (tell) {
                    log.accept("update history " + file + " line " + lineNumber + " is no complete record (left out): " + e.getMessage());
                }
            }
        }
        return records;
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer all = ByteBuffer.allocate((int) channel.size());
        channel.position(0);
        while (all.hasRemaining() && channel.read(all) >= 0) {
            // read until the buffer, sized to the file, is full
        }
        return new String(all.array(), 0, all.position(), StandardCharsets.UTF_8);
    }
}
