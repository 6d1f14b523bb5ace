package org.cfpflow.local;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * H2's {@link ObjectDataType}, but index keys compare element by element, with H2's order for each element, and
 * documents, index keys and object ids are written as BSON and bytes instead of by Java serialization. With H2's
 * type, every step of a unique index's binary search Java-serialized both keys to compare them ({@link KeyValue} is
 * not {@code Comparable}), and each commit of the file Java-serialized every document of every page it rewrote:
 * about a quarter of the store's CPU under load (2026-11-25). The store's maps are in memory since 2026-11-26; the
 * BSON form is what the H2 files of the earlier store hold, which {@link EarlierStore} reads.
 * <p>
 * Reads what H2's type wrote (values not rewritten yet keep their Java-serialized form until their page changes);
 * anything BSON cannot hold is still written H2's way.
 */
final class CompactDataType extends ObjectDataType {

    /** A map whose keys and values are of this type. */
    static <K, V> MVMap.Builder<K, V> map() {
        return new MVMap.Builder<K, V>().keyType(new CompactDataType()).valueType(new CompactDataType());
    }

    // tags H2's type never writes (it uses 0–19 and 32–119)
    private static final byte DOCUMENT = 120;
    private static final byte KEY = 121;
    private static final byte OBJECT_ID = 122;
    private static final byte MISSING = 123;

    /** H2's estimate for serialized objects, from the sizes written: pages split by estimated memory. */
    private volatile int averageDocumentMemory = 2_048;

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof Document document) {
            ByteBuf bson = Unpooled.buffer(512);
            try {
                BsonEncoder.encodeDocument(document, bson);
                averageDocumentMemory = (int) ((2L * bson.readableBytes() + 15L * averageDocumentMemory) / 16);
                buff.put(DOCUMENT).putVarInt(bson.readableBytes()).put(bson.nioBuffer());
                return;
            }
            catch (IllegalArgumentException e) {
                // holds something BSON cannot: written H2's way below
            }
            finally {
                bson.release();
            }
        }
        else if (obj instanceof KeyValue key) {
            buff.put(KEY).putVarInt(key.size());
            for (Object element : key) {
                write(buff, element);
            }
            return;
        }
        else if (obj instanceof ObjectId id) {
            buff.put(OBJECT_ID).put(id.toByteArray());
            return;
        }
        else if (obj instanceof Missing) {
            buff.put(MISSING);
            return;
        }
        super.write(buff, obj);
    }

    @Override
    public Object read(ByteBuffer buff) {
        byte tag = buff.get(buff.position());
        if (tag < DOCUMENT || tag > MISSING) {
            return super.read(buff);
        }
        buff.get();
        switch (tag) {
            case DOCUMENT -> {
                int length = DataUtils.readVarInt(buff);
                Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buff.slice(buff.position(), length)));
                buff.position(buff.position() + length);
                return document;
            }
            case KEY -> {
                int size = DataUtils.readVarInt(buff);
                List<Object> elements = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    elements.add(read(buff));
                }
                return new KeyValue(elements);
            }
            case OBJECT_ID -> {
                byte[] id = new byte[12];
                buff.get(id);
                return new ObjectId(id);
            }
            default -> {
                return Missing.getInstance();
            }
        }
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue x && b instanceof KeyValue y) {
            for (int i = 0, n = Math.min(x.size(), y.size()); i < n; i++) {
                int order = super.compare(x.get(i), y.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        return super.compare(a, b);
    }

    @Override
    public int getMemory(Object obj) {
        if (obj instanceof Document) {
            return averageDocumentMemory;
        }
        if (obj instanceof KeyValue key) {
            int memory = 24;
            for (Object element : key) {
                memory += getMemory(element);
            }
            return memory;
        }
        if (obj instanceof ObjectId || obj instanceof Missing) {
            return 40;
        }
        return super.getMemory(obj);
    }
}
