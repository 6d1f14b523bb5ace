package org.cfpflow.messaging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Holds an insert at the client, before it is sent, until the test releases it: an insert in flight for as long as
 * the test needs. Counts the documents of each insert into the watched collection from then on.
 */
class InsertGate implements CommandListener {

    private volatile String collection;
    private volatile CountDownLatch held = new CountDownLatch(0);
    private volatile CountDownLatch released = new CountDownLatch(0);
    private final List<Integer> documentsPerInsert = new CopyOnWriteArrayList<>();

    /** The next insert into this collection waits for {@link #release}. */
    void holdNextInsertInto(String collection) {
        documentsPerInsert.clear();
        held = new CountDownLatch(1);
        released = new CountDownLatch(1);
        this.collection = collection;
    }

    void awaitHeld() throws InterruptedException {
        if (!held.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no insert into " + collection + " within 10 s");
        }
    }

    void release() {
        released.countDown();
    }

    List<Integer> documentsPerInsert() {
        return List.copyOf(documentsPerInsert);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        if (!event.getCommandName().equals("insert") || collection == null
                || !collection.equals(command.getString("insert").getValue())) {
            return;
        }
        documentsPerInsert.add(command.getArray("documents").size());
        if (held.getCount() > 0) {
            held.countDown();
            try {
                released.await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
