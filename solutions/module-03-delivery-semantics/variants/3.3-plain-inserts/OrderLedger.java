package dev.kafkaworkbook.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reference solution of exercise 3.3: the natural key is the primary key of order_events; one transaction inserts the
 * event if it is new (MERGE … WHEN NOT MATCHED) and, only then, adds its amount to the order's total.
 */
public final class OrderLedger {

    private final DataSource database;

    public OrderLedger(DataSource database) {
        this.database = database;
    }

    public void createSchema() throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("""
                    CREATE TABLE order_events (
                        order_id     VARCHAR(64) NOT NULL,
                        event_id     VARCHAR(64) NOT NULL,
                        customer     VARCHAR(64) NOT NULL,
                        amount_cents BIGINT      NOT NULL)""");
            sql.execute("""
                    CREATE TABLE order_totals (
                        order_id    VARCHAR(64) PRIMARY KEY,
                        total_cents BIGINT      NOT NULL,
                        event_count INT         NOT NULL)""");
        }
    }

    public void apply(ConsumerRecord<String, OrderEvent> record) throws SQLException {
        OrderEvent event = record.value();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (insertIfNew(connection, event)) {
                    addToTotal(connection, event);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Inserts the event's row; always a new row. */
    private static boolean insertIfNew(Connection connection, OrderEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO order_events VALUES (?, ?, ?, ?)")) {
            insert.setString(1, event.orderId());
            insert.setString(2, event.eventId());
            insert.setString(3, event.customer());
            insert.setLong(4, event.amountCents());
            return insert.executeUpdate() == 1;
        }
    }

    private static void addToTotal(Connection connection, OrderEvent event) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement("""
                MERGE INTO order_totals t
                USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS BIGINT))) AS n(order_id, amount_cents)
                ON t.order_id = n.order_id
                WHEN MATCHED THEN UPDATE SET total_cents = t.total_cents + n.amount_cents, event_count = t.event_count + 1
                WHEN NOT MATCHED THEN INSERT VALUES (n.order_id, n.amount_cents, 1)""")) {
            merge.setString(1, event.orderId());
            merge.setLong(2, event.amountCents());
            merge.executeUpdate();
        }
    }
}
