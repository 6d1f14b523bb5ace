package org.cfpflow.local;

import java.nio.ByteBuffer;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * H2's {@link ObjectDataType} for the store's maps in memory, but index keys compare element by element, with H2's
 * order for each element. With H2's own type every step of a unique index's binary search Java-serialized both keys
 * to compare them ({@link KeyValue} is not {@code Comparable}). The maps are never written to a file (the journal
 * holds the data), so this type never serializes anything.
 */
final class IndexKeyType extends ObjectDataType {

    /** What H2 assumes a document takes in memory when it splits pages by their estimated size. */
    private static final int DOCUMENT_MEMORY = 2_048;

    /** A map whose keys and values are of this type. */
    static <K, V> MVMap.Builder<K, V> map() {
        return new MVMap.Builder<K, V>().keyType(new IndexKeyType()).valueType(new IndexKeyType());
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
            return DOCUMENT_MEMORY;
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

    @Override
    public void write(WriteBuffer buff, Object obj) {
        throw new UnsupportedOperationException("the local store's maps live in memory only");
    }

    @Override
    public Object read(ByteBuffer buff) {
        throw new UnsupportedOperationException("the local store's maps live in memory only");
    }
}
