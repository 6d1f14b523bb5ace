package org.cfpflow.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index of the local store, which mongo-java-server declares but ignores: every query of a service
 * by conference (its proposals, its queue, its e-mails) read the whole collection, so the local run answered them
 * in time proportional to the whole deployment, where {@code mongod} reads the conference's part of the index.
 * This one keeps, for each string value of the index's leading key (an array's elements each), the documents that
 * hold it, in the order of the index's other keys and then {@code _id}; a query that asks for that key to equal a
 * string gets those documents as candidates in that order, and mongo-java-server matches the whole query against
 * them, so the answer is the one a full scan gives. A query sorted by a prefix of that order is read in it and
 * stops at its limit ({@link IdIndexedCollection}), as {@code mongod} walks an index.
 */
final class LeadingKeyIndex extends Index<Object> {

    private final String leadingKey;
    /** The order of each leading value's documents: the other keys of the index, then {@code _id}. */
    private final List<IndexKey> order;
    private final Comparator<List<Object>> comparator;
    /** Leading value → the documents' keys in {@link #order} → position. */
    private final Map<String, ConcurrentSkipListMap<List<Object>, Object>> byValue = new ConcurrentHashMap<>();
    /** _id → the document's keys in {@link #order} and position, so that a removal finds them whatever it holds. */
    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
    /** Whether some document held an array in a key of {@link #order}: mongod's order of those is not this one. */
    private volatile boolean orderHeldAnArray;

    private record Entry(Set<String> values, List<Object> sortKey, Object position) {
    }

    /** One leading value's positions in the index's order. */
    record OrderedPositions(LeadingKeyIndex index, Collection<Object> positions) implements Iterable<Object> {

        @Override
        public Iterator<Object> iterator() {
            return positions.iterator();
        }

        /** Whether these positions are in the order {@code orderBy} asks for, so that nothing need be sorted. */
        boolean sortedBy(Document orderBy) {
            return index.sorts(orderBy);
        }

        /**
         * The query without the condition on the index's leading key, which every document of these positions meets:
         * it holds the value the query asks for (or an array with it), or it would not be here.
         */
        Document restOf(Document query) {
            Document rest = new Document();
            query.forEach((key, value) -> {
                if (!key.equals(index.leadingKey)) {
                    rest.put(key, value);
                }
            });
            return rest;
        }
    }

    LeadingKeyIndex(String name, List<IndexKey> keys) {
        super(name, keys, false);
        this.leadingKey = keys.get(0).getKey();
        List<IndexKey> rest = new ArrayList<>(keys.subList(1, keys.size()));
        if (rest.stream().noneMatch(key -> key.getKey().equals("_id"))) {
            rest.add(new IndexKey("_id", true));
        }
        this.order = List.copyOf(rest);
        this.comparator = (a, b) -> {
            for (int i = 0; i < order.size(); i++) {
                int compared = (order.get(i).isAscending() ? ValueComparator.asc() : ValueComparator.desc())
                        .compare(a.get(i), b.get(i));
                if (compared != 0) {
                    return compared;
                }
            }
            return 0;
        };
    }

    /** A query this index narrows: its leading key compared for equality with a string, at the top level. */
    @Override
    public boolean canHandle(Document query) {
        return query.get(leadingKey) instanceof String;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        Map<List<Object>, Object> holding = byValue.get((String) query.get(leadingKey));
        return new OrderedPositions(this, holding == null ? List.of() : new ArrayList<>(holding.values()));
    }

    /** Whether {@code orderBy} is a prefix of this index's order, key for key and direction for direction. */
    boolean sorts(Document orderBy) {
        if (orderBy == null || orderBy.isEmpty() || orderBy.size() > order.size() || orderHeldAnArray) {
            return false;
        }
        int i = 0;
        for (Map.Entry<String, Object> key : orderBy.entrySet()) {
            IndexKey indexed = order.get(i++);
            if (!indexed.getKey().equals(key.getKey()) || !(key.getValue() instanceof Number direction)
                    || (direction.intValue() == 1) != indexed.isAscending()
                    || Math.abs(direction.intValue()) != 1) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        Object id = document.get("_id");
        List<Object> sortKey = new ArrayList<>(order.size());
        for (IndexKey key : order) {
            Object value = Utils.getSubdocumentValueCollectionAware(document, key.getKey());
            if (value instanceof Collection<?>) {
                orderHeldAnArray = true;
            }
            sortKey.add(value);
        }
        Entry entry = new Entry(values(document), Collections.unmodifiableList(sortKey), position);
        remove(id);
        entries.put(id, entry);
        for (String value : entry.values()) {
            byValue.computeIfAbsent(value, v -> new ConcurrentSkipListMap<>(comparator)).put(entry.sortKey(),
                    position);
        }
    }

    @Override
    public Object remove(Document document) {
        return remove(document.get("_id"));
    }

    private Object remove(Object id) {
        Entry entry = entries.remove(id);
        if (entry == null) {
            return null;
        }
        for (String value : entry.values()) {
            byValue.computeIfPresent(value, (v, holding) -> {
                holding.remove(entry.sortKey());
                return holding.isEmpty() ? null : holding;
            });
        }
        return entry.position();
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    /** The strings the leading key holds in the document: its value, or the elements of an array. */
    private Set<String> values(Document document) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, leadingKey);
        Collection<?> all = value instanceof Collection<?> many ? many : Collections.singletonList(value);
        return all.stream().filter(String.class::isInstance).map(String.class::cast).collect(Collectors.toSet());
    }

    @Override
    public Object getPosition(Document document) {
        Entry entry = entries.get(document.get("_id"));
        return entry == null ? null : entry.position();
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: any document may be added
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: any update may be made
    }

    @Override
    public long getCount() {
        return entries.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
        byValue.clear();
        entries.clear();
    }
}
