package org.cfpflow.messaging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;

/**
 * Inserts documents that claim their id, for writers that may be handed the same thing twice (a redelivered event):
 * a document whose id is taken already is the one written before, so it is left out rather than failing the rest.
 */
public final class NewDocuments {

    private static final int DUPLICATE_KEY = 11000;

    private NewDocuments() {
    }

    /**
     * Inserts all in one unordered command. Returns the positions of those left out because their id was taken;
     * any other write error is thrown.
     */
    public static Set<Integer> insert(MongoCollection<Document> collection, List<Document> documents) {
        Set<Integer> taken = new HashSet<>();
        if (documents.isEmpty()) {
            return taken;
        }
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        }
        catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (!isDuplicateKey(error)) {
                    throw e;
                }
                taken.add(error.getIndex());
            }
        }
        return taken;
    }

    static boolean isDuplicateKey(BulkWriteError error) {
        return error.getCode() == DUPLICATE_KEY;
    }
}
