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

    /** How much of the file's end is read first to number the next record: a few records' worth. */
    private static final long TAIL_BYTES = 16 * 1024;

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
            String tail = tail(channel);
            List<UpdateRecord> last = parse(tail, false);
            long sequence = last.isEmpty() ? 1 : last.get(last.size() - 1).sequence() + 1;
            UpdateRecord numbered = new UpdateRecord(sequence, r.at(), r.who(), r.bundle(), r.block(), r.fromVersion(), r.toVersion(),
                    r.outcome(), r.detail(), r.pauseNanos(), r.refreshed(), r.phases(), r.gate(), r.unchecked());
            String line = (tail.isEmpty() || tail.endsWith("\n") ? "" : "\n") + RecordLine.of(numbered) + "\n";
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

    /**
     * The end of the file, from the start of a line, holding the last complete record (the file grows
     * with every update of every host sharing it; numbering needs only its last record). Reads back
     * from the end, twice as far each time, until a complete record is found or the file is read whole.
     */
    private static String tail(FileChannel channel) throws IOException {
        long size = channel.size();
        for (long span = Math.min(size, TAIL_BYTES); ; span = Math.min(size, span * 2)) {
            ByteBuffer bytes = ByteBuffer.allocate((int) span);
            channel.position(size - span);
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // read until the buffer is full
            }
            String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
            if (span < size) {
                text = text.substring(text.indexOf('\n') + 1); // the first line may be cut: start at the next
            }
            if (span == size || text.lines().anyMatch(HistoryLog::complete)) {
                return text;
            }
        }
    }

    private static boolean complete(String line) {
        try {
            RecordLine.parse(line);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
