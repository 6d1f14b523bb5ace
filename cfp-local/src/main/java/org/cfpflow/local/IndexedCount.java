package org.cfpflow.local;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The drivers count documents ({@code countDocuments}, Spring Data's {@code count}, every page's total) with an
 * aggregation, {@code [{$match}, {$skip}?, {$limit}?, {$group: {_id: 1, n: {$sum: 1}}}]}, and mongo-java-server
 * runs every aggregation over the whole collection, whatever its indexes. A pipeline of exactly that shape is
 * answered here as a query's count, which finds its candidates through the indexes: the same number, without the
 * scan, as {@code mongod} counts from an index.
 */
final class IndexedCount {

    private IndexedCount() {
    }

    /** The aggregate command's answer, or null where the command is not a count of that shape. */
    static Document answer(MongoDatabase database, Document command) {
        if (!(command.get("aggregate") instanceof String name) || !(command.get("pipeline") instanceof List<?> stages)
                || stages.size() < 2) {
            return null;
        }
        if (!(stages.get(0) instanceof Document first) || first.size() != 1
                || !(first.get("$match") instanceof Document match) || !isCountGroup(stages.get(stages.size() - 1))) {
            return null;
        }
        int skip = 0;
        int limit = 0;
        for (Object stage : stages.subList(1, stages.size() - 1)) {
            if (stage instanceof Document d && d.size() == 1 && d.get("$skip") instanceof Number n && skip == 0
                    && limit == 0) {
                skip = n.intValue();
            }
            else if (stage instanceof Document d && d.size() == 1 && d.get("$limit") instanceof Number n
                    && limit == 0) {
                limit = n.intValue();
            }
            else {
                return null;
            }
        }
        MongoCollection<?> collection = database.resolveCollection(name, false);
        if (collection == null) {
            return null;
        }
        int count = collection.count(match, skip, limit);
        Object id = ((Document) ((Document) stages.get(stages.size() - 1)).get("$group")).get("_id");
        Document cursor = new Document("firstBatch", count == 0 ? List.of()
                : List.of(new Document("_id", id).append("n", count)));
        cursor.put("id", 0L);
        cursor.put("ns", database.getDatabaseName() + "." + name);
        Document response = new Document("cursor", cursor);
        response.put("ok", 1.0);
        return response;
    }

    /** {@code {$group: {_id: <constant>, n: {$sum: 1}}}}, as the drivers write it. */
    private static boolean isCountGroup(Object stage) {
        return stage instanceof Document d && d.size() == 1 && d.get("$group") instanceof Document group
                && group.size() == 2 && !(group.get("_id") instanceof Document) && !(group.get("_id") instanceof String)
                && group.get("n") instanceof Document sum && sum.size() == 1 && sum.get("$sum") instanceof Number one
                && one.intValue() == 1;
    }
}
