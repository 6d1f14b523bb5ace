package org.cfpflow.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index of the local store, which mongo-java-server declares but ignores: every query of a service
 * by conference (its proposals, its queue, its e-mails) read the whole collection, so the local run answered them
 * in time proportional to the whole deployment, where {@code mongod} reads the conference's part of the index.
 * This one keeps, for each string value of the index's leading key (an array's elements each), the documents that
 * hold it; a query that asks for that key to equal a string gets those documents as candidates, and
 * mongo-java-server matches the whole query against them, so the answer is the one a full scan gives. The other
 * keys of a compound index narrow nothing here; the candidates are one conference's documents, which is what
 * the index is for.
 */
final class LeadingKeyIndex extends Index<Object> {

    private final String leadingKey;
    /** Leading value → _id → position. */
    private final Map<String, Map<Object, Object>> byValue = new ConcurrentHashMap<>();
    /** _id → position, of every document, so that a removal finds its position whatever it holds. */
    private final Map<Object, Object> positions = new ConcurrentHashMap<>();

    LeadingKeyIndex(String name, List<IndexKey> keys) {
        super(name, keys, false);
        this.leadingKey = keys.get(0).getKey();
    }

    /** A query this index narrows: its leading key compared for equality with a string, at the top level. */
    @Override
    public boolean canHandle(Document query) {
        return query.get(leadingKey) instanceof String;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        Map<Object, Object> holding = byValue.get((String) query.get(leadingKey));
        return holding == null ? List.of() : new ArrayList<>(holding.values());
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        Object id = document.get("_id");
        positions.put(id, position);
        for (String value : values(document)) {
            byValue.computeIfAbsent(value, v -> new ConcurrentHashMap<>()).put(id, position);
        }
    }

    @Override
    public Object remove(Document document) {
        Object id = document.get("_id");
        for (String value : values(document)) {
            byValue.computeIfPresent(value, (v, holding) -> {
                holding.remove(id);
                return holding.isEmpty() ? null : holding;
            });
        }
        return positions.remove(id);
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
        return positions.get(document.get("_id"));
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
        return positions.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
        byValue.clear();
        positions.clear();
    }
}
