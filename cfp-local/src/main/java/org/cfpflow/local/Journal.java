package org.cfpflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * An append-only file of records (BSON documents), each framed by its length and a CRC-32C. Records are appended to
 * a buffer; {@link #writeUpTo} hands everything appended so far to the file in one write, for every thread that
 * waits meanwhile (group commit). A record handed to the file survives a killed process (the kernel has it); a
 * record cut off by a kill mid-write, at the end, was never acknowledged and is dropped when the file is read.
 */
final class Journal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final int HEADER_BYTES = 8;
    private static final int IO_BUFFER_BYTES = 1 << 20;

    private final Path file;
    private FileChannel channel;
    private final Object writeLock = new Object();

    /** Guarded by {@code this}: records encoded and not yet written, and how many were ever appended. */
    private ByteBuf pending = Unpooled.buffer(64 * 1024);
    private long appended;
    /** Guarded by {@link #writeLock}. */
    private long written;
    private long records;
    private IOException failed;

    Journal(Path file) throws IOException {
        this.file = file;
        Files.deleteIfExists(rewriteFile());
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    /**
     * Reads every whole record in order; a torn one at the end (a kill during its write) and what follows are cut
     * off, so the next record appended starts where the last whole one ended. Returns the number of records read.
     */
    long replay(Consumer<Document> apply) throws IOException {
        long size = channel.size();
        long position = 0;
        ByteBuf buffer = Unpooled.buffer(IO_BUFFER_BYTES);
        long count = 0;
        while (position < size) {
            if (!fill(buffer, position, HEADER_BYTES)) {
                break;
            }
            int length = buffer.getInt(buffer.readerIndex());
            int checksum = buffer.getInt(buffer.readerIndex() + 4);
            if (length <= 0 || length > size - position - HEADER_BYTES || !fill(buffer, position,
                    HEADER_BYTES + length)) {
                break;
            }
            buffer.skipBytes(HEADER_BYTES);
            if (checksum(buffer, buffer.readerIndex(), length) != checksum) {
                break;
            }
            Document record = BsonDecoder.decodeBson(buffer.readSlice(length));
            apply.accept(record);
            position += HEADER_BYTES + length;
            count++;
        }
        if (position < size) {
            log.warn("journal {}: {} bytes after record {} are not a whole record (a store killed while writing "
                    + "it, before acknowledging it): dropped", file, size - position, count);
            channel.truncate(position);
        }
        channel.position(position);
        records = count;
        return count;
    }

    /** True if the buffer, read from the file at {@code filePosition} as needed, holds {@code bytes} unread bytes. */
    private boolean fill(ByteBuf buffer, long filePosition, int bytes) throws IOException {
        if (buffer.readableBytes() >= bytes) {
            return true;
        }
        buffer.discardReadBytes();
        buffer.ensureWritable(bytes);
        long from = filePosition + buffer.readableBytes();
        while (buffer.readableBytes() < bytes) {
            int read = buffer.writeBytes(channel, from, buffer.writableBytes());
            if (read <= 0) {
                return false;
            }
            from += read;
        }
        return true;
    }

    /** Encodes the record at once (later changes to the document are not part of it); returns its number. */
    synchronized long append(Document record) {
        append(pending, record);
        return ++appended;
    }

    synchronized long appended() {
        return appended;
    }

    private static void append(ByteBuf buffer, Document record) {
        int start = buffer.writerIndex();
        buffer.writeLong(0);
        BsonEncoder.encodeDocument(record, buffer);
        int length = buffer.writerIndex() - start - HEADER_BYTES;
        buffer.setInt(start, length);
        buffer.setInt(start + 4, checksum(buffer, start + HEADER_BYTES, length));
    }

    private static int checksum(ByteBuf buffer, int index, int length) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.nioBuffer(index, length));
        return (int) crc.getValue();
    }

    private static void writeFully(FileChannel channel, ByteBuf buffer) throws IOException {
        ByteBuffer bytes = buffer.nioBuffer();
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /**
     * Returns once every record up to {@code record} is in the file, writing whatever is pending if needed. After a
     * failed write (a full disk) every later one fails too: the records of that write are lost to the file, so no
     * write after them may be acknowledged as if the file held what came before.
     */
    void writeUpTo(long record) {
        synchronized (writeLock) {
            if (written >= record) {
                return;
            }
            if (failed != null) {
                throw new UncheckedIOException("journal " + file + " failed earlier; restart the store", failed);
            }
            ByteBuf batch;
            long upTo;
            synchronized (this) {
                batch = pending;
                upTo = appended;
                pending = Unpooled.buffer(Math.max(64 * 1024, batch.capacity() / 2));
            }
            try {
                writeFully(channel, batch);
            }
            catch (IOException e) {
                failed = e;
                throw new UncheckedIOException("journal " + file + " could not be written", e);
            }
            records += upTo - written;
            written = upTo;
        }
    }

    /** Records in the file. */
    long records() {
        synchronized (writeLock) {
            return records;
        }
    }

    /**
     * Replaces the file by one holding only these records, written beside it, forced to disk and moved over it in
     * one step: a kill at any moment leaves the old file or the new one. Only while nothing else appends.
     */
    void rewrite(Iterator<Document> records) throws IOException {
        synchronized (writeLock) {
            Path next = rewriteFile();
            long count = 0;
            try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuf buffer = Unpooled.buffer(IO_BUFFER_BYTES);
                while (records.hasNext()) {
                    append(buffer, records.next());
                    count++;
                    if (buffer.readableBytes() >= IO_BUFFER_BYTES || !records.hasNext()) {
                        writeFully(out, buffer);
                        buffer.clear();
                    }
                }
                out.force(true);
            }
            channel.close();
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            channel.position(channel.size());
            this.records = count;
        }
    }

    private Path rewriteFile() {
        return file.resolveSibling(file.getFileName() + ".rewrite");
    }

    /** Writes what is pending and forces the file to disk; once (the server closes its backend, so may its owner). */
    @Override
    public void close() throws IOException {
        synchronized (writeLock) {
            if (!channel.isOpen()) {
                return;
            }
            if (failed == null) {
                writeUpTo(appended());
            }
            channel.force(true);
            channel.close();
        }
    }
}
