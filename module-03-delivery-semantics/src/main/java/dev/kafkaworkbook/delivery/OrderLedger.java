package dev.kafkaworkbook.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * <b>Exercise 3.3 — An idempotent downstream.</b>
 *
 * <p>An at-least-once consumer (3.2) repeats what it processed after its last commit, and an upstream that retried a
 * send puts the same event on the topic twice, at two offsets, with a later {@code emittedAt}. The order ledger, a SQL
 * database downstream of the order service, must end as if each event had arrived exactly once. It deduplicates by
 * the event's <em>natural key</em>, {@code (order_id, event_id)} (see {@link OrderEvent}): not by the offset, which
 * differs between the copies, nor by the bytes, which differ too.
 * <ul>
 *   <li>{@link #createSchema()} creates, on an empty database, the two tables below; {@code order_events} has a
 *       uniqueness rule (a primary key or a unique constraint) on exactly {@code (order_id, event_id)}:
 *       <pre>
 * order_events (order_id VARCHAR(64), event_id VARCHAR(64), customer VARCHAR(64), amount_cents BIGINT)
 * order_totals (order_id VARCHAR(64) PRIMARY KEY, total_cents BIGINT, event_count INT)</pre></li>
 *   <li>{@link #apply(ConsumerRecord)} records the event a record carries ({@code record.value()}) in
 *       {@code order_events} and adds its amount to its order's row of {@code order_totals} (creating the row with
 *       the order's first event), <em>only if the event is not there yet</em>. Applying an event that is already
 *       there changes nothing, whatever the offset of the record that carries it;</li>
 *   <li>what the ledger has applied lives in the database, not in this object: a new {@code OrderLedger} on the same
 *       database, in another JVM after a crash, still recognises every event applied before;</li>
 *   <li>both writes of one event happen in one database transaction: a crash between them leaves neither.</li>
 * </ul>
 * Any SQL that does this is right: a {@code MERGE} (H2's form of {@code INSERT … ON CONFLICT DO NOTHING}), or a
 * {@code SELECT} then {@code INSERT} in one transaction, or an {@code INSERT} whose duplicate-key error you catch.
 * The database is H2 (in memory); {@code database.getConnection()} gives a connection in auto-commit mode: close
 * what you open.
 *
 * <p>Statement: {@code module-03-delivery-semantics/README.md#33-an-idempotent-downstream} (es: {@code README.es.md}).
 */
public final class OrderLedger {

    private final DataSource database;

    public OrderLedger(DataSource database) {
        this.database = database;
    }

    /** Creates order_events (unique on order_id, event_id) and order_totals on an empty database. */
    public void createSchema() throws SQLException {
        // TODO 3.3: CREATE TABLE order_events (…, PRIMARY KEY (order_id, event_id)) and CREATE TABLE order_totals (…).
        throw new UnsupportedOperationException("TODO 3.3: OrderLedger.createSchema() is not written yet");
    }

    /** Records the record's event and adds it to its order's total, once per (order_id, event_id), in one transaction. */
    public void apply(ConsumerRecord<String, OrderEvent> record) throws SQLException {
        // TODO 3.3: in one transaction: insert the event unless its (order_id, event_id) is there; only if it was
        //  new, add amount_cents to order_totals (insert the row for the order's first event); commit.
        throw new UnsupportedOperationException("TODO 3.3: OrderLedger.apply() is not written yet");
    }
}
